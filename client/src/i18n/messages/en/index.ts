/**
 * English: the source catalog, one file per area. Every key the interface uses
 * is here; other languages translate these keys, area by area, with the same
 * file names (ICU MessageFormat: plurals, selects).
 */
import core from './core';
import polls from './polls';
import boards from './boards';
import run from './run';
import qa from './qa';
import breakouts from './breakouts';
import outcomes from './outcomes';
import discussions from './discussions';

const en = { ...core, ...run, ...qa, ...breakouts, ...polls, ...boards, ...outcomes, ...discussions };

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
/** The keys of one area's English file, which each translation of that file must have. */
export type AreaMessages<T> = Record<keyof T, string>;
export default en as Messages;
