import type { Messages } from '../en';
import core from './core';
import polls from './polls';
import boards from './boards';

const messages: Messages = { ...core, ...polls, ...boards };
export default messages;
