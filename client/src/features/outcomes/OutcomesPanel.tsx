import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { liveInputs, ownerKey, timeframeText, type CommandAck, type Result, type Timeframe, type WorkplanInput, type WorkshopState } from '@plenary/shared';
import { useT, type Translate } from '../../i18n/useT';
import { describeError } from '../../i18n/describeError';
import { useLocale } from '../../i18n/useLocale';
import { countryName } from '../../i18n/names';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { InputForm } from './InputForm';
import { MergeForm } from '../../ui/MergeForm';
import { clearInputDraft, onInputDraft, peekInputDraft, type InputDraft } from './inputDraft';
import { filterInputs, matrixOf, missingOf, noFilter, ownOwner, ownersOf, proposerOf, type InputFilter, type SortOrder, type StatusFilter } from './outcomesView';

type View = 'country' | 'objective' | 'matrix' | 'missing';

/** A timeframe in the viewer's words. */
function timeframeLabel(t: Translate, tf: Timeframe | null): string {
  if (!tf) return '';
  if (tf.kind === 'quarter') return t('outcomes.timeframe.quarter', { quarter: tf.quarter, year: tf.year });
  if (tf.from && tf.to) return t('outcomes.timeframe.span', { from: tf.from, to: tf.to });
  return tf.from ? t('outcomes.timeframe.from', { from: tf.from }) : tf.to ? t('outcomes.timeframe.until', { to: tf.to }) : timeframeText(tf);
}

/** The draft waiting for this workshop (from a board note), until proposed or given up. */
function useInputDraft(workshopId: string): [InputDraft | null, () => void] {
  const draft = useSyncExternalStore(onInputDraft, () => peekInputDraft(workshopId));
  return [draft, () => clearInputDraft(workshopId)];
}

/**
 * Workplan inputs: propose one for one's own country (facilitators for
 * anyone), see them by country, by objective, as a country × objective matrix,
 * and what is missing; filter and sort. Facilitators edit, merge, agree and
 * drop. Who proposed an input shows only as the workshop's attribution allows.
 */
export function OutcomesPanel() {
  const t = useT();
  const { locale } = useLocale();
  const view = useWorkshopView();
  const state = view.state!;
  const me = state.participants[view.me];
  const isFacilitator = me?.role === 'facilitator';
  const canPropose = isFacilitator || (me?.role === 'participant' && ownOwner(me) !== null);
  const name = (code: string) => countryName(code, locale);
  const [draft, clearDraft] = useInputDraft(state.id);
  const [showForm, setShowForm] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [viewKind, setView] = useState<View>('country');
  const [filter, setFilter] = useState<InputFilter>(noFilter);
  const [sort, setSort] = useState<SortOrder>('newest');
  const ids = { view: useId(), status: useId(), objective: useId(), owner: useId(), search: useId(), sort: useId(), title: useId() };

  useEffect(() => {
    if (draft) document.getElementById('outcomes')?.scrollIntoView({ block: 'start' });
  }, [draft]);

  const inputs = filterInputs(state, filter, sort);
  const total = liveInputs(state.outcomes).length;
  const owners = ownersOf(state, name);
  const mine = ownOwner(me);

  return (
    <section className="card outcomes" id="outcomes" aria-labelledby={ids.title} tabIndex={-1} data-testid="outcomes">
      <div className="card-head">
        <h2 id={ids.title}>{t('outcomes.title')}</h2>
        <span className="muted">{t('outcomes.count', { count: total })}</span>
      </div>
      <p className="muted">
        {t('outcomes.intro')} {t(`outcomes.attribution.${state.settings.attribution}`)}
      </p>
      {me?.role === 'participant' && !mine && <p className="muted">{t('outcomes.noAffiliation')}</p>}
      {canPropose &&
        (showForm || draft ? (
          <InputForm
            key={draft ? `draft-${draft.source.kind}` : 'new'}
            state={state}
            owner={isFacilitator ? null : mine}
            editing={null}
            draft={draft}
            onDone={(m) => {
              setMessage(m);
              clearDraft();
              setShowForm(false);
            }}
            onCancel={() => {
              clearDraft();
              setShowForm(false);
            }}
          />
        ) : (
          <button type="button" className="primary" onClick={() => setShowForm(true)}>
            {!isFacilitator && mine ? t('outcomes.proposeFor', { name: owners.find((o) => o.key === ownerKey(mine))?.label ?? '' }) : t('outcomes.propose')}
          </button>
        ))}
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}

      <div className="outcomes-controls">
        <span>
          <label htmlFor={ids.view}>{t('outcomes.view.label')}</label>
          <select id={ids.view} value={viewKind} onChange={(e) => setView(e.target.value as View)} data-testid="outcomes-view">
            {(['country', 'objective', 'matrix', 'missing'] as const).map((v) => (
              <option key={v} value={v}>
                {t(`outcomes.view.${v}`)}
              </option>
            ))}
          </select>
        </span>
        {(viewKind === 'country' || viewKind === 'objective') && (
          <>
            <span>
              <label htmlFor={ids.status}>{t('outcomes.filter.status')}</label>
              <select id={ids.status} value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value as StatusFilter })}>
                <option value="open">{t('outcomes.filter.open')}</option>
                <option value="all">{t('outcomes.filter.all')}</option>
                {(['proposed', 'agreed', 'dropped'] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`outcomes.status.${s}`)}
                  </option>
                ))}
              </select>
            </span>
            <span>
              <label htmlFor={ids.objective}>{t('outcomes.filter.objective')}</label>
              <select id={ids.objective} value={filter.objective} onChange={(e) => setFilter({ ...filter, objective: e.target.value })}>
                <option value="">{t('outcomes.filter.allObjectives')}</option>
                {state.definition.objectives.map((o) => (
                  <option key={o.id} value={o.id} dir="auto">
                    {o.short}
                  </option>
                ))}
              </select>
            </span>
            <span>
              <label htmlFor={ids.owner}>{t('outcomes.filter.owner')}</label>
              <select id={ids.owner} value={filter.owner} onChange={(e) => setFilter({ ...filter, owner: e.target.value })}>
                <option value="">{t('outcomes.filter.allOwners')}</option>
                {owners.map((o) => (
                  <option key={o.key} value={o.key}>
                    {o.label}
                  </option>
                ))}
              </select>
            </span>
            <span>
              <label htmlFor={ids.sort}>{t('outcomes.sort.label')}</label>
              <select id={ids.sort} value={sort} onChange={(e) => setSort(e.target.value as SortOrder)}>
                {(['newest', 'oldest', 'priority'] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`outcomes.sort.${s}`)}
                  </option>
                ))}
              </select>
            </span>
            <span className="outcomes-search">
              <label htmlFor={ids.search}>{t('outcomes.filter.search')}</label>
              <input id={ids.search} type="search" value={filter.search} onChange={(e) => setFilter({ ...filter, search: e.target.value })} dir="auto" />
            </span>
          </>
        )}
      </div>

      {viewKind === 'matrix' && <MatrixView state={state} />}
      {viewKind === 'missing' && <MissingView state={state} />}
      {(viewKind === 'country' || viewKind === 'objective') &&
        (total === 0 ? (
          <p className="muted">{t('outcomes.none')}</p>
        ) : inputs.length === 0 ? (
          <p className="muted">{t('outcomes.noneMatch')}</p>
        ) : (
          <Grouped state={state} inputs={inputs} by={viewKind} onMessage={setMessage} />
        ))}
    </section>
  );
}

/** Inputs in groups: by owner (countries and organisations) or by objective. */
function Grouped({ state, inputs, by, onMessage }: { state: WorkshopState; inputs: WorkplanInput[]; by: 'country' | 'objective'; onMessage: (m: string | null) => void }) {
  const { locale } = useLocale();
  const name = (code: string) => countryName(code, locale);
  const groups =
    by === 'country'
      ? ownersOf(state, name).map((o) => ({ key: o.key, label: o.label, items: inputs.filter((i) => ownerKey(i.owner) === o.key) }))
      : state.definition.objectives.map((o) => ({ key: o.id, label: o.short, items: inputs.filter((i) => i.objective === o.id) }));
  return (
    <div className="outcomes-groups">
      {groups
        .filter((g) => g.items.length > 0)
        .map((g) => (
          <section key={g.key} className="outcomes-group" aria-label={g.label} data-testid="outcomes-group" data-group={g.key}>
            <h3 dir="auto">
              {g.label} <span className="count">({g.items.length})</span>
            </h3>
            <ul className="input-list">
              {g.items.map((i) => (
                <InputItem key={i.id} state={state} input={i} by={by} onMessage={onMessage} />
              ))}
            </ul>
          </section>
        ))}
    </div>
  );
}

function InputItem({ state, input, by, onMessage }: { state: WorkshopState; input: WorkplanInput; by: 'country' | 'objective'; onMessage: (m: string | null) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const client = useWorkshopClient();
  const view = useWorkshopView();
  const me = state.participants[view.me];
  const isFacilitator = me?.role === 'facilitator';
  const own = input.author !== '' && input.author === view.me;
  const canEdit = isFacilitator || (own && input.status === 'proposed');
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const name = (code: string) => countryName(code, locale);
  const proposer = proposerOf(state, input, view.me, name);
  const objective = state.definition.objectives.find((o) => o.id === input.objective);
  const owner = ownersOf(state, name).find((o) => o.key === ownerKey(input.owner))?.label ?? '';
  const act = (p: Promise<Result<CommandAck>>) => void p.then((r) => onMessage(r.ok ? null : describeError(t, r.error)));
  const source = input.source;
  const sourceText =
    source?.kind === 'boardItem'
      ? t('outcomes.source.boardItem', { title: state.boards.byId[source.boardId]?.title ?? '' })
      : source?.kind === 'poll'
        ? t('outcomes.source.poll', { title: state.polls.byId[source.pollId]?.question ?? '' })
        : source?.kind === 'finding'
          ? t('outcomes.source.finding', { name: state.breakouts.byId[source.roundId]?.groups.find((g) => g.id === source.groupId)?.name ?? '' })
          : null;
  const mergeTargets = liveInputs(state.outcomes).filter((o) => o.id !== input.id && ownerKey(o.owner) === ownerKey(input.owner));

  if (editing) {
    return (
      <li className="input-item">
        <InputForm state={state} owner={isFacilitator ? null : input.owner} editing={input} draft={null} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className={`input-item input-${input.status}`} data-testid="input" data-status={input.status} data-input-id={input.id}>
      <div className="input-head">
        <span className={`tag input-status-${input.status}`}>{t(`outcomes.status.${input.status}`)}</span>
        <span className="tag">{t(`outcomes.priority.${input.priority}`)}</span>
        <span className="muted">{by === 'country' ? objective?.short : owner}</span>
        {input.timeframe && <span className="muted">{timeframeLabel(t, input.timeframe)}</span>}
      </div>
      <p className="input-action" dir="auto">
        {input.action}
      </p>
      {(input.lead || input.partners) && (
        <p className="muted input-meta" dir="auto">
          {input.lead && t('outcomes.lead', { name: input.lead })}
          {input.lead && input.partners && ' · '}
          {input.partners && t('outcomes.partners', { name: input.partners })}
        </p>
      )}
      {sourceText && (
        <p className="input-source muted" dir="auto">
          {sourceText}
          {source?.quote && <q dir="auto">{source.quote}</q>}
        </p>
      )}
      <p className="muted input-meta">
        {proposer && ('you' in proposer ? t('outcomes.byYou') : t('outcomes.by', { name: proposer.name }))}
        {input.mergedFrom.length > 0 && <> · {t('outcomes.merged', { count: input.mergedFrom.length })}</>}
      </p>
      {(canEdit || isFacilitator) && (
        <div className="row input-actions">
          {isFacilitator && input.status !== 'agreed' && (
            <button type="button" className="small" onClick={() => act(client.send('input:setStatus', { inputId: input.id, status: 'agreed' }))}>
              {t('outcomes.act.agree')}
            </button>
          )}
          {isFacilitator && input.status !== 'dropped' && (
            <button type="button" className="small" onClick={() => act(client.send('input:setStatus', { inputId: input.id, status: 'dropped' }))}>
              {t('outcomes.act.drop')}
            </button>
          )}
          {isFacilitator && input.status !== 'proposed' && (
            <button type="button" className="small" onClick={() => act(client.send('input:setStatus', { inputId: input.id, status: 'proposed' }))}>
              {t('outcomes.act.reopen')}
            </button>
          )}
          {canEdit && (
            <button type="button" className="small" onClick={() => setEditing(true)}>
              {t('outcomes.act.edit')}
            </button>
          )}
          {isFacilitator && mergeTargets.length > 0 && (
            <button type="button" className="small" aria-expanded={merging} onClick={() => setMerging(!merging)}>
              {t('outcomes.act.merge')}
            </button>
          )}
          {canEdit && input.mergedFrom.length === 0 && (
            <button
              type="button"
              className="small danger"
              onClick={() => {
                if (window.confirm(t('outcomes.act.deleteConfirm'))) act(client.send('input:delete', { inputId: input.id }));
              }}
            >
              {t('outcomes.act.delete')}
            </button>
          )}
        </div>
      )}
      {merging && (
        <MergeForm
          label={t('outcomes.act.mergeLabel', { text: input.action.slice(0, 60) })}
          submit={t('outcomes.act.mergeSubmit')}
          targets={mergeTargets.map((o) => ({ id: o.id, text: o.action }))}
          onMerge={(into) => act(client.send('input:merge', { inputIds: [input.id], intoId: into }))}
          onClose={() => setMerging(false)}
        />
      )}
    </li>
  );
}

/** Countries (and organisations with inputs) × objectives, with counts. */
function MatrixView({ state }: { state: WorkshopState }) {
  const t = useT();
  const { locale } = useLocale();
  const m = matrixOf(state, liveInputs(state.outcomes), (code) => countryName(code, locale));
  const objectives = state.definition.objectives;
  return (
    <div className="outcomes-matrix-wrap">
      <table className="outcomes-matrix" data-testid="outcomes-matrix">
        <caption>{t('outcomes.matrix.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('outcomes.matrix.owner')}</th>
            {objectives.map((o) => (
              <th key={o.id} scope="col" title={o.title} dir="auto">
                {o.short}
              </th>
            ))}
            <th scope="col">{t('outcomes.matrix.total')}</th>
          </tr>
        </thead>
        <tbody>
          {m.rows.map((r) => (
            <tr key={r.key} data-row={r.key}>
              <th scope="row">{r.label}</th>
              {r.counts.map((c, i) => (
                <td key={objectives[i]!.id} className={c === 0 ? 'zero' : undefined} data-objective={objectives[i]!.id}>
                  {c}
                </td>
              ))}
              <td className="total">{r.total}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('outcomes.matrix.total')}</th>
            {m.totals.map((c, i) => (
              <td key={objectives[i]!.id}>{c}</td>
            ))}
            <td className="total">{m.total}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function MissingView({ state }: { state: WorkshopState }) {
  const t = useT();
  const { locale } = useLocale();
  const missing = missingOf(state, (code) => countryName(code, locale));
  if (missing.owners.length === 0 && missing.objectives.length === 0) return <p>{t('outcomes.missing.none')}</p>;
  return (
    <div className="outcomes-missing" data-testid="outcomes-missing">
      {missing.owners.length > 0 && (
        <>
          <h3>{t('outcomes.missing.owners')}</h3>
          <ul className="chips">
            {missing.owners.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </>
      )}
      {missing.objectives.length > 0 && (
        <>
          <h3>{t('outcomes.missing.objectives')}</h3>
          <ul className="chips">
            {missing.objectives.map((o) => (
              <li key={o} dir="auto">
                {o}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
