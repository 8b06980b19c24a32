/** Outcomes: workplan inputs (model, protocol), and the workshop report's model. */
export * from './model.js';
export * from './protocol.js';
export * from './report.js';
