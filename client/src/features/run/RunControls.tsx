import { useId, useState, type FormEvent } from 'react';
import { durationOf, findAgendaItem, nowNext, scheduleOf, type ActivityStep, type AttentionView, type WireError } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { NowNext } from '../agenda/NowNext';
import { OpenProjectorButton } from '../projector/OpenProjectorButton';
import { TimerDisplay, useShownTimer } from './TimerDisplay';
import { stepLabel } from './stepLabel';
import { useWindowKeys } from '../../ui/useWindowKeys';
import { useServerClock } from './useServerClock';

/** Reports a refused command in words, or clears the report. */
type Report = (error: WireError | null) => void;

/** The facilitator's one place to run the room: the agenda position, the timer, attention. */
export function RunControls({ report }: { report: Report }) {
  const t = useT();
  return (
    <section className="card run-panel" aria-labelledby="run-title">
      <h2 id="run-title">{t('console.run.title')}</h2>
      <ItemControls report={report} />
      <TimerControls report={report} />
    </section>
  );
}

function ItemControls({ report }: { report: Report }) {
  const t = useT();
  const client = useWorkshopClient();
  const state = useWorkshopView().state!;
  const now = useServerClock(state.run.currentItemId !== null, 15_000);
  const nn = nowNext(state, now);
  const first = scheduleOf(state.definition)[0];
  const send = async (p: ReturnType<typeof client.send>) => {
    const r = await p;
    report(r.ok ? null : r.error);
  };
  const current = state.run.currentItemId ? findAgendaItem(state.definition, state.run.currentItemId) : undefined;
  const target = nn.led ? nn.next?.item.id : first?.item.id;
  const ran = current ? (state.run.stepsRun[current.id] ?? []) : [];
  const nextStep = current?.steps?.find((s) => !ran.includes(s.id));
  // Keys of the run sheet: N starts or moves to the next item, S runs the current item's next step not yet run.
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || (e.target as HTMLElement).closest('input, textarea, select, [contenteditable="true"]')) return;
    const key = e.key.toLowerCase();
    if (key === 'n' && target) {
      e.preventDefault();
      void send(client.send('agenda:setCurrent', { itemId: target }));
    } else if (key === 's' && current && nextStep) {
      e.preventDefault();
      void send(client.send('agenda:runStep', { itemId: current.id, stepId: nextStep.id }));
    }
  };
  useWindowKeys(onKey);
  let progress: string | null = null;
  let over = false;
  if (current && state.run.startedAt !== null) {
    const leftMin = Math.round((state.run.startedAt + durationOf(current) * 60_000 - now) / 60_000);
    over = leftMin < 0;
    progress = over ? t('run.item.overrun', { minutes: -leftMin }) : t('run.item.left', { minutes: leftMin });
  }
  return (
    <>
      <NowNext state={state} />
      {progress && (
        <p className={over ? 'overrun' : 'muted'} data-testid="item-progress" role="status">
          {progress}
        </p>
      )}
      <div className="row">
        {!nn.led && first && (
          <button type="button" className="primary" aria-keyshortcuts="N" onClick={() => void send(client.send('agenda:setCurrent', { itemId: first.item.id }))}>
            {t('console.run.startFirst')}
          </button>
        )}
        {nn.led && nn.next && (
          <button type="button" className="primary" aria-keyshortcuts="N" onClick={() => void send(client.send('agenda:setCurrent', { itemId: nn.next!.item.id }))}>
            {t('console.run.next')}
          </button>
        )}
        {nn.led &&
          [5, 10].map((minutes) => (
            <button key={minutes} type="button" onClick={() => void send(client.send('agenda:extend', { minutes }))}>
              {t('run.item.extend', { minutes })}
              <span className="visually-hidden"> {t('run.item.extendLabel', { minutes })}</span>
            </button>
          ))}
        {nn.led && (
          <button type="button" onClick={() => void send(client.send('agenda:setCurrent', { itemId: null }))}>
            {t('run.item.end')}
          </button>
        )}
        <OpenProjectorButton />
      </div>
      {current?.steps && current.steps.length > 0 && <Steps itemId={current.id} steps={current.steps} next={nextStep?.id ?? null} report={report} />}
      <p className="muted shortcuts">{t('run.keys')}</p>
    </>
  );
}

/** The current item's activity steps, each one click. */
function Steps({ itemId, steps, next, report }: { itemId: string; steps: ActivityStep[]; next: string | null; report: Report }) {
  const t = useT();
  const client = useWorkshopClient();
  const state = useWorkshopView().state!;
  const ran = state.run.stepsRun[itemId] ?? [];
  const label = (s: ActivityStep) => stepLabel(t, state, s);
  return (
    <div className="steps">
      <h3>{t('run.steps.title')}</h3>
      <ol className="plain-list">
        {steps.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className={s.id === next ? 'step-next' : undefined}
              aria-keyshortcuts={s.id === next ? 'S' : undefined}
              onClick={() => void client.send('agenda:runStep', { itemId, stepId: s.id }).then((r) => report(r.ok ? null : r.error))}
            >
              ▶ {label(s)}
            </button>
            {ran.includes(s.id) && <span className="tag tag-ok">{t('run.steps.ran')}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}

function TimerControls({ report }: { report: Report }) {
  const t = useT();
  const client = useWorkshopClient();
  // An expired timer clears itself here too: its controls go with it.
  const timer = useShownTimer(useWorkshopView().state!.run.timer);
  const ids = { minutes: useId(), label: useId() };
  const [minutes, setMinutes] = useState('5');
  const [label, setLabel] = useState('');
  const send = async (p: ReturnType<typeof client.send>) => {
    const r = await p;
    report(r.ok ? null : r.error);
  };
  const start = (e: FormEvent) => {
    e.preventDefault();
    const seconds = Math.round(Number(minutes) * 60);
    void send(client.send('timer:start', { seconds, label: label.trim() }));
  };
  return (
    <div className="timer-controls">
      <h3>{t('run.timer.title')}</h3>
      {timer && <TimerDisplay timer={timer} />}
      {timer && (
        <div className="row">
          {timer.endsAt !== null ? (
            <button type="button" onClick={() => void send(client.send('timer:pause', {}))}>
              {t('run.timer.pause')}
            </button>
          ) : (
            <button type="button" onClick={() => void send(client.send('timer:resume', {}))}>
              {t('run.timer.resume')}
            </button>
          )}
          <button type="button" onClick={() => void send(client.send('timer:extend', { seconds: 60 }))}>
            {t('run.timer.addMinute')}
          </button>
          <button type="button" onClick={() => void send(client.send('timer:stop', {}))}>
            {t('run.timer.stop')}
          </button>
        </div>
      )}
      <form className="inline-form" onSubmit={start}>
        <div>
          <label htmlFor={ids.minutes}>{t('run.timer.minutes')}</label>
          <input id={ids.minutes} type="number" min={0.1} max={600} step="any" inputMode="decimal" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </div>
        <div>
          <label htmlFor={ids.label}>{t('run.timer.name')}</label>
          <input id={ids.label} value={label} maxLength={100} onChange={(e) => setLabel(e.target.value)} dir="auto" />
        </div>
        <button type="submit">{t('run.timer.start')}</button>
      </form>
    </div>
  );
}

/** Pause the room, announce, bring everyone somewhere. */
export function AttentionControls({ report }: { report: Report }) {
  const t = useT();
  const client = useWorkshopClient();
  const run = useWorkshopView().state!.run;
  const ids = { pause: useId(), announce: useId(), bring: useId() };
  const [pauseMessage, setPauseMessage] = useState('');
  const [text, setText] = useState('');
  const [place, setPlace] = useState<AttentionView['kind']>('home');
  const [brought, setBrought] = useState<string | null>(null);
  const send = async (p: ReturnType<typeof client.send>) => {
    const r = await p;
    report(r.ok ? null : r.error);
    return r.ok;
  };
  const placeName = (k: AttentionView['kind']) => (k === 'questions' ? t('run.bring.questions') : t('run.bring.home'));
  return (
    <section className="card attention" aria-labelledby="attention-title">
      <h2 id="attention-title">{t('run.pause.section')}</h2>
      {run.paused ? (
        <>
          <p className="banner" role="status">
            {t('run.pause.active', { message: run.paused.message || t('run.pause.default') })}
          </p>
          <button type="button" className="primary" onClick={() => void send(client.send('room:resume', {}))}>
            {t('run.pause.resume')}
          </button>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void send(client.send('room:pause', { message: pauseMessage.trim() }));
          }}
        >
          <label htmlFor={ids.pause}>{t('run.pause.message')}</label>
          <input id={ids.pause} value={pauseMessage} maxLength={500} onChange={(e) => setPauseMessage(e.target.value)} placeholder={t('run.pause.default')} dir="auto" />
          <button type="submit">{t('run.pause.start')}</button>
        </form>
      )}

      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) {
            report({ code: 'invalid', message: t('run.announce.error') });
            return;
          }
          void send(client.send('announcement:post', { text: text.trim() })).then((ok) => ok && setText(''));
        }}
      >
        <label htmlFor={ids.announce}>{t('run.announce.text')}</label>
        <textarea id={ids.announce} rows={2} value={text} maxLength={500} onChange={(e) => setText(e.target.value)} dir="auto" />
        <button type="submit">{t('run.announce.send')}</button>
      </form>
      {run.announcements.length > 0 && (
        <>
          <h3>{t('run.announce.list')}</h3>
          <ul className="plain-list">
            {run.announcements.map((a) => (
              <li key={a.id}>
                <span dir="auto">{a.text}</span>
                <button type="button" className="small" onClick={() => void send(client.send('announcement:withdraw', { announcementId: a.id }))}>
                  {t('run.announce.withdraw')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send(client.send('attention:bring', { view: { kind: place } as AttentionView })).then((ok) => ok && setBrought(placeName(place)));
        }}
      >
        <label htmlFor={ids.bring}>{t('run.bring.title')}</label>
        <select id={ids.bring} value={place} onChange={(e) => setPlace(e.target.value as AttentionView['kind'])}>
          <option value="home">{t('run.bring.home')}</option>
          <option value="questions">{t('run.bring.questions')}</option>
        </select>
        <button type="submit">{t('run.bring.go')}</button>
        {brought && (
          <p className="muted" role="status">
            {t('run.bring.done', { place: brought })}
          </p>
        )}
      </form>
    </section>
  );
}
