import { useState } from 'react';
import type { Board } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { toolbarActions, type BoardContext, type BoardIntent } from './actions/boardActions';
import { ExportMenu } from './ExportMenu';
import type { ViewItem } from './BoardSession';
import { searchItems } from './boardView';
import type { BoardWords } from './useItemWords';
import type { DescribeItem } from './describeItem';

export type PanelName = 'item' | 'vote' | 'facilitate';

interface Props {
  board: Board;
  ctx: BoardContext;
  run: (intent: BoardIntent) => void;
  items: ReadonlyMap<string, ViewItem>;
  words: BoardWords;
  describe: DescribeItem;
  panel: PanelName | null;
  togglePanel: (panel: PanelName) => void;
  isFacilitator: boolean;
  onFound: (item: ViewItem) => void;
}

/** Everything one can do on the board, drawn from the actions registry, then exports, panels and search. */
export function BoardToolbar({ board, ctx, run, items, words, describe, panel, togglePanel, isFacilitator, onFound }: Props) {
  const t = useT();
  const [query, setQuery] = useState('');
  const found = query ? searchItems(items.values(), query, words).slice(0, 20) : [];
  return (
    <>
      <div className="board-tools" role="toolbar" aria-label={t('board.toolbar')}>
        {toolbarActions.map((a) => (
          <button
            key={a.name}
            type="button"
            onClick={() => run(a.perform(ctx))}
            disabled={!a.enabled(ctx)}
            aria-pressed={a.pressed?.(ctx)}
            aria-keyshortcuts={a.keys}
            data-testid={a.testId}
          >
            {t(a.label)}
          </button>
        ))}
        <ExportMenu title={board.title} template={board.template} items={items} vote={board.vote} words={words} describe={describe} />
        {board.vote && (
          <button type="button" aria-pressed={panel === 'vote'} onClick={() => togglePanel('vote')}>
            {t('board.vote.panel')}
          </button>
        )}
        {isFacilitator && (
          <button type="button" aria-pressed={panel === 'facilitate'} onClick={() => togglePanel('facilitate')} data-testid="facilitate">
            {t('board.facilitate')}
          </button>
        )}
        <span className="board-search">
          <label htmlFor="board-search" className="visually-hidden">
            {t('board.search')}
          </label>
          <input id="board-search" type="search" placeholder={t('board.search')} value={query} onChange={(e) => setQuery(e.target.value)} dir="auto" aria-keyshortcuts="Control+F" />
        </span>
      </div>
      {query && (
        <ul className="board-results" aria-label={t('board.results', { count: found.length })}>
          {found.length === 0 && <li>{t('board.noResults')}</li>}
          {found.map((i) => (
            <li key={i.id}>
              <button type="button" onClick={() => onFound(i)} dir="auto">
                {words.text(i) || t('board.empty')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
