/** Polls: model, wire protocol, ballot checks, tallying, and the state machine's table. */
export * from './model.js';
export * from './protocol.js';
export * from './ballotProblem.js';
export * from './words.js';
export * from './tally.js';
export * from './visibility.js';
export * from './audience.js';
export { pollTransitions, nextPollStatus, type PollTransition } from './decide.js';
export { ownBallot } from './project.js';
