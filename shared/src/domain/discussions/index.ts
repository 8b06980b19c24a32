/** Discussions: guiding questions and their answers, group chats, threads on board notes. */
export * from './model.js';
export * from './protocol.js';
export * from './answers.js';
export * from './search.js';
export { projectMessage, projectSpace } from './project.js';
