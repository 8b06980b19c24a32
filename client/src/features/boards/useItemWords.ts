import { useMemo } from 'react';
import { translatePrepared, type BoardItem, type ItemTag, type WorkshopState } from '@plenary/shared';
import { useLocale } from '../../i18n/useLocale';
import { countryName } from '../../i18n/names';
import { useT } from '../../i18n/useT';
import { itemText, type ItemWords } from './boardView';

export type BoardWords = ItemWords & { text: (item: BoardItem) => string };

/**
 * How items are named in this viewer's language: countries, the workshop's
 * objectives, template headings. A template's lanes are written into the board
 * document once, with the objectives' short names as the workshop authored
 * them ("Strategy & policy"); each viewer reads them through the definition's
 * translations, so one document serves every language, and a lane someone
 * renames shows as they typed it (preparedText.ts). The projector reads them
 * in the workshop's language.
 */
export function useItemWords(state: WorkshopState, projector = false): BoardWords {
  const t = useT();
  const { locale } = useLocale();
  const objectives = state.definition.objectives;
  const { translations } = state.definition;
  const language = projector ? state.settings.defaultLanguage : locale;
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
      heading: translatePrepared({ translations }, language),
    };
    return { ...words, text: (item: BoardItem) => itemText(item, words) };
  }, [t, locale, objectives, translations, language]);
}
