/** Simulation: the pure core driven with real rules and scripted outcomes. */
export {
  simulatePath,
  type ScriptedOutcomes,
  type SimulationResult,
  type SimulateOptions,
} from './simulate-path.js';
