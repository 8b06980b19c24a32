/**
 * Voting, one input per poll kind, made for phones: big touch targets, no
 * dragging (ranking moves with buttons), every control named for screen
 * readers. The form checks the ballot with the same rules as the server
 * (`ballotProblem`) and says what to fix in the voter's language.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ballotProblem, canonicalBallot, type Ballot, type BallotProblem, type Poll, type PollSpec } from '@plenary/shared';
import { useT, type Translate } from '../../i18n/useT';

/** A ballot to start from: nothing chosen, the options in their order. */
export function emptyBallot(spec: PollSpec): Ballot {
  switch (spec.kind) {
    case 'single':
      return { kind: 'single', option: '' };
    case 'multiple':
      return { kind: 'multiple', options: [] };
    case 'ranking':
      return { kind: 'ranking', order: spec.options.map((o) => o.id) };
    case 'points':
      return { kind: 'points', points: {} };
    case 'scale':
      return { kind: 'scale', ratings: {} };
    case 'matrix':
      return { kind: 'matrix', positions: {} };
    case 'wordCloud':
      return { kind: 'wordCloud', words: Array.from({ length: spec.maxWords }, () => '') };
    case 'openText':
      return { kind: 'openText', text: '' };
  }
}

/** The form's ballot as it will be sent: empty word fields left out. */
function toSend(b: Ballot): Ballot {
  return b.kind === 'wordCloud' ? { kind: 'wordCloud', words: b.words.filter((w) => w.trim() !== '') } : b;
}

export const sameBallot = (a: Ballot | null, b: Ballot | null) =>
  a !== null && b !== null && JSON.stringify(canonicalBallot(toSend(a))) === JSON.stringify(canonicalBallot(toSend(b)));

/** A ballot problem in the voter's words. */
export function problemText(p: BallotProblem, t: Translate): string {
  switch (p.reason) {
    case 'wrongKind':
      return t('poll.error.wrongKind');
    case 'unknownOption':
      return t('poll.error.unknownOption');
    case 'noChoice':
      return t('poll.error.noChoice');
    case 'tooManyChoices':
      return t('poll.error.tooManyChoices', { count: p.max });
    case 'duplicateChoice':
      return t('poll.error.duplicateChoice');
    case 'duplicateRank':
      return t('poll.error.duplicateRank');
    case 'incompleteRanking':
      return t('poll.error.incompleteRanking', { count: p.options });
    case 'overBudget':
      return t('poll.error.overBudget', { count: p.given, total: p.budget });
    case 'underBudget':
      return t('poll.error.underBudget', { count: p.given, total: p.budget });
    case 'noPoints':
      return t('poll.error.noPoints');
    case 'outOfScale':
      return t('poll.error.outOfScale', { count: p.min, total: p.max });
    case 'skipNotAllowed':
      return t('poll.error.skipNotAllowed');
    case 'unrated':
      return t('poll.error.unrated');
    case 'nothingPlaced':
      return t('poll.error.nothingPlaced');
    case 'noWords':
      return t('poll.error.noWords');
    case 'tooManyWords':
      return t('poll.error.tooManyWords', { count: p.max });
    case 'wordTooLong':
      return t('poll.error.wordTooLong', { count: p.max });
    case 'emptyWord':
      return t('poll.error.emptyWord');
    case 'duplicateWord':
      return t('poll.error.duplicateWord');
    case 'emptyText':
      return t('poll.error.emptyText');
    case 'textTooLong':
      return t('poll.error.textTooLong', { count: p.max });
    case 'invalidText':
      return t('poll.error.invalidText');
  }
}

interface BallotFormProps {
  poll: Poll;
  /** The ballot the server has, if any. */
  saved: Ballot | null;
  busy: boolean;
  onSubmit: (ballot: Ballot) => void;
  /** What the server said, or a problem found here. */
  message: ReactNode;
}

/** The voting form of an open poll. */
export function BallotForm({ poll, saved, busy, onSubmit, message }: BallotFormProps) {
  const t = useT();
  const [draft, setDraft] = useState<Ballot>(() => saved ?? emptyBallot(poll.spec));
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<BallotProblem | null>(null);
  const [basis, setBasis] = useState({ saved, round: poll.round });
  // A ballot that arrives from elsewhere (a reload, another device, a reset) replaces an untouched form.
  if (basis.saved !== saved || basis.round !== poll.round) {
    setBasis({ saved, round: poll.round });
    if (!touched || basis.round !== poll.round) {
      setDraft(saved ?? emptyBallot(poll.spec));
      setTouched(false);
    }
  }
  const change = (b: Ballot) => {
    setDraft(b);
    setTouched(true);
    setProblem(null);
  };
  const unchanged = sameBallot(draft, saved);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ballot = toSend(draft);
    const p: BallotProblem | null = ballot.kind === 'single' && ballot.option === '' ? { reason: 'noChoice' } : ballotProblem(poll.spec, ballot);
    setProblem(p);
    if (p) return;
    setTouched(false);
    onSubmit(ballot);
  };

  return (
    <form className="poll-form" onSubmit={submit} noValidate>
      <BallotInput spec={poll.spec} ballot={draft} onChange={change} />
      {problem && (
        <p className="field-error" role="alert">
          {problemText(problem, t)}
        </p>
      )}
      {message}
      {!(saved && unchanged) && (
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('poll.saving') : saved ? t('poll.changeVote') : t('poll.vote')}
        </button>
      )}
    </form>
  );
}

function BallotInput({ spec, ballot, onChange }: { spec: PollSpec; ballot: Ballot; onChange: (b: Ballot) => void }) {
  switch (spec.kind) {
    case 'single':
      return ballot.kind === 'single' ? <SingleInput spec={spec} ballot={ballot} onChange={onChange} /> : null;
    case 'multiple':
      return ballot.kind === 'multiple' ? <MultipleInput spec={spec} ballot={ballot} onChange={onChange} /> : null;
    case 'ranking':
      return ballot.kind === 'ranking' ? <RankingInput spec={spec} ballot={ballot} onChange={onChange} /> : null;
    case 'points':
      return ballot.kind === 'points' ? <PointsInput spec={spec} ballot={ballot} onChange={onChange} /> : null;
    case 'scale':
      return ballot.kind === 'scale' ? <ScaleInput spec={spec} ballot={ballot} onChange={onChange} /> : null;
    case 'matrix':
      return ballot.kind === 'matrix' ? <MatrixInput spec={spec} ballot={ballot} onChange={onChange} /> : null;
    case 'wordCloud':
      return ballot.kind === 'wordCloud' ? <WordsInput spec={spec} ballot={ballot} onChange={onChange} /> : null;
    case 'openText':
      return ballot.kind === 'openText' ? <TextInput spec={spec} ballot={ballot} onChange={onChange} /> : null;
  }
}

type InputProps<K extends PollSpec['kind']> = {
  spec: Extract<PollSpec, { kind: K }>;
  ballot: Extract<Ballot, { kind: K }>;
  onChange: (b: Ballot) => void;
};

function SingleInput({ spec, ballot, onChange }: InputProps<'single'>) {
  const t = useT();
  const name = useId();
  return (
    <fieldset className="poll-choices">
      <legend>{t('poll.single.legend')}</legend>
      {spec.options.map((o) => (
        <label key={o.id} className="choice poll-choice">
          <input type="radio" name={name} checked={ballot.option === o.id} onChange={() => onChange({ kind: 'single', option: o.id })} />
          <span dir="auto">{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

function MultipleInput({ spec, ballot, onChange }: InputProps<'multiple'>) {
  const t = useT();
  const full = ballot.options.length >= spec.maxChoices;
  return (
    <fieldset className="poll-choices">
      <legend>{t('poll.multiple.legend', { count: spec.maxChoices })}</legend>
      {spec.options.map((o) => {
        const checked = ballot.options.includes(o.id);
        return (
          <label key={o.id} className="choice poll-choice">
            <input
              type="checkbox"
              checked={checked}
              disabled={!checked && full}
              onChange={() =>
                onChange({ kind: 'multiple', options: checked ? ballot.options.filter((x) => x !== o.id) : [...ballot.options, o.id] })
              }
            />
            <span dir="auto">{o.label}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

function RankingInput({ spec, ballot, onChange }: InputProps<'ranking'>) {
  const t = useT();
  const [said, setSaid] = useState('');
  const labels = new Map(spec.options.map((o) => [o.id, o.label]));
  const move = (i: number, by: -1 | 1) => {
    const order = [...ballot.order];
    const j = i + by;
    if (j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j]!, order[i]!];
    onChange({ kind: 'ranking', order });
    setSaid(t('poll.ranking.moved', { label: labels.get(order[j]!) ?? '', count: j + 1 }));
  };
  return (
    <fieldset className="poll-ranking-input">
      <legend>{t('poll.ranking.legend')}</legend>
      <ol data-testid="ranking-order">
        {ballot.order.map((id, i) => {
          const label = labels.get(id) ?? id;
          return (
            <li key={id} className="poll-rank-item" data-option={id}>
              <span className="poll-place" aria-hidden="true">
                {i + 1}
              </span>
              <span className="poll-rank-label" dir="auto">
                {label}
              </span>
              <button type="button" className="small" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('poll.ranking.up', { label })}>
                <span aria-hidden="true">▲</span>
              </button>
              <button
                type="button"
                className="small"
                onClick={() => move(i, 1)}
                disabled={i === ballot.order.length - 1}
                aria-label={t('poll.ranking.down', { label })}
              >
                <span aria-hidden="true">▼</span>
              </button>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </fieldset>
  );
}

function PointsInput({ spec, ballot, onChange }: InputProps<'points'>) {
  const t = useT();
  const given = Object.values(ballot.points).reduce((s, n) => s + n, 0);
  const left = spec.budget - given;
  const step = spec.budget >= 50 ? 5 : 1;
  const set = (id: string, n: number) => onChange({ kind: 'points', points: { ...ballot.points, [id]: Math.max(0, Math.min(spec.budget, Math.round(n))) } });
  return (
    <fieldset className="poll-points-input">
      <legend>{t('poll.points.legend', { total: spec.budget })}</legend>
      <p className={`poll-budget${left < 0 ? ' over' : left === 0 ? ' done' : ''}`} aria-live="polite" data-testid="points-left">
        {left < 0 ? t('poll.points.over', { count: -left }) : t('poll.points.left', { count: left, total: spec.budget })}
      </p>
      {spec.options.map((o) => {
        const n = ballot.points[o.id] ?? 0;
        return (
          <div key={o.id} className="poll-points-row">
            <span className="poll-points-label" dir="auto">
              {o.label}
            </span>
            <button type="button" className="small" onClick={() => set(o.id, n - step)} disabled={n === 0} aria-label={t('poll.points.less', { label: o.label })}>
              <span aria-hidden="true">−</span>
            </button>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              max={spec.budget}
              value={n}
              onChange={(e) => set(o.id, Number(e.target.value) || 0)}
              aria-label={t('poll.points.input', { label: o.label })}
            />
            <button
              type="button"
              className="small"
              onClick={() => set(o.id, n + Math.min(step, Math.max(1, left)))}
              disabled={left <= 0}
              aria-label={t('poll.points.more', { label: o.label })}
            >
              <span aria-hidden="true">+</span>
            </button>
          </div>
        );
      })}
    </fieldset>
  );
}

function ScaleInput({ spec, ballot, onChange }: InputProps<'scale'>) {
  const t = useT();
  const name = useId();
  const values = Array.from({ length: spec.max - spec.min + 1 }, (_, i) => spec.min + i);
  const set = (id: string, v: number | null) => onChange({ kind: 'scale', ratings: { ...ballot.ratings, [id]: v } });
  return (
    <div className="poll-scale-input">
      <p className="muted">
        {t('poll.scale.legend', { count: spec.min, total: spec.max })}
        {spec.minLabel && ` · ${spec.min} = ${spec.minLabel}`}
        {spec.maxLabel && ` · ${spec.max} = ${spec.maxLabel}`}
      </p>
      {spec.options.map((o) => (
        <fieldset key={o.id} className="poll-scale-row">
          <legend dir="auto">{o.label}</legend>
          <div className="poll-scale-values">
            {values.map((v) => (
              <label key={v} className="poll-scale-value">
                <input
                  type="radio"
                  name={`${name}-${o.id}`}
                  checked={ballot.ratings[o.id] === v}
                  onChange={() => set(o.id, v)}
                  aria-label={t('poll.scale.rating', { label: o.label, count: v })}
                />
                <span aria-hidden="true">{v}</span>
              </label>
            ))}
            {spec.allowSkip && (
              <label className="poll-scale-value skip">
                <input type="radio" name={`${name}-${o.id}`} checked={ballot.ratings[o.id] === null} onChange={() => set(o.id, null)} />
                <span>{t('poll.scale.skip')}</span>
              </label>
            )}
          </div>
        </fieldset>
      ))}
    </div>
  );
}

function MatrixInput({ spec, ballot, onChange }: InputProps<'matrix'>) {
  const t = useT();
  const set = (id: string, pos: { x: number; y: number } | null) => {
    const positions = { ...ballot.positions };
    if (pos) positions[id] = pos;
    else delete positions[id];
    onChange({ kind: 'matrix', positions });
  };
  return (
    <fieldset className="poll-matrix-input">
      <legend>{t('poll.matrix.legend')}</legend>
      <p className="muted">
        {t('poll.matrix.ends', { text: spec.x.label, name: spec.x.low, title: spec.x.high })}
        {' · '}
        {t('poll.matrix.ends', { text: spec.y.label, name: spec.y.low, title: spec.y.high })}
      </p>
      {spec.options.map((o) => {
        const pos = ballot.positions[o.id];
        return (
          <div key={o.id} className="poll-matrix-row">
            <label className="choice">
              <input type="checkbox" checked={!!pos} onChange={(e) => set(o.id, e.target.checked ? { x: 50, y: 50 } : null)} />
              <span dir="auto">{t('poll.matrix.place', { label: o.label })}</span>
            </label>
            {pos && (
              <>
                <Slider label={t('poll.matrix.axis', { label: o.label, text: spec.x.label })} value={pos.x} onChange={(x) => set(o.id, { ...pos, x })} />
                <Slider label={t('poll.matrix.axis', { label: o.label, text: spec.y.label })} value={pos.y} onChange={(y) => set(o.id, { ...pos, y })} />
              </>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

function Slider({ label, value, onChange }: { label: string; value: number; onChange: (v: number) => void }) {
  const id = useId();
  return (
    <div className="poll-slider">
      <label htmlFor={id} dir="auto">
        {label}
      </label>
      {/* Low to high, left to right, as the chart draws it. */}
      <input id={id} type="range" min={0} max={100} step={5} value={value} onChange={(e) => onChange(Number(e.target.value))} dir="ltr" />
      <output htmlFor={id}>{value}</output>
    </div>
  );
}

function WordsInput({ spec, ballot, onChange }: InputProps<'wordCloud'>) {
  const t = useT();
  return (
    <fieldset className="poll-words-input">
      <legend>{t('poll.words.legend', { count: spec.maxWords })}</legend>
      {Array.from({ length: spec.maxWords }, (_, i) => (
        <input
          key={i}
          type="text"
          dir="auto"
          maxLength={spec.maxLength}
          value={ballot.words[i] ?? ''}
          aria-label={t('poll.words.input', { count: i + 1 })}
          onChange={(e) => {
            const words = Array.from({ length: spec.maxWords }, (_, j) => ballot.words[j] ?? '');
            words[i] = e.target.value;
            onChange({ kind: 'wordCloud', words });
          }}
        />
      ))}
    </fieldset>
  );
}

function TextInput({ spec, ballot, onChange }: InputProps<'openText'>) {
  const t = useT();
  const id = useId();
  return (
    <div className="poll-text-input">
      <label htmlFor={id}>{t('poll.text.label')}</label>
      <textarea id={id} dir="auto" rows={4} maxLength={spec.maxLength} value={ballot.text} onChange={(e) => onChange({ kind: 'openText', text: e.target.value })} />
      <p className="muted">
        {t('poll.text.left', { count: spec.maxLength - [...ballot.text].length })} · {t('poll.text.moderated')}
      </p>
    </div>
  );
}
