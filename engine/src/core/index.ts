/** The pure workflow interpreter: no I/O, no clock, no randomness. */
export { start } from './start.js';
export { step } from './step.js';
export { drive, type Effects } from './drive.js';
export { openTasks, checkTaskCompletion, isTaskActionable } from './tasks.js';
export { EngineError } from './errors.js';
export { formProblems } from './form.js';
export { durationMs } from './duration.js';
export { instantMs } from './instant.js';
export { addBusinessTime, isoFromMs, type BusinessAmount } from './business-time.js';
export { lookup, renderTemplate } from './template.js';
export type * from './types.js';
