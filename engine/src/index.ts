/** @civicdesk/engine: the pure interpreter, its rules, the simulator and the Temporal shell. */
export * from './core/index.js';
export * from './rules/index.js';
export * from './simulate/index.js';
export * from './temporal/index.js';
