/**
 * The demo's prepared texts in the six other languages of the interface, by
 * the English text as `demo.ts` authors it (see preparedText.ts for why a
 * table of texts). Terms follow the UN usage of each language for the
 * Protocols against trafficking in persons and the smuggling of migrants.
 * Portuguese is Brazilian, like the interface. demoTranslations.test.ts checks
 * that every prepared text of the demo is here in every language, and nothing else.
 */
import type { PreparedTranslations } from './preparedText.js';
import { agendaTexts } from './demoTranslations/agenda.js';
import { generalTexts } from './demoTranslations/general.js';

/** A text in each language but English, the demo's own. */
export type Six = { fr: string; es: string; ru: string; ar: string; fa: string; pt: string };

/** Every prepared text of the demo, by its English text. */
export const demoTranslations: PreparedTranslations = { ...generalTexts, ...agendaTexts };
