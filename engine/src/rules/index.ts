/** Decision rules (json-rules-engine) and the fact map they read. Never import from workflow code. */
export { evaluateRules, type DecisionResult } from './evaluate.js';
export { buildFacts, withVariables, type Facts, type RequestFactsInput } from './facts.js';
export { timeFacts, type TimeFactsCalendar } from './time-facts.js';
