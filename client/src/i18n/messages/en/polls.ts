/** English, polls. Keys start with "poll.". */
const polls = {} as const;

export default polls;
