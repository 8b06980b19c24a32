import type polls from '../en/polls';
import type { AreaMessages } from '../en';

const messages: AreaMessages<typeof polls> = {};
export default messages;
