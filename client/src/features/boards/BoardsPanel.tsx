import { useId, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { BoardExport, boardTemplates, type BoardTemplate, type WorkshopState } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { describeError } from '../../i18n/describeError';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { boardPath } from './paths';
import { setPendingImport } from './pendingImport';

/** The facilitator's boards: create one from a template or from a JSON export, open it, project it. */
export function BoardsPanel() {
  const t = useT();
  const client = useWorkshopClient();
  const view = useWorkshopView();
  const state = view.state!;
  const [, navigate] = useLocation();
  const ids = { title: useId(), template: useId(), file: useId() };
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<BoardTemplate>('synergy');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Creates a board and resolves with its id once this client's state has it. */
  const create = async (boardTitle: string, from: BoardTemplate): Promise<string | null> => {
    const before = new Set(state.boards.order);
    const r = await client.send('board:create', { title: boardTitle, template: from });
    if (!r.ok) {
      setError(describeError(t, r.error));
      return null;
    }
    for (let i = 0; i < 100; i++) {
      const s = client.view.getSnapshot().state;
      const id = s?.boards.order.find((b) => !before.has(b) && s.boards.byId[b]?.createdBy === view.me);
      if (id) return id;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return null;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setError(t('board.create.titleRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    const id = await create(title.trim(), template);
    setBusy(false);
    if (id) {
      setTitle('');
      navigate(boardPath(state.id, id));
    }
  };

  const importFile = async (file: File) => {
    setError(null);
    let data: BoardExport;
    try {
      data = BoardExport.parse(JSON.parse(await file.text()));
    } catch {
      setError(t('board.import.invalid'));
      return;
    }
    setBusy(true);
    const id = await create(data.title.trim() || file.name, 'blank');
    setBusy(false);
    if (!id) return;
    setPendingImport(id, data);
    navigate(boardPath(state.id, id));
  };

  return (
    <section className="card boards-panel" aria-labelledby="boards-panel-title">
      <h2 id="boards-panel-title">{t('board.list.title')}</h2>
      <BoardLinks state={state} onProject={(boardId) => void client.send('projector:show', { view: { kind: 'board', boardId } })} />
      <form onSubmit={submit} className="stack" noValidate>
        <label htmlFor={ids.title}>{t('board.create.title')}</label>
        <input id={ids.title} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} dir="auto" />
        <label htmlFor={ids.template}>{t('board.create.template')}</label>
        <select id={ids.template} value={template} onChange={(e) => setTemplate(e.target.value as BoardTemplate)}>
          {boardTemplates.map((k) => (
            <option key={k} value={k}>
              {t(`board.template.${k}`)}
            </option>
          ))}
        </select>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('board.create.submit')}
        </button>
      </form>
      <p>
        <label htmlFor={ids.file}>{t('board.import.label')}</label>
        <input
          id={ids.file}
          type="file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void importFile(f);
            e.target.value = '';
          }}
        />
      </p>
    </section>
  );
}

function BoardLinks({ state, onProject }: { state: WorkshopState; onProject: (boardId: string) => void }) {
  const t = useT();
  const [, navigate] = useLocation();
  const boards = state.boards.order.map((id) => state.boards.byId[id]!).filter((b) => b && b.scope.kind === 'plenary');
  if (boards.length === 0) return <p className="muted">{t('board.list.none')}</p>;
  return (
    <ul className="boards-list">
      {boards.map((b) => (
        <li key={b.id}>
          <a
            href={boardPath(state.id, b.id)}
            onClick={(e) => {
              e.preventDefault();
              navigate(boardPath(state.id, b.id));
            }}
            dir="auto"
            data-testid="board-link"
          >
            {b.title}
          </a>{' '}
          <span className="muted">{t(`board.template.${b.template}`)}</span>{' '}
          <button type="button" className="link" onClick={() => onProject(b.id)}>
            {t('board.project')}
          </button>
        </li>
      ))}
    </ul>
  );
}
