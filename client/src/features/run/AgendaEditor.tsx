import { useId, useState, type FormEvent } from 'react';
import { AgendaItemKind, durationOf, scheduleOf, type AgendaItem, type WireError } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { FormButtons } from '../../ui/FormButtons';
import { useLocale } from '../../i18n/useLocale';
import { formatDay } from '../../i18n/format';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { StepsEditor } from './StepsEditor';

type Report = (error: WireError | null) => void;
const kinds = AgendaItemKind.options;

/** Editing the agenda live: everyone sees each change at once; later items move with it. */
export function AgendaEditor({ report }: { report: Report }) {
  const t = useT();
  const { locale } = useLocale();
  const client = useWorkshopClient();
  const state = useWorkshopView().state!;
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [stepsOf, setStepsOf] = useState<string | null>(null);
  const schedule = scheduleOf(state.definition);
  const send = async (p: ReturnType<typeof client.send>) => {
    const r = await p;
    report(r.ok ? null : r.error);
    return r.ok;
  };
  return (
    <section className="card agenda-editor" aria-labelledby="agenda-editor-title">
      <div className="card-head">
        <h2 id="agenda-editor-title">{t('run.agenda.edit')}</h2>
        <button type="button" className="small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('run.agenda.done') : t('run.agenda.edit')}
        </button>
      </div>
      {open && (
        <>
          <p className="muted">{t('run.agenda.retimeNote')}</p>
          {state.definition.days.map((day) => {
            const first = schedule.find((s) => s.day.id === day.id);
            const dayName = first ? formatDay(first.startsAt, locale, state.definition.timeZone) : day.date;
            return (
              <div key={day.id} className="agenda-day">
                <h3>{dayName}</h3>
                <ol className="plain-list">
                  {day.items.map((item, index) => (
                    <li key={item.id} className="editable-item">
                      {editing === item.id ? (
                        <ItemForm
                          initial={item}
                          submitLabel={t('run.agenda.save')}
                          onCancel={() => setEditing(null)}
                          onSubmit={async (fields) => {
                            if (await send(client.send('agenda:updateItem', { itemId: item.id, patch: fields }))) setEditing(null);
                          }}
                        />
                      ) : (
                        <>
                          <span className="agenda-time">
                            {item.start}–{item.end}
                          </span>
                          <span className="item-title" dir="auto">
                            {item.title}
                          </span>
                          <span className="row tight">
                            <button
                              type="button"
                              className="small"
                              aria-expanded={stepsOf === item.id}
                              onClick={() => setStepsOf(stepsOf === item.id ? null : item.id)}
                            >
                              {t('run.steps.open', { count: item.steps?.length ?? 0 })}
                              <span className="visually-hidden" dir="auto">
                                {' '}
                                — {item.title}
                              </span>
                            </button>
                            <button type="button" className="small" aria-label={t('run.agenda.editItem', { title: item.title })} onClick={() => setEditing(item.id)}>
                              ✎
                            </button>
                            <button
                              type="button"
                              className="small"
                              disabled={index === 0}
                              aria-label={t('run.agenda.up', { title: item.title })}
                              onClick={() => void send(client.send('agenda:moveItem', { itemId: item.id, dayId: day.id, index: index - 1 }))}
                            >
                              ↑
                            </button>
                            <button
                              type="button"
                              className="small"
                              disabled={index === day.items.length - 1}
                              aria-label={t('run.agenda.down', { title: item.title })}
                              onClick={() => void send(client.send('agenda:moveItem', { itemId: item.id, dayId: day.id, index: index + 1 }))}
                            >
                              ↓
                            </button>
                            <button
                              type="button"
                              className="small danger"
                              aria-label={t('run.agenda.remove', { title: item.title })}
                              onClick={() => {
                                if (window.confirm(t('run.agenda.removeConfirm', { title: item.title }))) {
                                  void send(client.send('agenda:removeItem', { itemId: item.id }));
                                }
                              }}
                            >
                              ×
                            </button>
                          </span>
                        </>
                      )}
                      {stepsOf === item.id && <StepsEditor item={item} report={report} />}
                    </li>
                  ))}
                </ol>
                <details>
                  <summary>{t('run.agenda.add', { day: dayName })}</summary>
                  <ItemForm
                    submitLabel={t('run.agenda.addSubmit')}
                    onSubmit={(fields) => send(client.send('agenda:addItem', { dayId: day.id, index: day.items.length, item: fields }))}
                  />
                </details>
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}

interface ItemFields {
  title: string;
  kind: AgendaItem['kind'];
  minutes: number;
  speaker?: string;
}

function ItemForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: AgendaItem;
  submitLabel: string;
  onSubmit: (fields: ItemFields) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const t = useT();
  const ids = { title: useId(), kind: useId(), minutes: useId(), speaker: useId() };
  const [title, setTitle] = useState(initial?.title ?? '');
  const [kind, setKind] = useState<AgendaItem['kind']>(initial?.kind ?? 'plenary');
  const [minutes, setMinutes] = useState(String(initial ? durationOf(initial) : 30));
  const [speaker, setSpeaker] = useState(initial?.speaker ?? '');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await onSubmit({ title: title.trim(), kind, minutes: Math.round(Number(minutes)), ...(speaker.trim() ? { speaker: speaker.trim() } : {}) });
    if (!initial) setTitle('');
  };
  return (
    <form className="item-form" onSubmit={submit}>
      <label htmlFor={ids.title}>{t('run.agenda.itemTitle')}</label>
      <input id={ids.title} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} dir="auto" required />
      <div className="inline-form">
        <div>
          <label htmlFor={ids.kind}>{t('run.agenda.kind')}</label>
          <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as AgendaItem['kind'])}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`agenda.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.minutes}>{t('run.agenda.minutes')}</label>
          <input id={ids.minutes} type="number" min={1} max={720} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </div>
      </div>
      <label htmlFor={ids.speaker}>{t('run.agenda.speaker')}</label>
      <input id={ids.speaker} value={speaker} maxLength={200} onChange={(e) => setSpeaker(e.target.value)} dir="auto" />
      <FormButtons submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
