import { useCallback } from 'react';
import type { BoardItem } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import type { BoardWords } from './useItemWords';

export type DescribeItem = (item: BoardItem) => { text: string; detail: string; aria: string };

/** How an item reads on the canvas and to a screen reader, in this viewer's language. */
export function useDescribeItem(words: BoardWords): DescribeItem {
  const t = useT();
  return useCallback(
    (item: BoardItem) => {
      const text = words.text(item);
      const detail =
        item.kind === 'country' && item.phase
          ? t(item.phase === 1 ? 'board.phase1' : 'board.phase2')
          : item.kind === 'practice'
            ? [item.country ? words.country(item.country) : '', item.objective ? words.objective(item.objective) : ''].filter(Boolean).join(' · ')
            : '';
      const kind = t(`board.kind.${item.kind}`);
      const from = item.fromGroup ? t('board.fromGroup', { group: item.fromGroup }) : '';
      const second = item.kind === 'practice' ? [item.text, detail].filter(Boolean).join(' — ') : detail;
      return { text: item.kind === 'practice' ? item.title : text, detail: [second, from].filter(Boolean).join(' · '), aria: `${kind}: ${text || t('board.empty')}${from ? ` (${from})` : ''}` };
    },
    [words, t],
  );
}
