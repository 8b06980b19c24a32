import type { Messages } from '../en';
import core from './core';
import polls from './polls';
import boards from './boards';
import run from './run';
import qa from './qa';
import breakouts from './breakouts';
import outcomes from './outcomes';
import discussions from './discussions';

// Partial while a new area awaits translation: missing keys fall back to English, and catalogs.test.ts fails until none are missing.
const messages: Partial<Messages> = { ...core, ...run, ...qa, ...breakouts, ...polls, ...boards, ...outcomes, ...discussions };
export default messages;
