import type { Messages } from './en';

/** Translations of the English catalog; keys not here fall back to English. */
const messages: Partial<Messages> = {};
export default messages;
