/** English, boards. Keys start with "board.". */
const boards = {} as const;

export default boards;
