import { useId, useState, type FormEvent } from 'react';
import {
  ownerKey,
  pollOptions,
  pollsInOrder,
  priorities,
  type InputFields,
  type InputOwner,
  type InputSource,
  type Priority,
  type Timeframe,
  type WorkplanInput,
  type WorkshopState,
} from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { describeError } from '../../i18n/describeError';
import { useLocale } from '../../i18n/useLocale';
import { countryName } from '../../i18n/names';
import { useWorkshopClient } from '../../realtime/WorkshopContext';
import { ownersOf } from './outcomesView';
import type { InputDraft } from './inputDraft';

interface Props {
  state: WorkshopState;
  /** Whose input it is: fixed for a participant (their country), a choice for facilitators (null). */
  owner: InputOwner | null;
  /** The input being edited, or null for a new one. */
  editing: WorkplanInput | null;
  /** A draft started elsewhere (a board note). */
  draft: InputDraft | null;
  onDone: (message: string | null) => void;
  onCancel?: () => void;
}

type TimeKind = 'none' | 'quarter' | 'dates';

/** A source the form can offer: a launched poll's option, or a group's findings. */
function sourceChoices(state: WorkshopState): { key: string; source: InputSource; label: { poll: string; option: string } | { group: string; round: string } }[] {
  const polls = pollsInOrder(state.polls)
    .filter((p) => p.status !== 'draft')
    .flatMap((p) => pollOptions(p.spec).map((o) => ({ key: `poll:${p.id}:${o.id}`, source: { kind: 'poll', pollId: p.id, optionId: o.id, quote: o.label } as InputSource, label: { poll: p.question, option: o.label } })));
  const findings = state.breakouts.order
    .map((id) => state.breakouts.byId[id])
    .flatMap((r) =>
      r
        ? r.groups
            .filter((g) => (r.findings[g.id] ?? '').trim() !== '')
            .map((g) => ({ key: `finding:${r.id}:${g.id}`, source: { kind: 'finding', roundId: r.id, groupId: g.id, quote: r.findings[g.id]!.slice(0, 300) } as InputSource, label: { group: g.name, round: r.title } }))
        : [],
    );
  return [...polls, ...findings];
}

const sourceKey = (s: InputSource | null) => (!s ? '' : s.kind === 'poll' ? `poll:${s.pollId}:${s.optionId ?? ''}` : s.kind === 'finding' ? `finding:${s.roundId}:${s.groupId}` : `board:${s.boardId}:${s.itemId}`);

/** Propose an input, or edit one: objective, action, lead, partners, timeframe, priority, and what it is based on. */
export function InputForm({ state, owner, editing, draft, onDone, onCancel }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const client = useWorkshopClient();
  const ids = { owner: useId(), objective: useId(), action: useId(), lead: useId(), partners: useId(), time: useId(), year: useId(), quarter: useId(), from: useId(), to: useId(), priority: useId(), source: useId() };
  const name = (code: string) => countryName(code, locale);
  const owners = ownersOf(state, name);
  const objectives = state.definition.objectives;
  const firstYear = Number((state.definition.days[0]?.date ?? new Date().toISOString()).slice(0, 4));
  const tf = editing?.timeframe ?? null;

  const [ownerValue, setOwner] = useState(editing ? ownerKey(editing.owner) : owner ? ownerKey(owner) : (owners[0]?.key ?? ''));
  const [objective, setObjective] = useState(editing?.objective ?? objectives[0]?.id ?? '');
  const [action, setAction] = useState(editing?.action ?? draft?.action ?? '');
  const [lead, setLead] = useState(editing?.lead ?? '');
  const [partners, setPartners] = useState(editing?.partners ?? '');
  const [timeKind, setTimeKind] = useState<TimeKind>(tf?.kind ?? 'none');
  const [year, setYear] = useState(tf?.kind === 'quarter' ? tf.year : firstYear);
  const [quarter, setQuarter] = useState(tf?.kind === 'quarter' ? tf.quarter : 1);
  const [from, setFrom] = useState(tf?.kind === 'dates' ? (tf.from ?? '') : '');
  const [to, setTo] = useState(tf?.kind === 'dates' ? (tf.to ?? '') : '');
  const [priority, setPriority] = useState<Priority>(editing?.priority ?? 'medium');
  const choices = sourceChoices(state);
  const fixedSource = draft?.source ?? (editing?.source?.kind === 'boardItem' ? editing.source : null);
  const [source, setSource] = useState(sourceKey(editing?.source ?? draft?.source ?? null));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!action.trim()) {
      setError(t('outcomes.form.empty'));
      return;
    }
    const timeframe: Timeframe | null =
      timeKind === 'quarter' ? { kind: 'quarter', year, quarter } : timeKind === 'dates' ? { kind: 'dates', from: from || null, to: to || null } : null;
    const chosenOwner = owner ?? owners.find((o) => o.key === ownerValue)?.owner;
    if (!chosenOwner) return;
    const fields: InputFields = { owner: chosenOwner, objective, action: action.trim(), lead: lead.trim(), partners: partners.trim(), timeframe, priority };
    setBusy(true);
    const picked = fixedSource && sourceKey(fixedSource) === source ? fixedSource : (choices.find((c) => c.key === source)?.source ?? null);
    const r = editing ? await client.send('input:update', { inputId: editing.id, fields }) : await client.send('input:propose', { ...fields, source: picked });
    setBusy(false);
    if (!r.ok) {
      setError(describeError(t, r.error));
      return;
    }
    setError(null);
    if (!editing) {
      setAction('');
      setLead('');
      setPartners('');
      setSource('');
    }
    onDone(editing ? null : t('outcomes.form.sent'));
  };

  const fixedOwnerLabel = owner ? owners.find((o) => o.key === ownerKey(owner))?.label : null;
  return (
    <form className="input-form" onSubmit={submit} data-testid={editing ? 'input-edit-form' : 'input-form'}>
      {owner && !editing ? (
        <p className="input-owner">
          <strong>{t('outcomes.form.owner')}:</strong> {fixedOwnerLabel}
        </p>
      ) : (
        <>
          <label htmlFor={ids.owner}>{t('outcomes.form.owner')}</label>
          <select id={ids.owner} value={ownerValue} onChange={(e) => setOwner(e.target.value)} disabled={!!owner}>
            {owners.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor={ids.objective}>{t('outcomes.form.objective')}</label>
      <select id={ids.objective} value={objective} onChange={(e) => setObjective(e.target.value)}>
        {objectives.map((o) => (
          <option key={o.id} value={o.id} dir="auto">
            {o.short} — {o.title}
          </option>
        ))}
      </select>
      <label htmlFor={ids.action}>{t('outcomes.form.action')}</label>
      <textarea id={ids.action} rows={3} maxLength={1000} value={action} onChange={(e) => setAction(e.target.value)} placeholder={t('outcomes.form.actionHint')} dir="auto" />
      <div className="input-form-pair">
        <span>
          <label htmlFor={ids.lead}>{t('outcomes.form.lead')}</label>
          <input id={ids.lead} maxLength={200} value={lead} onChange={(e) => setLead(e.target.value)} dir="auto" />
        </span>
        <span>
          <label htmlFor={ids.partners}>{t('outcomes.form.partners')}</label>
          <input id={ids.partners} maxLength={300} value={partners} onChange={(e) => setPartners(e.target.value)} dir="auto" />
        </span>
      </div>
      <div className="input-form-pair">
        <span>
          <label htmlFor={ids.time}>{t('outcomes.form.timeframe')}</label>
          <select id={ids.time} value={timeKind} onChange={(e) => setTimeKind(e.target.value as TimeKind)}>
            <option value="none">{t('outcomes.form.timeframe.none')}</option>
            <option value="quarter">{t('outcomes.form.timeframe.quarter')}</option>
            <option value="dates">{t('outcomes.form.timeframe.dates')}</option>
          </select>
        </span>
        <span>
          <label htmlFor={ids.priority}>{t('outcomes.form.priority')}</label>
          <select id={ids.priority} value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
            {priorities.map((p) => (
              <option key={p} value={p}>
                {t(`outcomes.priority.${p}`)}
              </option>
            ))}
          </select>
        </span>
      </div>
      {timeKind === 'quarter' && (
        <div className="input-form-pair">
          <span>
            <label htmlFor={ids.quarter}>{t('outcomes.form.quarter')}</label>
            <select id={ids.quarter} value={quarter} onChange={(e) => setQuarter(Number(e.target.value))}>
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {t('outcomes.timeframe.quarter', { quarter: q, year })}
                </option>
              ))}
            </select>
          </span>
          <span>
            <label htmlFor={ids.year}>{t('outcomes.form.year')}</label>
            <select id={ids.year} value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {Array.from({ length: 6 }, (_, i) => firstYear + i).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </span>
        </div>
      )}
      {timeKind === 'dates' && (
        <div className="input-form-pair">
          <span>
            <label htmlFor={ids.from}>{t('outcomes.form.from')}</label>
            <input id={ids.from} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </span>
          <span>
            <label htmlFor={ids.to}>{t('outcomes.form.to')}</label>
            <input id={ids.to} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </span>
        </div>
      )}
      {!editing && (
        <>
          <label htmlFor={ids.source}>{t('outcomes.form.source')}</label>
          <select id={ids.source} value={source} onChange={(e) => setSource(e.target.value)}>
            <option value="">{t('outcomes.form.source.none')}</option>
            {fixedSource && draft && <option value={sourceKey(fixedSource)}>{t('outcomes.form.fromBoard', { title: draft.from })}</option>}
            {choices.map((c) => (
              <option key={c.key} value={c.key}>
                {'poll' in c.label ? t('outcomes.form.source.poll', { title: c.label.poll, label: c.label.option }) : t('outcomes.form.source.finding', { name: c.label.group, title: c.label.round })}
              </option>
            ))}
          </select>
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {editing ? t('outcomes.form.save') : t('outcomes.form.submit')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('outcomes.form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
