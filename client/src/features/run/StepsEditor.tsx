import { useId, useRef, useState, type FormEvent } from 'react';
import { boardTemplates, defaultPollSettings, type ActivityStep, type BoardTemplate, type AgendaItem, type CommandInput, type WireError, type WorkshopState } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { FormButtons } from '../../ui/FormButtons';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { stepLabel } from './stepLabel';

type Report = (error: WireError | null) => void;
type StepInput = CommandInput<'agenda:addStep'>['step'];
type Kind = StepInput['kind'];
const kinds: Kind[] = ['showBoard', 'launchPoll', 'startRound', 'startTimer', 'openQa', 'showMessage', 'bringEveryone'];
const NEW = '';

/**
 * The steps of one agenda item, as a facilitator prepares them: each is one
 * click of the run sheet (a board for everyone, a poll, a breakout round from
 * its plan, a timer, Q&A, an announcement, everyone brought somewhere). Added,
 * changed, moved and removed live; the server checks each one.
 */
export function StepsEditor({ item, report }: { item: AgendaItem; report: Report }) {
  const t = useT();
  const client = useWorkshopClient();
  const state = useWorkshopView().state!;
  const steps = item.steps ?? [];
  const [editing, setEditing] = useState<string | null>(null);
  const adding = useRef<HTMLDetailsElement>(null);
  const send = async (p: ReturnType<typeof client.send>) => {
    const r = await p;
    report(r.ok ? null : r.error);
    return r.ok;
  };
  return (
    <div className="steps-editor" data-testid="steps-editor">
      {steps.length === 0 && <p className="muted">{t('run.steps.none')}</p>}
      <ol className="plain-list">
        {steps.map((s, index) => {
          const label = stepLabel(t, state, s);
          return (
            <li key={s.id} className="editable-item" data-testid="step">
              {editing === s.id ? (
                <StepForm
                  state={state}
                  initial={s}
                  submitLabel={t('run.steps.save')}
                  onCancel={() => setEditing(null)}
                  onSubmit={async (step) => {
                    if (await send(client.send('agenda:updateStep', { itemId: item.id, stepId: s.id, step }))) setEditing(null);
                  }}
                />
              ) : (
                <>
                  <span className="item-title" dir="auto">
                    {label}
                  </span>
                  <span className="row tight">
                    <button type="button" className="small" aria-label={t('run.steps.editStep', { label })} onClick={() => setEditing(s.id)}>
                      ✎
                    </button>
                    <button
                      type="button"
                      className="small"
                      disabled={index === 0}
                      aria-label={t('run.steps.up', { label })}
                      onClick={() => void send(client.send('agenda:moveStep', { itemId: item.id, stepId: s.id, index: index - 1 }))}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="small"
                      disabled={index === steps.length - 1}
                      aria-label={t('run.steps.down', { label })}
                      onClick={() => void send(client.send('agenda:moveStep', { itemId: item.id, stepId: s.id, index: index + 1 }))}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="small danger"
                      aria-label={t('run.steps.remove', { label })}
                      onClick={() => void send(client.send('agenda:removeStep', { itemId: item.id, stepId: s.id }))}
                    >
                      ×
                    </button>
                  </span>
                </>
              )}
            </li>
          );
        })}
      </ol>
      <details ref={adding}>
        <summary>{t('run.steps.add')}</summary>
        <StepForm
          state={state}
          submitLabel={t('run.steps.addSubmit')}
          onSubmit={async (step) => {
            // Added: the form folds away, and the new step shows in the list above.
            if ((await send(client.send('agenda:addStep', { itemId: item.id, step }))) && adding.current) adding.current.open = false;
          }}
        />
      </details>
    </div>
  );
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** One step's fields, for a new step or to change one (which may change its kind). */
function StepForm({
  state,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  state: WorkshopState;
  initial?: ActivityStep;
  submitLabel: string;
  onSubmit: (step: StepInput) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const t = useT();
  const id = useId();
  const ids = (name: string) => `${id}-${name}`;
  const [kind, setKind] = useState<Kind>(initial?.kind ?? 'showMessage');
  // Each kind's fields, kept while the kind is switched back and forth.
  const init = initial;
  const [boardId, setBoardId] = useState(init?.kind === 'showBoard' ? (init.boardId ?? NEW) : (Object.keys(state.boards.byId)[0] ?? state.definition.boards?.[0]?.id ?? NEW));
  const [boardTitle, setBoardTitle] = useState(init?.kind === 'showBoard' ? (init.board?.title ?? '') : '');
  const [template, setTemplate] = useState(init?.kind === 'showBoard' ? (init.board?.template ?? 'blank') : 'blank');
  const [pollId, setPollId] = useState(init?.kind === 'launchPoll' ? (init.pollId ?? NEW) : NEW);
  const [question, setQuestion] = useState(init?.kind === 'launchPoll' ? (init.poll?.question ?? '') : '');
  const [options, setOptions] = useState(() => {
    const spec = init?.kind === 'launchPoll' ? init.poll?.spec : undefined;
    return spec && 'options' in spec ? (spec.options as { label: string }[]).map((o) => o.label).join('\n') : '';
  });
  const plan = init?.kind === 'startRound' ? init.plan : undefined;
  const [roundId, setRoundId] = useState(init?.kind === 'startRound' ? (init.roundId ?? NEW) : NEW);
  const [roundTitle, setRoundTitle] = useState(plan?.title ?? '');
  const [method, setMethod] = useState<'balanced' | 'random'>(plan?.method ?? 'balanced');
  const [groupsBy, setGroupsBy] = useState<'count' | 'size'>(plan?.groups.by ?? 'size');
  const [groupsNumber, setGroupsNumber] = useState(String(plan ? (plan.groups.by === 'count' ? plan.groups.count : plan.groups.size) : 6));
  const [roundMinutes, setRoundMinutes] = useState(String(plan?.minutes ?? 45));
  const [questions, setQuestions] = useState(plan?.questions.join('\n') ?? '');
  const [roundTemplate, setRoundTemplate] = useState<string>(plan?.template ?? NEW);
  const [minutes, setMinutes] = useState(String(init?.kind === 'startTimer' ? init.minutes : 5));
  const [timerLabel, setTimerLabel] = useState(init?.kind === 'startTimer' ? init.label : '');
  const [bring, setBring] = useState(init?.kind === 'openQa' ? init.bring : true);
  const [text, setText] = useState(init?.kind === 'showMessage' ? init.text : '');
  const [place, setPlace] = useState(init?.kind === 'bringEveryone' ? (init.place.kind === 'board' ? `board:${init.place.boardId}` : init.place.kind) : 'home');

  const boards = [
    ...Object.values(state.boards.byId)
      .filter((b) => b.scope.kind === 'plenary')
      .map((b) => ({ id: b.id, title: b.title })),
    ...(state.definition.boards ?? []).filter((p) => !Object.values(state.boards.byId).some((b) => b.source === p.id)).map((p) => ({ id: p.id, title: p.title })),
  ];
  const polls = [
    ...Object.values(state.polls.byId).map((p) => ({ id: p.id, question: p.question })),
    ...(state.definition.polls ?? [])
      .map((p) => p as { id?: string; question?: string })
      .filter((p) => p.id && !Object.values(state.polls.byId).some((x) => x.source === p.id))
      .map((p) => ({ id: p.id!, question: p.question ?? p.id! })),
  ];
  const planned = Object.values(state.breakouts.byId).filter((r) => r.status === 'draft');

  const stepOf = (): StepInput => {
    switch (kind) {
      case 'showBoard':
        return boardId === NEW ? { kind, board: { title: boardTitle.trim(), template: template as BoardTemplate } } : { kind, boardId };
      case 'launchPoll': {
        if (pollId !== NEW) return { kind, pollId };
        const choices = lines(options);
        const spec = choices.length > 0 ? { kind: 'single' as const, options: choices.map((label, i) => ({ id: `o${i + 1}`, label })) } : { kind: 'wordCloud' as const, maxWords: 3, maxLength: 30 };
        return { kind, poll: { question: question.trim(), spec, settings: defaultPollSettings } };
      }
      case 'startRound': {
        if (roundId !== NEW) return { kind, roundId };
        const n = Math.round(Number(groupsNumber));
        return {
          kind,
          plan: {
            title: roundTitle.trim(),
            method,
            groups: groupsBy === 'count' ? { by: 'count', count: n } : { by: 'size', size: n },
            minutes: Math.round(Number(roundMinutes)),
            questions: lines(questions),
            template: roundTemplate === NEW ? null : (roundTemplate as BoardTemplate),
          },
        };
      }
      case 'startTimer':
        return { kind, minutes: Math.round(Number(minutes)), label: timerLabel.trim() };
      case 'openQa':
        return { kind, bring };
      case 'showMessage':
        return { kind, text: text.trim() };
      case 'bringEveryone':
        return { kind, place: place.startsWith('board:') ? { kind: 'board', boardId: place.slice(6) } : place === 'questions' ? { kind: 'questions' } : { kind: 'home' } };
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await onSubmit(stepOf());
    if (!initial) {
      setText('');
      setQuestion('');
      setOptions('');
      setBoardTitle('');
      setRoundTitle('');
      setQuestions('');
    }
  };

  return (
    <form className="item-form step-form" onSubmit={submit}>
      <label htmlFor={ids('kind')}>{t('run.steps.kind')}</label>
      <select id={ids('kind')} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
        {kinds.map((k) => (
          <option key={k} value={k}>
            {t(`run.steps.kind.${k}`)}
          </option>
        ))}
      </select>

      {kind === 'showBoard' && (
        <>
          <Pick id={ids('board')} label={t('run.steps.board')} value={boardId} onChange={setBoardId} newLabel={t('run.steps.newBoard')} choices={boards} />
          {boardId === NEW && (
            <>
              <label htmlFor={ids('boardTitle')}>{t('run.steps.boardTitle')}</label>
              <input id={ids('boardTitle')} value={boardTitle} maxLength={200} required dir="auto" onChange={(e) => setBoardTitle(e.target.value)} />
              <label htmlFor={ids('template')}>{t('run.steps.template')}</label>
              <select id={ids('template')} value={template} onChange={(e) => setTemplate(e.target.value)}>
                <TemplateOptions />
              </select>
            </>
          )}
        </>
      )}

      {kind === 'launchPoll' && (
        <>
          <Pick id={ids('poll')} label={t('run.steps.poll')} value={pollId} onChange={setPollId} newLabel={t('run.steps.newPoll')} choices={polls.map((p) => ({ id: p.id, title: p.question }))} />
          {pollId === NEW && (
            <>
              <label htmlFor={ids('question')}>{t('run.steps.question')}</label>
              <input id={ids('question')} value={question} maxLength={300} required dir="auto" onChange={(e) => setQuestion(e.target.value)} />
              <label htmlFor={ids('options')}>{t('run.steps.options')}</label>
              <textarea id={ids('options')} rows={4} value={options} dir="auto" onChange={(e) => setOptions(e.target.value)} />
            </>
          )}
        </>
      )}

      {kind === 'startRound' && (
        <>
          <Pick id={ids('round')} label={t('run.steps.round')} value={roundId} onChange={setRoundId} newLabel={t('run.steps.newRound')} choices={planned} />
          {roundId === NEW && (
            <>
              <label htmlFor={ids('roundTitle')}>{t('run.steps.roundTitle')}</label>
              <input id={ids('roundTitle')} value={roundTitle} maxLength={200} required dir="auto" onChange={(e) => setRoundTitle(e.target.value)} />
              <div className="inline-form">
                <div>
                  <label htmlFor={ids('method')}>{t('run.steps.method')}</label>
                  <select id={ids('method')} value={method} onChange={(e) => setMethod(e.target.value as 'balanced' | 'random')}>
                    <option value="balanced">{t('run.steps.method.balanced')}</option>
                    <option value="random">{t('run.steps.method.random')}</option>
                  </select>
                </div>
                <div>
                  <label htmlFor={ids('groupsBy')}>{t('run.steps.groupsBy')}</label>
                  <select id={ids('groupsBy')} value={groupsBy} onChange={(e) => setGroupsBy(e.target.value as 'count' | 'size')}>
                    <option value="size">{t('run.steps.groupsBy.size')}</option>
                    <option value="count">{t('run.steps.groupsBy.count')}</option>
                  </select>
                </div>
                <div>
                  <label htmlFor={ids('groupsNumber')}>{groupsBy === 'size' ? t('run.steps.groupSize') : t('run.steps.groupCount')}</label>
                  <input id={ids('groupsNumber')} type="number" min={groupsBy === 'size' ? 2 : 1} max={groupsBy === 'size' ? 100 : 40} required value={groupsNumber} onChange={(e) => setGroupsNumber(e.target.value)} />
                </div>
                <div>
                  <label htmlFor={ids('roundMinutes')}>{t('run.steps.minutes')}</label>
                  <input id={ids('roundMinutes')} type="number" min={1} max={480} required value={roundMinutes} onChange={(e) => setRoundMinutes(e.target.value)} />
                </div>
              </div>
              <label htmlFor={ids('questions')}>{t('run.steps.questions')}</label>
              <textarea id={ids('questions')} rows={3} value={questions} dir="auto" onChange={(e) => setQuestions(e.target.value)} />
              <label htmlFor={ids('roundTemplate')}>{t('run.steps.roundBoard')}</label>
              <select id={ids('roundTemplate')} value={roundTemplate} onChange={(e) => setRoundTemplate(e.target.value)}>
                <option value={NEW}>{t('run.steps.noBoard')}</option>
                <TemplateOptions />
              </select>
            </>
          )}
        </>
      )}

      {kind === 'startTimer' && (
        <div className="inline-form">
          <div>
            <label htmlFor={ids('minutes')}>{t('run.steps.minutes')}</label>
            <input id={ids('minutes')} type="number" min={1} max={600} required value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          </div>
          <div>
            <label htmlFor={ids('timerLabel')}>{t('run.steps.timerLabel')}</label>
            <input id={ids('timerLabel')} value={timerLabel} maxLength={100} dir="auto" onChange={(e) => setTimerLabel(e.target.value)} />
          </div>
        </div>
      )}

      {kind === 'openQa' && (
        <div className="toggle">
          <input id={ids('bring')} type="checkbox" checked={bring} onChange={(e) => setBring(e.target.checked)} />
          <label htmlFor={ids('bring')}>{t('run.steps.bring')}</label>
        </div>
      )}

      {kind === 'showMessage' && (
        <>
          <label htmlFor={ids('text')}>{t('run.steps.text')}</label>
          <textarea id={ids('text')} rows={2} value={text} maxLength={500} required dir="auto" onChange={(e) => setText(e.target.value)} />
        </>
      )}

      {kind === 'bringEveryone' && (
        <>
          <label htmlFor={ids('place')}>{t('run.steps.place')}</label>
          <select id={ids('place')} value={place} onChange={(e) => setPlace(e.target.value)}>
            <option value="home">{t('run.bring.home')}</option>
            <option value="questions">{t('run.bring.questions')}</option>
            {boards.map((b) => (
              <option key={b.id} value={`board:${b.id}`}>
                {b.title}
              </option>
            ))}
          </select>
        </>
      )}

      <FormButtons submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}

/** One of the workshop's things (a board, a poll, a planned round), or a new one made from the fields below. */
function Pick({
  id,
  label,
  value,
  onChange,
  newLabel,
  choices,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  newLabel: string;
  choices: readonly { id: string; title: string }[];
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value={NEW}>{newLabel}</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
    </>
  );
}

/** The board templates, as options of a select. */
function TemplateOptions() {
  const t = useT();
  return boardTemplates.map((k) => (
    <option key={k} value={k}>
      {t(`board.template.${k}`)}
    </option>
  ));
}
