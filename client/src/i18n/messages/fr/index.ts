import type { Messages } from '../en';
import core from './core';
import polls from './polls';
import boards from './boards';
import run from './run';
import qa from './qa';
import breakouts from './breakouts';
import outcomes from './outcomes';
import discussions from './discussions';

// Every key of the English catalog (checked here and by catalogs.test.ts): no English fallback is loaded.
const messages: Messages = { ...core, ...run, ...qa, ...breakouts, ...polls, ...boards, ...outcomes, ...discussions };
export default messages;
