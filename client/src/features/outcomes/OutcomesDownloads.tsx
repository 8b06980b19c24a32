import { useId, useState } from 'react';
import {
  AppPath,
  ErrorCode,
  OutcomesApiPath,
  PollApiPath,
  pollsInOrder,
  type CsvExport,
  type ReportFormat,
  type RestoredWorkshop,
  type Result,
  type WireError,
} from '@plenary/shared';
import { offlineError } from '../../realtime/api';
import { useT } from '../../i18n/useT';
import { describeError } from '../../i18n/describeError';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';

/** The file name the server gave (Content-Disposition), or a fallback. */
function fileNameOf(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]!);
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain?.[1] ?? fallback;
}

/** Fetches a file with the session's token and offers it to download. */
async function download(path: string, token: string, fallback: string): Promise<WireError | null> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    return { code: ErrorCode.internal, message: offlineError };
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as Result<never> | null;
    return body && !body.ok ? body.error : { code: ErrorCode.internal, message: `HTTP ${res.status}` };
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res, fallback);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}

/**
 * The facilitator's outcomes console: the report (Word, web page to print,
 * Markdown) with the boards it pictures, CSV exports, the archive (download,
 * and restoring one as a new workshop), and deleting the workshop.
 */
export function OutcomesDownloads() {
  const t = useT();
  const client = useWorkshopClient();
  const state = useWorkshopView().state!;
  const token = client.session.token;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = { title: useId(), restore: useId(), confirm: useId(), boards: useId() };

  const get = async (key: string, path: string, fallback: string) => {
    setBusy(key);
    const problem = await download(path, token, fallback);
    setBusy(null);
    setError(problem ? describeError(t, problem) : null);
  };
  const report = (format: ReportFormat) => get(`report-${format}`, OutcomesApiPath.report(state.id, format), `report.${format}`);
  const csv = (name: CsvExport) => get(`csv-${name}`, OutcomesApiPath.csv(state.id, name), `${name}.csv`);
  const namedPolls = pollsInOrder(state.polls).filter((p) => p.status !== 'draft' && !p.settings.anonymous);
  const chosen = state.outcomes.report.boardIds;
  const toggleBoard = async (boardId: string, on: boolean) => {
    const boardIds = on ? [...chosen, boardId] : chosen.filter((id) => id !== boardId);
    const r = await client.send('report:configure', { boardIds });
    setError(r.ok ? null : describeError(t, r.error));
  };
  const button = (key: string, label: string, onClick: () => void) => (
    <button type="button" className="small" onClick={onClick} disabled={busy !== null} aria-busy={busy === key} data-testid={`download-${key}`}>
      {busy === key ? t('outcomes.downloading') : label}
    </button>
  );

  return (
    <section className="card outcomes-downloads" aria-labelledby={ids.title} data-testid="outcomes-downloads">
      <h2 id={ids.title}>{t('outcomes.report.title')}</h2>
      <p className="muted">{t('outcomes.report.language')}</p>
      <div className="row">
        {button('report-docx', t('outcomes.report.docx'), () => void report('docx'))}
        {button('report-html', t('outcomes.report.html'), () => void report('html'))}
        {button('report-md', t('outcomes.report.md'), () => void report('md'))}
      </div>
      <fieldset>
        <legend id={ids.boards}>{t('outcomes.report.boards')}</legend>
        {state.boards.order.length === 0 && <p className="muted">{t('outcomes.report.noBoards')}</p>}
        {state.boards.order.map((id) => {
          const b = state.boards.byId[id];
          if (!b) return null;
          return (
            <label key={id} className="choice">
              <input type="checkbox" checked={chosen.includes(id)} onChange={(e) => void toggleBoard(id, e.target.checked)} />
              <span dir="auto">{b.title}</span>
            </label>
          );
        })}
      </fieldset>
      <h3>{t('outcomes.csv.title')}</h3>
      <div className="row">
        {button('csv-participants', t('outcomes.csv.participants'), () => void csv('participants'))}
        {button('csv-polls', t('outcomes.csv.polls'), () => void csv('polls'))}
        {button('csv-inputs', t('outcomes.csv.inputs'), () => void csv('inputs'))}
        {button('csv-questions', t('outcomes.csv.questions'), () => void csv('questions'))}
        {namedPolls.map((p) => (
          <span key={p.id}>{button(`ballots-${p.id}`, t('outcomes.csv.ballots', { title: p.question.slice(0, 40) }), () => void get(`ballots-${p.id}`, PollApiPath.ballotsCsv(state.id, p.id), `poll-${p.id}-ballots.csv`))}</span>
        ))}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <ArchivePanel />
      <DeletePanel />
    </section>
  );
}

function ArchivePanel() {
  const t = useT();
  const client = useWorkshopClient();
  const state = useWorkshopView().state!;
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [restored, setRestored] = useState<RestoredWorkshop | null>(null);
  const [error, setError] = useState<string | null>(null);

  const restore = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(OutcomesApiPath.restore, {
        method: 'POST',
        headers: { authorization: `Bearer ${client.session.token}`, 'content-type': 'application/zip' },
        body: file,
      });
      const body = (await res.json()) as Result<RestoredWorkshop>;
      if (body.ok) setRestored(body.data);
      else setError(describeError(t, body.error));
    } catch {
      setError(t('error.offline'));
    } finally {
      setBusy(false);
    }
  };
  const link = restored ? `${location.origin}${AppPath.facilitate(restored.workshopId, restored.facilitatorKey)}` : '';
  return (
    <>
      <h3>{t('outcomes.archive.title')}</h3>
      <p className="muted">{t('outcomes.archive.hint')}</p>
      <div className="row">
        <button
          type="button"
          className="small"
          disabled={busy}
          data-testid="download-archive"
          onClick={() => {
            setBusy(true);
            void download(OutcomesApiPath.archive(state.id), client.session.token, 'workshop.plenary.zip').then((p) => {
              setBusy(false);
              setError(p ? describeError(t, p) : null);
            });
          }}
        >
          {t('outcomes.archive.download')}
        </button>
      </div>
      <label htmlFor={inputId}>{t('outcomes.archive.restore')}</label>
      <input
        id={inputId}
        type="file"
        accept=".zip,application/zip"
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void restore(file);
          e.target.value = '';
        }}
      />
      {restored && (
        <div className="banner" role="status" data-testid="restored">
          <p>{t('outcomes.archive.restored')}</p>
          <p dir="ltr">
            <a href={link}>{link}</a>
          </p>
          <p>{t('outcomes.archive.joinCode', { code: restored.joinCode })}</p>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

function DeletePanel() {
  const t = useT();
  const client = useWorkshopClient();
  const state = useWorkshopView().state!;
  const id = useId();
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const typed = confirm.trim();
  const matches = typed === state.definition.title.trim() || typed.replace(/[\s-]/g, '').toUpperCase() === state.joinCode;
  return (
    <form
      className="outcomes-delete"
      onSubmit={(e) => {
        e.preventDefault();
        if (!matches) {
          setError(t('outcomes.delete.mismatch'));
          return;
        }
        setBusy(true);
        void fetch(OutcomesApiPath.workshop(state.id), {
          method: 'DELETE',
          headers: { authorization: `Bearer ${client.session.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ confirm: typed }),
        })
          .then(async (res) => {
            const body = (await res.json()) as Result<unknown>;
            // On success the server ends this session too; the page says so.
            setError(body.ok ? null : describeError(t, body.error));
          })
          .catch(() => setError(t('error.offline')))
          .finally(() => setBusy(false));
      }}
    >
      <h3>{t('outcomes.delete.title')}</h3>
      <p className="muted">{t('outcomes.delete.hint')}</p>
      <label htmlFor={id}>{t('outcomes.delete.confirm')}</label>
      <input id={id} value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" dir="auto" />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="danger" disabled={busy || !matches}>
        {t('outcomes.delete.submit')}
      </button>
    </form>
  );
}
