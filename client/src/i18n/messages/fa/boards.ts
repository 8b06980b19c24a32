import type boards from '../en/boards';
import type { AreaMessages } from '../en';

const messages: AreaMessages<typeof boards> = {};
export default messages;
