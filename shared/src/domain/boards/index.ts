/** Boards: the control-plane model and protocol, and the board document's schema, checks and templates. */
export * from './model.js';
export * from './protocol.js';
export { fullTally } from './decide.js';
export * from './boardDoc.js';
export * from './boardGuard.js';
export * from './templates.js';
export * from './drawBoard.js';
export * from './copyFromGroup.js';
