/** The pure workflow interpreter: no I/O, no clock, no randomness. */
export { start } from './start.js';
export { step } from './step.js';
export { drive, type Effects } from './drive.js';
export { openTasks, checkTaskCompletion } from './tasks.js';
export { EngineError } from './errors.js';
export type * from './types.js';
