import { useId, useState, type DragEvent, type FormEvent } from 'react';
import {
  boardTemplates,
  groupable,
  type BoardTemplate,
  type GroupingMethod,
  type Round,
  type Unmet,
  type WireError,
} from '@plenary/shared';
import { useT, type Translate } from '../../i18n/useT';
import { useLocale } from '../../i18n/useLocale';
import { countryName } from '../../i18n/names';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { formatCountdown, useServerClock } from '../run/useServerClock';
import { Gallery } from './Gallery';
import { GroupActivity } from './GroupActivity';
import { GroupVisit } from './GroupVisit';

type Report = (error: WireError | null) => void;
const methods: GroupingMethod[] = ['balanced', 'random', 'topic', 'manual', 'import'];

/** Plan, assign, run and close breakout rounds. */
export function BreakoutsPanel({ report }: { report: Report }) {
  const t = useT();
  const state = useWorkshopView().state!;
  const rounds = state.breakouts.order.map((id) => state.breakouts.byId[id]!);
  return (
    <section className="card breakouts-panel" aria-labelledby="breakouts-title" data-testid="breakouts-panel">
      <h2 id="breakouts-title">{t('breakout.plan.title')}</h2>
      {rounds.map((r) => (
        <RoundCard key={r.id} round={r} report={report} />
      ))}
      <NewRound report={report} />
    </section>
  );
}

function NewRound({ report }: { report: Report }) {
  const t = useT();
  const client = useWorkshopClient();
  const ids = { title: useId(), prompt: useId(), minutes: useId(), groups: useId(), method: useId(), names: useId(), board: useId(), lang: useId(), across: useId() };
  const [title, setTitle] = useState('');
  const [prompt, setPrompt] = useState('');
  const [minutes, setMinutes] = useState('30');
  const [count, setCount] = useState('4');
  const [method, setMethod] = useState<GroupingMethod>('balanced');
  const [names, setNames] = useState('');
  const [template, setTemplate] = useState<BoardTemplate | ''>('');
  const [byLanguage, setByLanguage] = useState(false);
  const [readAcross, setReadAcross] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const lines = names.split('\n').map((l) => l.trim()).filter(Boolean);
    const n = lines.length > 0 ? lines.length : Math.max(1, Math.round(Number(count)));
    const groups = Array.from({ length: n }, (_, i) => ({
      name: lines[i] ?? t('breakout.plan.defaultGroup', { n: i + 1 }),
      topic: method === 'topic' && lines[i] ? lines[i]! : null,
      capacity: null,
    }));
    const r = await client.send('breakout:create', {
      round: { title: title.trim(), prompt: prompt.trim(), template: template || null, minutes: Math.round(Number(minutes)), method, byLanguage, readAcross },
      groups,
    });
    report(r.ok ? null : r.error);
    if (r.ok) {
      setTitle('');
      setPrompt('');
      setNames('');
    }
  };
  return (
    <details className="new-round">
      <summary>{t('breakout.plan.new')}</summary>
      <form onSubmit={submit}>
        <label htmlFor={ids.title}>{t('breakout.plan.roundTitle')}</label>
        <input id={ids.title} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} dir="auto" required />
        <label htmlFor={ids.prompt}>{t('breakout.plan.prompt')}</label>
        <textarea id={ids.prompt} rows={3} value={prompt} maxLength={2000} onChange={(e) => setPrompt(e.target.value)} dir="auto" />
        <div className="inline-form">
          <div>
            <label htmlFor={ids.minutes}>{t('breakout.plan.minutes')}</label>
            <input id={ids.minutes} type="number" min={1} max={480} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          </div>
          <div>
            <label htmlFor={ids.groups}>{t('breakout.plan.groups')}</label>
            <input id={ids.groups} type="number" min={1} max={40} value={count} onChange={(e) => setCount(e.target.value)} />
          </div>
        </div>
        <label htmlFor={ids.method}>{t('breakout.plan.method')}</label>
        <select id={ids.method} value={method} onChange={(e) => setMethod(e.target.value as GroupingMethod)}>
          {methods.map((m) => (
            <option key={m} value={m}>
              {t(`breakout.plan.method.${m}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.names}>{t('breakout.plan.groupNames')}</label>
        <textarea id={ids.names} rows={3} value={names} onChange={(e) => setNames(e.target.value)} dir="auto" />
        <label htmlFor={ids.board}>{t('breakout.plan.board')}</label>
        <select id={ids.board} value={template} onChange={(e) => setTemplate(e.target.value as BoardTemplate | '')}>
          <option value="">{t('breakout.plan.board.none')}</option>
          {boardTemplates.map((b) => (
            <option key={b} value={b}>
              {t(`board.template.${b}`)}
            </option>
          ))}
        </select>
        <div className="toggle">
          <input id={ids.lang} type="checkbox" checked={byLanguage} onChange={(e) => setByLanguage(e.target.checked)} />
          <label htmlFor={ids.lang}>{t('breakout.plan.byLanguage')}</label>
        </div>
        <div className="toggle">
          <input id={ids.across} type="checkbox" checked={readAcross} onChange={(e) => setReadAcross(e.target.checked)} />
          <label htmlFor={ids.across}>{t('breakout.plan.readAcross')}</label>
        </div>
        <button type="submit" className="primary">
          {t('breakout.plan.create')}
        </button>
      </form>
    </details>
  );
}

export function unmetText(u: Unmet, round: Round, t: Translate, locale: string, orgName: (id: string) => string | undefined): string {
  const group = round.groups[u.group]?.name ?? String(u.group + 1);
  switch (u.kind) {
    case 'phaseMissing':
      return t('breakout.unmet.phaseMissing', { group, phase: u.phase });
    case 'sameAffiliation':
      return t('breakout.unmet.sameAffiliation', { group, count: u.count, who: orgName(u.affiliation) ?? countryName(u.affiliation, locale) });
    case 'mixedLanguages':
      return t('breakout.unmet.mixedLanguages', { group, languages: u.languages.join(', ') });
  }
}

function RoundCard({ round, report }: { round: Round; report: Report }) {
  const t = useT();
  const { locale } = useLocale();
  const client = useWorkshopClient();
  const view = useWorkshopView();
  const state = view.state!;
  const now = useServerClock(round.status === 'running' || round.status === 'closing', 1000);
  const closingId = useId();
  const [closing, setClosing] = useState('60');
  const [broadcast, setBroadcast] = useState('');
  const [importText, setImportText] = useState('');
  const [visiting, setVisiting] = useState<string | null>(null);
  const send = async (p: ReturnType<typeof client.send>) => {
    const r = await p;
    report(r.ok ? null : r.error);
    return r.ok;
  };
  const people = groupable(state);
  const unassigned = people.filter((p) => !(p.id in round.members));
  const orgName = (id: string) => state.definition.organisations.find((o) => o.id === id)?.short;
  const live = round.status === 'running' || round.status === 'closing';
  const movable = round.status === 'draft' || round.status === 'running';
  const openHelp = round.help.filter((h) => !h.resolved);
  const boardOf = (groupId: string) => state.boards.order.find((b) => { const s = state.boards.byId[b]!.scope; return s.kind === 'group' && s.groupId === groupId; });
  const drop = (groupId: string | null) => (e: DragEvent) => {
    e.preventDefault();
    const participantId = e.dataTransfer.getData('text/plain');
    if (participantId) void send(client.send('breakout:move', { roundId: round.id, participantId, groupId }));
  };
  const memberRow = (id: string) => {
    const p = state.participants[id];
    if (!p) return null;
    return (
      <li key={id} draggable={movable} onDragStart={(e) => e.dataTransfer.setData('text/plain', id)} className={view.online.has(id) ? 'online' : 'offline'} data-testid="group-member">
        <span className="presence-dot" aria-hidden="true" />
        <span dir="auto">{p.name}</span>
        {movable && (
          <MoveSelect name={p.name} value={round.members[id] ?? ''} groups={round.groups} onMove={(groupId) => void send(client.send('breakout:move', { roundId: round.id, participantId: id, groupId }))} />
        )}
      </li>
    );
  };
  return (
    <article className={`round status-${round.status}`} data-testid="round" aria-label={round.title}>
      <header className="card-head">
        <h3 dir="auto">{round.title}</h3>
        <span className="tag" data-testid="round-status">
          {t(`breakout.status.${round.status}`)}
        </span>
      </header>
      {live && round.endsAt !== null && (
        <p className="group-timer">
          {t('breakout.room.timeLeft')}: <strong>{formatCountdown(Math.max(0, round.endsAt - now))}</strong>
        </p>
      )}
      {openHelp.length > 0 && (
        <div className="help-requests" role="alert">
          <h4>{t('breakout.run.help')}</h4>
          <ul className="plain-list">
            {openHelp.map((h) => (
              <li key={h.id} data-testid="help-request">
                <span dir="auto">{t('breakout.run.helpFrom', { group: round.groups.find((g) => g.id === h.groupId)?.name ?? '' })}</span>
                <button type="button" className="small" onClick={() => void send(client.send('breakout:resolveHelp', { roundId: round.id, requestId: h.id }))}>
                  {t('breakout.run.resolve')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {round.status !== 'closed' && (
        <div className="groups-grid">
          {round.groups.map((g) => {
            const ids = Object.entries(round.members).filter(([, x]) => x === g.id).map(([id]) => id);
            const online = ids.filter((id) => view.online.has(id)).length;
            return (
              <div key={g.id} className="group-box" onDragOver={(e) => movable && e.preventDefault()} onDrop={drop(g.id)} data-testid="group-box" aria-label={g.name}>
                <h4 dir="auto">{g.name}</h4>
                <p className="muted">{t('breakout.run.online', { online, total: ids.length })}</p>
                {live && boardOf(g.id) && <GroupActivity workshopId={state.id} boardId={boardOf(g.id)!} startedAt={round.startedAt} now={now} />}
                {live && (
                  <button type="button" className="small" aria-pressed={visiting === g.id} aria-label={t('breakout.visit.openGroup', { group: g.name })} onClick={() => setVisiting(visiting === g.id ? null : g.id)} data-testid="visit-room">
                    {t('breakout.visit.open')}
                  </button>
                )}
                {ids.length === 0 ? <p className="muted">{t('breakout.assign.nobody')}</p> : <ul className="plain-list">{ids.map(memberRow)}</ul>}
              </div>
            );
          })}
          {movable && unassigned.length > 0 && (
            <div className="group-box unassigned" onDragOver={(e) => e.preventDefault()} onDrop={drop(null)} aria-label={t('breakout.assign.unassigned')}>
              <h4>{t('breakout.assign.unassigned')}</h4>
              <ul className="plain-list">{unassigned.map((p) => memberRow(p.id))}</ul>
            </div>
          )}
        </div>
      )}
      {live && visiting && <GroupVisit state={state} round={round} groupId={visiting} onClose={() => setVisiting(null)} />}
      {round.unmet.length > 0 && round.status === 'draft' && (
        <ul className="unmet">
          {round.unmet.map((u, i) => (
            <li key={i}>{unmetText(u, round, t, locale, orgName)}</li>
          ))}
        </ul>
      )}
      <div className="row">
        {round.status === 'draft' && (round.method === 'balanced' || round.method === 'random') && (
          <button type="button" onClick={() => void send(client.send('breakout:assign', { roundId: round.id, seed: Math.floor(Math.random() * 2 ** 31) }))}>
            {Object.keys(round.members).length > 0 ? t('breakout.assign.again') : t('breakout.assign.shuffle')}
          </button>
        )}
        {round.status === 'draft' && (
          <button type="button" className="primary" onClick={() => void send(client.send('breakout:start', { roundId: round.id }))}>
            {t('breakout.run.start')}
          </button>
        )}
        {round.status === 'running' && (
          <button type="button" onClick={() => void send(client.send('breakout:extend', { roundId: round.id, minutes: 5 }))}>
            {t('breakout.run.extend')}
            <span className="visually-hidden"> {t('breakout.run.extendLabel')}</span>
          </button>
        )}
        {round.status === 'closing' && (
          <button type="button" onClick={() => void send(client.send('breakout:finish', { roundId: round.id }))}>
            {t('breakout.run.finish')}
          </button>
        )}
        {round.status === 'closed' && (
          <button type="button" onClick={() => void send(client.send('breakout:rerun', { roundId: round.id }))}>
            {t('breakout.run.rerun')}
          </button>
        )}
        {(round.status === 'draft' || round.status === 'closed') && (
          <button type="button" className="danger" onClick={() => void send(client.send('breakout:delete', { roundId: round.id }))}>
            {t('breakout.run.delete')}
          </button>
        )}
      </div>
      {round.status === 'running' && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send(client.send('breakout:end', { roundId: round.id, closingSeconds: Number(closing) }));
          }}
        >
          <div>
            <label htmlFor={closingId}>{t('breakout.run.closingSeconds')}</label>
            <select id={closingId} value={closing} onChange={(e) => setClosing(e.target.value)}>
              {['0', '10', '30', '60', '120'].map((s) => (
                <option key={s} value={s}>
                  {s === '0' ? t('breakout.run.now') : t('breakout.run.seconds', { seconds: s })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="primary">
            {t('breakout.run.end')}
          </button>
        </form>
      )}
      {live && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send(client.send('breakout:broadcast', { roundId: round.id, text: broadcast.trim() })).then((ok) => ok && setBroadcast(''));
          }}
        >
          <div>
            <label htmlFor={`${closingId}-b`}>{t('breakout.run.broadcast')}</label>
            <input id={`${closingId}-b`} value={broadcast} maxLength={500} onChange={(e) => setBroadcast(e.target.value)} dir="auto" />
          </div>
          <button type="submit">{t('breakout.run.send')}</button>
        </form>
      )}
      {round.status === 'draft' && round.method === 'import' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const rows = importText
              .split('\n')
              .map((l) => l.split(/[,;،؛\t]/).map((x) => x.trim()))
              .filter((cols) => cols.length >= 2 && cols[0] && cols[1])
              .map(([name, group]) => ({ name: name!, group: group! }));
            if (rows.length > 0) void send(client.send('breakout:import', { roundId: round.id, rows }));
          }}
        >
          <label htmlFor={`${closingId}-i`}>{t('breakout.assign.import')}</label>
          <textarea id={`${closingId}-i`} rows={4} value={importText} onChange={(e) => setImportText(e.target.value)} dir="auto" />
          <button type="submit">{t('breakout.assign.importSubmit')}</button>
        </form>
      )}
      {round.status === 'closed' && <Gallery round={round} />}
    </article>
  );
}

function MoveSelect({ name, value, groups, onMove }: { name: string; value: string; groups: Round['groups']; onMove: (groupId: string | null) => void }) {
  const t = useT();
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {t('breakout.assign.moveTo', { name })}
      </label>
      <select id={id} className="move-select" value={value} onChange={(e) => onMove(e.target.value || null)}>
        <option value="">{t('breakout.assign.unassigned')}</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
    </>
  );
}
