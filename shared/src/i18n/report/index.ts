/**
 * The report's catalogs, one per interface language: the words of the
 * workshop report and of the CSV exports, as ICU messages (English the
 * source, see en.ts). The server formats them; `catalogProblems` checks them.
 */
import type { LanguageCode } from '../../protocol/languages.js';
import { ar } from './ar.js';
import { en, type ReportMessages } from './en.js';
import { es } from './es.js';
import { fa } from './fa.js';
import { fr } from './fr.js';
import { pt } from './pt.js';
import { ru } from './ru.js';

export type { ReportMessageKey, ReportMessages } from './en.js';

/** Every language's report catalog; a language missing here fails to compile. */
export const reportCatalogs: Readonly<Record<LanguageCode, ReportMessages>> = { en, fr, es, ru, ar, fa, pt };
