import { useMemo } from 'react';
import type { BoardItem, ItemTag, WorkshopState } from '@plenary/shared';
import { useLocale } from '../../i18n/useLocale';
import { countryName } from '../../i18n/names';
import { useT } from '../../i18n/useT';
import { itemText, type ItemWords } from './boardView';

export type BoardWords = ItemWords & { text: (item: BoardItem) => string };

/** How items are named in this viewer's language: countries, the workshop's objectives, template headings. */
export function useItemWords(state: WorkshopState): BoardWords {
  const t = useT();
  const { locale } = useLocale();
  const objectives = state.definition.objectives;
  return useMemo(() => {
    const tags: Record<ItemTag, string> = {
      phase1: t('board.tag.phase1'),
      phase2: t('board.tag.phase2'),
      origin: t('board.tag.origin'),
      transit: t('board.tag.transit'),
      destination: t('board.tag.destination'),
    };
    const words: ItemWords = {
      country: (code) => countryName(code, locale),
      objective: (id) => objectives.find((o) => o.id === id)?.short ?? id,
      tag: (tag) => tags[tag],
    };
    return { ...words, text: (item: BoardItem) => itemText(item, words) };
  }, [t, locale, objectives]);
}
