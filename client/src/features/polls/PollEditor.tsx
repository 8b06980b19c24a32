import { useId, useState, type FormEvent } from 'react';
import {
  PollLimits,
  settingsProblem,
  type PollDraft,
  type PollKind,
  type PollOption,
  type PollSettings,
  type PollSpec,
} from '@plenary/shared';
import { useT, type Translate } from '../../i18n/useT';

const kinds: PollKind[] = ['single', 'multiple', 'ranking', 'points', 'scale', 'matrix', 'wordCloud', 'openText'];

/** Option ids are short and stable: o1, o2, … (a new option takes the next free number). */
function nextOptionId(options: PollOption[]): string {
  const used = new Set(options.map((o) => o.id));
  for (let i = 1; ; i++) if (!used.has(`o${i}`)) return `o${i}`;
}

/** The spec of `kind`, keeping the options (and what else fits) of the spec before. */
function specFor(kind: PollKind, before: PollSpec, t: Translate): PollSpec {
  const options: PollOption[] =
    'options' in before && before.options.length > 0
      ? before.options
      : [
          { id: 'o1', label: '' },
          { id: 'o2', label: '' },
        ];
  switch (kind) {
    case 'single':
    case 'ranking':
      return { kind, options };
    case 'multiple':
      return { kind, options, maxChoices: Math.min(2, options.length) };
    case 'points':
      return { kind, options, budget: 100, spendAll: false };
    case 'scale':
      return { kind, options, min: 1, max: 5, allowSkip: true };
    case 'matrix':
      return {
        kind,
        options,
        x: { label: t('poll.editor.defaultX'), low: t('poll.editor.defaultLow'), high: t('poll.editor.defaultHigh') },
        y: { label: t('poll.editor.defaultY'), low: t('poll.editor.defaultLow'), high: t('poll.editor.defaultHigh') },
      };
    case 'wordCloud':
      return { kind, maxWords: 3, maxLength: 30 };
    case 'openText':
      return { kind, maxLength: 500 };
  }
}

export function newDraft(t: Translate): PollDraft {
  return { question: '', spec: specFor('single', { kind: 'wordCloud', maxWords: 1, maxLength: 3 }, t), settings: { anonymous: true, results: 'live', countBy: 'person', segmentBy: 'none' } };
}

/**
 * Writing a draft poll: the question, the kind and what it needs (options,
 * a budget, a scale, axes…), and how it runs (anonymity, who sees results,
 * counting, breakdown). The server checks it again.
 */
export function PollEditor({
  initial,
  editing,
  onSave,
  onCancel,
  error,
}: {
  initial: PollDraft;
  editing: boolean;
  onSave: (draft: PollDraft) => void;
  onCancel: () => void;
  error: string | null;
}) {
  const t = useT();
  const ids = {
    question: useId(),
    kind: useId(),
    results: useId(),
    countBy: useId(),
    segmentBy: useId(),
    anonymous: useId(),
  };
  const [draft, setDraft] = useState<PollDraft>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const spec = draft.spec;
  const setSpec = (s: PollSpec) => setDraft({ ...draft, spec: s });
  const setSettings = (s: Partial<PollSettings>) => {
    const settings = { ...draft.settings, ...s };
    // An anonymous poll counted per person cannot be broken down; say so by resetting it.
    if (settings.anonymous && settings.countBy === 'person') settings.segmentBy = 'none';
    setDraft({ ...draft, settings });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const empty = draft.question.trim() === '' || ('options' in spec && spec.options.some((o) => o.label.trim() === ''));
    const p = empty ? t('error.invalid') : settingsProblem(draft.settings, spec);
    setProblem(p);
    if (!p) onSave(draft);
  };

  const anonymousPerPerson = draft.settings.anonymous && draft.settings.countBy === 'person';
  return (
    <form className="poll-editor" onSubmit={submit} noValidate data-testid="poll-editor">
      <h3>{editing ? t('poll.editor.edit') : t('poll.editor.new')}</h3>
      <label htmlFor={ids.question}>{t('poll.editor.question')}</label>
      <input
        id={ids.question}
        type="text"
        dir="auto"
        maxLength={PollLimits.questionLength}
        value={draft.question}
        onChange={(e) => setDraft({ ...draft, question: e.target.value })}
      />
      <label htmlFor={ids.kind}>{t('poll.editor.kind')}</label>
      <select id={ids.kind} value={spec.kind} onChange={(e) => setSpec(specFor(e.target.value as PollKind, spec, t))}>
        {kinds.map((k) => (
          <option key={k} value={k}>
            {t(`poll.kind.${k}`)}
          </option>
        ))}
      </select>

      {'options' in spec && <OptionsEditor spec={spec} onChange={setSpec} />}
      <KindFields spec={spec} onChange={setSpec} />

      <p className="hint">{t('poll.audience.atLaunch')}</p>

      <div className="toggle">
        <input id={ids.anonymous} type="checkbox" checked={draft.settings.anonymous} onChange={(e) => setSettings({ anonymous: e.target.checked })} />
        <label htmlFor={ids.anonymous}>{t('poll.editor.anonymous')}</label>
      </div>
      <label htmlFor={ids.results}>{t('poll.editor.results')}</label>
      <select id={ids.results} value={draft.settings.results} onChange={(e) => setSettings({ results: e.target.value as PollSettings['results'] })}>
        <option value="live">{t('poll.results.live')}</option>
        <option value="afterClose">{t('poll.results.afterClose')}</option>
        <option value="facilitatorOnly">{t('poll.results.facilitatorOnly')}</option>
      </select>
      <label htmlFor={ids.countBy}>{t('poll.editor.countBy')}</label>
      <select id={ids.countBy} value={draft.settings.countBy} onChange={(e) => setSettings({ countBy: e.target.value as PollSettings['countBy'] })}>
        <option value="person">{t('poll.countBy.person')}</option>
        <option value="country">{t('poll.countBy.country')}</option>
      </select>
      {spec.kind !== 'openText' && (
        <>
          <label htmlFor={ids.segmentBy}>{t('poll.editor.segmentBy')}</label>
          <select
            id={ids.segmentBy}
            value={draft.settings.segmentBy}
            disabled={anonymousPerPerson}
            onChange={(e) => setSettings({ segmentBy: e.target.value as PollSettings['segmentBy'] })}
            aria-describedby={anonymousPerPerson ? `${ids.segmentBy}-hint` : undefined}
          >
            <option value="none">{t('poll.segmentBy.none')}</option>
            <option value="phase">{t('poll.segmentBy.phase')}</option>
            <option value="affiliation">{t('poll.segmentBy.affiliation')}</option>
            <option value="group">{t('poll.segmentBy.group')}</option>
          </select>
          {anonymousPerPerson && (
            <p className="hint" id={`${ids.segmentBy}-hint`}>
              {t('poll.editor.segmentAnonymous')}
            </p>
          )}
        </>
      )}
      {(problem ?? error) && (
        <p className="field-error" role="alert">
          {problem ?? error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary">
          {editing ? t('poll.editor.save') : t('poll.editor.create')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('poll.editor.cancel')}
        </button>
      </div>
    </form>
  );
}

function OptionsEditor({ spec, onChange }: { spec: Extract<PollSpec, { options: PollOption[] }>; onChange: (s: PollSpec) => void }) {
  const t = useT();
  const setOptions = (options: PollOption[]) => {
    const next = { ...spec, options } as PollSpec;
    if (next.kind === 'multiple') next.maxChoices = Math.max(1, Math.min(next.maxChoices, options.length));
    onChange(next);
  };
  return (
    <fieldset className="poll-options-editor">
      <legend>{t('poll.editor.options')}</legend>
      <ol>
        {spec.options.map((o, i) => (
          <li key={o.id}>
            <input
              type="text"
              dir="auto"
              maxLength={PollLimits.optionLength}
              value={o.label}
              aria-label={t('poll.editor.option', { count: i + 1 })}
              onChange={(e) => setOptions(spec.options.map((x) => (x.id === o.id ? { ...x, label: e.target.value } : x)))}
            />
            <button
              type="button"
              className="small ghost"
              disabled={spec.options.length <= (spec.kind === 'scale' || spec.kind === 'matrix' ? 1 : 2)}
              onClick={() => setOptions(spec.options.filter((x) => x.id !== o.id))}
              aria-label={t('poll.editor.removeOption', { count: i + 1 })}
            >
              <span aria-hidden="true">✕</span>
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="small"
        disabled={spec.options.length >= PollLimits.options}
        onClick={() => setOptions([...spec.options, { id: nextOptionId(spec.options), label: '' }])}
      >
        {t('poll.editor.addOption')}
      </button>
    </fieldset>
  );
}

function NumberField({ label, value, min, max, onChange }: { label: string; value: number; min: number; max: number; onChange: (n: number) => void }) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={value}
        onChange={(e) => onChange(Math.max(min, Math.min(max, Math.round(Number(e.target.value) || min))))}
      />
    </>
  );
}

function TextField({ label, value, onChange }: { label: string; value: string; onChange: (s: string) => void }) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" dir="auto" maxLength={PollLimits.axisLabelLength} value={value} onChange={(e) => onChange(e.target.value)} />
    </>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  const id = useId();
  return (
    <div className="toggle">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

function KindFields({ spec, onChange }: { spec: PollSpec; onChange: (s: PollSpec) => void }) {
  const t = useT();
  switch (spec.kind) {
    case 'single':
    case 'ranking':
      return null;
    case 'multiple':
      return <NumberField label={t('poll.editor.maxChoices')} value={spec.maxChoices} min={1} max={spec.options.length} onChange={(maxChoices) => onChange({ ...spec, maxChoices })} />;
    case 'points':
      return (
        <>
          <NumberField label={t('poll.editor.budget')} value={spec.budget} min={1} max={PollLimits.maxBudget} onChange={(budget) => onChange({ ...spec, budget })} />
          <Check label={t('poll.editor.spendAll')} checked={spec.spendAll} onChange={(spendAll) => onChange({ ...spec, spendAll })} />
        </>
      );
    case 'scale':
      return (
        <>
          <NumberField label={t('poll.editor.scaleMin')} value={spec.min} min={0} max={1} onChange={(min) => onChange({ ...spec, min })} />
          <NumberField label={t('poll.editor.scaleMax')} value={spec.max} min={2} max={PollLimits.scaleMax} onChange={(max) => onChange({ ...spec, max })} />
          <TextField
            label={t('poll.editor.minLabel')}
            value={spec.minLabel ?? ''}
            onChange={(s) => onChange({ ...spec, minLabel: s.trim() === '' ? undefined : s })}
          />
          <TextField
            label={t('poll.editor.maxLabel')}
            value={spec.maxLabel ?? ''}
            onChange={(s) => onChange({ ...spec, maxLabel: s.trim() === '' ? undefined : s })}
          />
          <Check label={t('poll.editor.allowSkip')} checked={spec.allowSkip} onChange={(allowSkip) => onChange({ ...spec, allowSkip })} />
        </>
      );
    case 'matrix':
      return (
        <>
          {(['x', 'y'] as const).map((axis) => (
            <fieldset key={axis}>
              <legend>{axis === 'x' ? t('poll.editor.xAxis') : t('poll.editor.yAxis')}</legend>
              <TextField label={t('poll.editor.axisLabel')} value={spec[axis].label} onChange={(label) => onChange({ ...spec, [axis]: { ...spec[axis], label } })} />
              <TextField label={t('poll.editor.axisLow')} value={spec[axis].low} onChange={(low) => onChange({ ...spec, [axis]: { ...spec[axis], low } })} />
              <TextField label={t('poll.editor.axisHigh')} value={spec[axis].high} onChange={(high) => onChange({ ...spec, [axis]: { ...spec[axis], high } })} />
            </fieldset>
          ))}
        </>
      );
    case 'wordCloud':
      return (
        <>
          <NumberField label={t('poll.editor.maxWords')} value={spec.maxWords} min={1} max={PollLimits.words} onChange={(maxWords) => onChange({ ...spec, maxWords })} />
          <NumberField
            label={t('poll.editor.maxLength')}
            value={spec.maxLength}
            min={3}
            max={PollLimits.wordLength}
            onChange={(maxLength) => onChange({ ...spec, maxLength })}
          />
        </>
      );
    case 'openText':
      return (
        <NumberField
          label={t('poll.editor.maxLength')}
          value={spec.maxLength}
          min={20}
          max={PollLimits.textLength}
          onChange={(maxLength) => onChange({ ...spec, maxLength })}
        />
      );
  }
}
