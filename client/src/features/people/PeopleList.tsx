import type { Participant, WorkshopState } from '@plenary/shared';
import { useT, type Translate } from '../../i18n/useT';
import { useLocale } from '../../i18n/useLocale';
import { countryName } from '../../i18n/names';

interface Group {
  key: string;
  label: string;
  people: Participant[];
}

/** The label of what someone represents, in the viewer's language. */
export function affiliationLabel(p: Participant, state: WorkshopState, locale: string, t: Translate): string {
  const a = p.affiliation;
  if (a.kind === 'country') return countryName(a.country, locale);
  if (a.kind === 'organisation') return state.definition.organisations.find((o) => o.id === a.organisation)?.short ?? a.organisation;
  return p.role === 'facilitator' ? t('people.facilitators') : t('people.unaffiliated');
}

/** Everyone in the workshop, grouped by country or organisation, online first. */
export function PeopleList({
  state,
  online,
  me,
  onRemove,
  onSetRole,
}: {
  state: WorkshopState;
  online: ReadonlySet<string>;
  me: string;
  onRemove?: (p: Participant) => void;
  onSetRole?: (p: Participant, role: 'facilitator' | 'participant') => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const people = Object.values(state.participants).filter((p) => !p.removed && p.role !== 'projector');
  const present = people.filter((p) => online.has(p.id)).length;
  const groups = new Map<string, Group>();
  for (const p of people) {
    const label = affiliationLabel(p, state, locale, t);
    const key = p.role === 'facilitator' ? '0' : `1${label}`;
    const g = groups.get(key) ?? { key, label, people: [] };
    g.people.push(p);
    groups.set(key, g);
  }
  const sorted = [...groups.values()].sort((a, b) => a.key.localeCompare(b.key, locale));
  return (
    <section className="card people" aria-labelledby="people-title">
      <h2 id="people-title">{t('people.title')}</h2>
      <p className="muted" data-testid="people-count" aria-live="polite">
        {t('people.count', { present, total: people.length })}
      </p>
      {sorted.map((g) => (
        <div key={g.key} className="people-group">
          <h3>
            {g.label} <span className="count">{g.people.length}</span>
          </h3>
          <ul>
            {g.people
              .sort((a, b) => Number(online.has(b.id)) - Number(online.has(a.id)) || a.name.localeCompare(b.name, locale))
              .map((p) => (
                <li key={p.id} className={online.has(p.id) ? 'online' : 'offline'} data-testid="person" data-person-id={p.id}>
                  <span className="presence-dot" aria-hidden="true" />
                  <span className="person-name" dir="auto">
                    {p.name}
                  </span>
                  <span className="visually-hidden">{online.has(p.id) ? t('people.online') : t('people.offline')}</span>
                  {p.id === me && <span className="tag">{t('people.you')}</span>}
                  {p.role === 'observer' && <span className="tag">{t('people.observer')}</span>}
                  {onSetRole && p.id !== me && p.role !== 'observer' && (
                    <button
                      type="button"
                      className="small"
                      onClick={() => onSetRole(p, p.role === 'facilitator' ? 'participant' : 'facilitator')}
                      aria-label={p.role === 'facilitator' ? t('run.role.demote', { name: p.name }) : t('run.role.promote', { name: p.name })}
                    >
                      {p.role === 'facilitator' ? t('run.role.demoteShort') : t('run.role.promoteShort')}
                    </button>
                  )}
                  {onRemove && p.id !== me && (
                    <button type="button" className="small danger" onClick={() => onRemove(p)} aria-label={t('people.remove', { name: p.name })}>
                      {t('people.removeShort')}
                    </button>
                  )}
                </li>
              ))}
          </ul>
        </div>
      ))}
      {people.length === 0 && <p className="muted">{t('people.none')}</p>}
    </section>
  );
}
