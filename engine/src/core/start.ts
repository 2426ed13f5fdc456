import type { WorkflowDefinition } from '@civicdesk/schemas';
import { EngineError } from './errors.js';
import { getNode } from './nodes.js';
import type { EngineState, PinnedRef } from './types.js';

/** The state of a run that has not started yet; feed it a `started` event to place the first token. */
export function start(definition: WorkflowDefinition, ref: PinnedRef): EngineState {
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
    status: 'open',
    closed: false,
    resolution: null,
    path: [],
    seq: 0,
    nextTokenId: 1,
  };
}
