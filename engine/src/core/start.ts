import type { WorkflowDefinition } from '@civicdesk/schemas';
import { EngineError } from './errors.js';
import { getNode } from './nodes.js';
import type { EngineState, PinnedRef } from './types.js';

/** The state of a run that has not started yet (facts feed templates); feed it `started` to place the first token. */
export function start(
  definition: WorkflowDefinition,
  ref: PinnedRef,
  facts: Record<string, unknown> = {},
): EngineState {
  if (ref.workflow !== definition.workflow) {
    throw new EngineError(
      `Pinned ref names workflow "${ref.workflow}" but the definition is "${definition.workflow}"`,
    );
  }
  getNode(definition, definition.start);
  return {
    ref: { ...ref },
    started: false,
    tokens: [],
    visits: {},
    variables: {},
    facts: { ...facts },
    status: 'open',
    closed: false,
    resolution: null,
    path: [],
    seq: 0,
    nextTokenId: 1,
  };
}
