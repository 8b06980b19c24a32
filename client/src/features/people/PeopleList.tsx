import { groupOf, type Participant, type Place, type WorkshopState } from '@plenary/shared';
import { useWorkshopView } from '../../realtime/WorkshopContext';
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

/** Where someone is, in words: a board, their group's room (home during a round), the home screen. */
export function placeLabel(place: Place, participantId: string, state: WorkshopState, t: Translate): string {
  switch (place.kind) {
    case 'board': {
      const title = state.boards.byId[place.boardId]?.title;
      return title ? t('people.place.board', { title }) : t('people.place.aBoard');
    }
    case 'console':
      return t('people.place.console');
    case 'home': {
      const inGroup = groupOf(state.breakouts, participantId);
      return inGroup ? t('people.place.group', { group: inGroup.group.name }) : t('people.place.home');
    }
  }
}

/** Everyone in the workshop, grouped by country or organisation, online first; facilitators also see where each one is. */
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
  // Filled for facilitators only (the server sends places to them alone).
  const { places } = useWorkshopView();
  const where = (p: Participant) => {
    const place = p.id !== me && online.has(p.id) ? places.get(p.id) : undefined;
    return place ? placeLabel(place, p.id, state, t) : null;
  };
  const summary = new Map<string, number>();
  for (const p of Object.values(state.participants)) {
    const label = !p.removed && p.role !== 'projector' ? where(p) : null;
    if (label) summary.set(label, (summary.get(label) ?? 0) + 1);
  }
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
      {summary.size > 0 && (
        <div className="people-places" data-testid="people-places">
          <h3>{t('people.places')}</h3>
          <ul className="plain-list inline-list">
            {[...summary].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], locale)).map(([label, n]) => (
              <li key={label} dir="auto">
                {label}: <strong>{n}</strong>
              </li>
            ))}
          </ul>
        </div>
      )}
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
                  {where(p) && (
                    <span className="person-place muted" dir="auto" data-testid="person-place">
                      {where(p)}
                    </span>
                  )}
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
