/**
 * Carries out commands until the run needs something from outside (a human, or nothing: closed).
 * Effects are injected, so the Temporal workflow and the simulator drive the core the same way.
 */
import type { WorkflowDefinition } from '@civicdesk/schemas';
import { step } from './step.js';
import type { EngineCommand, EngineEvent, EngineState, StepResult } from './types.js';

/** Performs one command; returns the event that reports its result, or null when none is expected. */
export type Effects = (command: EngineCommand, state: EngineState) => Promise<EngineEvent | null>;

/** Runs the commands of `result` (and those they lead to) in order; returns the state once quiet. */
export async function drive(
  definition: WorkflowDefinition,
  result: StepResult,
  effects: Effects,
  observe?: (state: EngineState) => void,
): Promise<EngineState> {
  let state = result.state;
  observe?.(state);
  const queue = [...result.commands];
  for (let command = queue.shift(); command; command = queue.shift()) {
    const event = await effects(command, state);
    if (!event) continue;
    const next = step(definition, state, event);
    state = next.state;
    observe?.(state);
    queue.push(...next.commands);
  }
  return state;
}
