import { lazy, Suspense, useCallback, useId, useState } from 'react';
import { groupOf, type Round, type WorkshopState } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { describeError } from '../../i18n/describeError';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { NotesPanel } from '../notes/NotesPanel';
import { GroupBoardLink } from './GroupBoardLink';
import { UnreadChatLink } from '../discussions/UnreadChatLink';
import { formatCountdown, useServerClock } from '../run/useServerClock';

// The group's answers are read only when the rapporteur asks for them (it loads Yjs).
const AnswersReader = lazy(() => import('./AnswersReader'));
// The discussion (answers editor, chat) loads when a group room or a gallery shows it, not with the home page.
const GroupDiscussion = lazy(() => import('../discussions/GroupDiscussion').then((m) => ({ default: m.GroupDiscussion })));

/**
 * A participant's breakout room while a round runs: the task, the time left,
 * the group, its notes, help, the facilitator's messages, and the findings
 * the rapporteur writes for the plenary. Topic rounds start with choosing.
 */
export function GroupRoom() {
  const t = useT();
  const view = useWorkshopView();
  const client = useWorkshopClient();
  const state = view.state!;
  const place = groupOf(state.breakouts, view.me);
  const now = useServerClock(true, 1000);
  const active = Object.values(state.breakouts.byId).find((r) => r.status === 'running' || r.status === 'closing');
  // Moved to another group while the round runs: say so to screen readers (the room itself just changes).
  const groupId = place?.group.id ?? null;
  const [seen, setSeen] = useState<{ id: string | null; moved: string | null }>({ id: groupId, moved: null });
  if (seen.id !== groupId) setSeen({ id: groupId, moved: seen.id && place ? t('breakout.room.moved', { name: place.group.name }) : null });
  if (!active) return null;
  if (!place) return <ChooseOrWait round={active} state={state} />;
  const { round, group } = place;
  const members = Object.entries(round.members)
    .filter(([, g]) => g === group.id)
    .map(([id]) => state.participants[id])
    .filter((p) => p && !p.removed);
  const left = round.endsAt === null ? 0 : Math.max(0, round.endsAt - now);
  const closingLeft = round.closingEndsAt === null ? 0 : Math.max(0, Math.ceil((round.closingEndsAt - now) / 1000));
  return (
    <section className="card group-room" aria-labelledby="group-room-title" data-testid="group-room">
      <p className="eyebrow">{round.title}</p>
      <h2 id="group-room-title" dir="auto" data-testid="group-name">
        {t('breakout.room.group', { name: group.name })}
      </h2>
      <p className="visually-hidden" role="status" data-testid="group-moved">
        {seen.moved}
      </p>
      {round.status === 'closing' && (
        <p className="banner closing" role="status" data-testid="closing-countdown">
          {t('breakout.room.closing', { seconds: closingLeft })}
        </p>
      )}
      {round.broadcasts.length > 0 && (
        <div className="broadcasts" role="log" aria-label={t('breakout.room.broadcast')}>
          {round.broadcasts.slice(-3).map((b) => (
            <p key={b.id} className="announcement" dir="auto" data-testid="group-broadcast">
              {b.text}
            </p>
          ))}
        </div>
      )}
      <div className="group-room-grid">
        <div>
          <h3>{t('breakout.room.task')}</h3>
          <p className="group-prompt" dir="auto">
            {round.prompt}
          </p>
          <p className="group-timer" data-testid="group-timer">
            {t('breakout.room.timeLeft')}: <strong>{formatCountdown(left)}</strong>
          </p>
          <UnreadChatLink groupId={group.id} />
          <GroupBoardLink groupId={group.id} />
          <HelpButton round={round} groupId={group.id} />
        </div>
        <div>
          <h3>{t('breakout.room.members')}</h3>
          <ul className="plain-list" data-testid="group-members">
            {members.map((m) => (
              <li key={m!.id} className={view.online.has(m!.id) ? 'online' : 'offline'}>
                <span className="presence-dot" aria-hidden="true" />
                <span dir="auto">{m!.name}</span>
                {round.rapporteurs[group.id] === m!.id && <span className="tag">{t('breakout.room.rapporteur')}</span>}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <NotesPanel
        state={state}
        me={view.me}
        token={client.session.token}
        doc={{ kind: 'groupNotes', workshopId: state.id, groupId: group.id }}
        title={t('breakout.room.notes')}
        testId="group-notes"
        level={3}
      />
      <Suspense fallback={null}>
        <GroupDiscussion state={state} me={view.me} token={client.session.token} round={round} group={group} />
      </Suspense>
      <Findings round={round} groupId={group.id} memberIds={members.map((m) => m!.id)} />
    </section>
  );
}

function HelpButton({ round, groupId }: { round: Round; groupId: string }) {
  const t = useT();
  const client = useWorkshopClient();
  const asked = round.help.some((h) => h.groupId === groupId && !h.resolved);
  const [error, setError] = useState<string | null>(null);
  if (round.status !== 'running') return null;
  return (
    <>
      {asked ? (
        <p className="banner" role="status" data-testid="help-sent">
          {t('breakout.room.helpSent')}
        </p>
      ) : (
        <button
          type="button"
          onClick={async () => {
            const r = await client.send('breakout:help', { roundId: round.id });
            setError(r.ok ? null : describeError(t, r.error));
          }}
        >
          {t('breakout.room.help')}
        </button>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

function Findings({ round, groupId, memberIds }: { round: Round; groupId: string; memberIds: string[] }) {
  const t = useT();
  const client = useWorkshopClient();
  const view = useWorkshopView();
  const state = view.state!;
  const ids = { who: useId(), text: useId() };
  const rapporteur = round.rapporteurs[groupId];
  const isRapporteur = rapporteur === view.me;
  const [text, setText] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = round.findings[groupId] ?? '';
  const questions = state.discussions.questions[round.id] ?? [];
  const [drawing, setDrawing] = useState(false);
  const [drawn, setDrawn] = useState<string | null>(null);
  const onAnswers = useCallback(
    (answers: string) => {
      setDrawing(false);
      if (!answers) {
        setDrawn(t('breakout.room.noAnswers'));
        return;
      }
      setDrawn(null);
      setText((prev) => {
        const base = prev ?? current;
        return (base ? `${base}\n\n${answers}` : answers).slice(0, 5000);
      });
      setSaved(false);
    },
    [t, current],
  );
  return (
    <div className="findings">
      <h3>{t('breakout.room.findings')}</h3>
      <label htmlFor={ids.who}>{t('breakout.room.chooseRapporteur')}</label>
      <select
        id={ids.who}
        value={rapporteur ?? ''}
        onChange={async (e) => {
          if (!e.target.value) return;
          const r = await client.send('breakout:setRapporteur', { roundId: round.id, groupId, participantId: e.target.value });
          setError(r.ok ? null : describeError(t, r.error));
        }}
      >
        <option value="">{t('breakout.room.rapporteurNone')}</option>
        {memberIds.map((id) => (
          <option key={id} value={id}>
            {state.participants[id]?.name}
          </option>
        ))}
      </select>
      {isRapporteur ? (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await client.send('breakout:setFindings', { roundId: round.id, groupId, text: text ?? current });
            setSaved(r.ok);
            setError(r.ok ? null : describeError(t, r.error));
          }}
        >
          <label htmlFor={ids.text}>{t('breakout.room.findingsHint')}</label>
          {questions.length > 0 && (
            <p>
              <button type="button" className="small" disabled={drawing} onClick={() => setDrawing(true)} data-testid="draw-answers">
                {t('breakout.room.drawAnswers')}
              </button>
            </p>
          )}
          {drawing && (
            <Suspense fallback={null}>
              <AnswersReader workshopId={state.id} groupId={groupId} questions={questions} onText={onAnswers} />
            </Suspense>
          )}
          {drawn && (
            <p className="muted" role="status">
              {drawn}
            </p>
          )}
          <textarea id={ids.text} rows={5} maxLength={5000} value={text ?? current} onChange={(e) => { setText(e.target.value); setSaved(false); }} dir="auto" data-testid="findings-input" />
          <button type="submit">{t('breakout.room.saveFindings')}</button>
          {saved && (
            <p className="muted" role="status">
              {t('breakout.room.findingsSaved')}
            </p>
          )}
        </form>
      ) : (
        current && (
          <p className="findings-text" dir="auto">
            {current}
          </p>
        )
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A topic round lets participants choose; otherwise they wait to be placed. */
function ChooseOrWait({ round, state }: { round: Round; state: WorkshopState }) {
  const t = useT();
  const client = useWorkshopClient();
  const [error, setError] = useState<string | null>(null);
  if (round.method !== 'topic') {
    return (
      <section className="card group-room" aria-labelledby="group-wait">
        <p className="eyebrow">{round.title}</p>
        <p id="group-wait">{t('breakout.room.noGroup')}</p>
      </section>
    );
  }
  return (
    <section className="card group-room" aria-labelledby="group-choose">
      <p className="eyebrow">{round.title}</p>
      <h2 id="group-choose">{t('breakout.room.chooseTopic')}</h2>
      <ul className="plain-list">
        {round.groups.map((g) => {
          const count = Object.values(round.members).filter((x) => x === g.id).length;
          const full = g.capacity !== null && count >= g.capacity;
          return (
            <li key={g.id}>
              <span dir="auto">
                {g.name}
                {g.topic ? ` — ${g.topic}` : ''}
              </span>
              <button
                type="button"
                className="small"
                disabled={full}
                onClick={async () => {
                  const r = await client.send('breakout:choose', { roundId: round.id, groupId: g.id });
                  setError(r.ok ? null : describeError(t, r.error));
                }}
              >
                {full ? t('breakout.room.full') : t('breakout.room.join', { name: g.name })}
              </button>
            </li>
          );
        })}
      </ul>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p className="muted">{state.definition.title}</p>
    </section>
  );
}
