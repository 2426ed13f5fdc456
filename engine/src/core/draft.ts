/** A mutable copy of the state that one `step` edits, plus the commands that step emits. */
import type { WorkflowDefinition } from '@civicdesk/schemas';
import type { EngineCommand, EngineEvent, EngineState, Token } from './types.js';
import { EngineError } from './errors.js';

export type EventOf<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;

/** The actor of entries the engine writes on its own. */
export const system = { type: 'system' } as const;

type Unnumbered<C> = C extends EngineCommand ? Omit<C, 'seq'> : never;

export interface Draft {
  definition: WorkflowDefinition;
  state: EngineState;
  commands: EngineCommand[];
}

/** Copies every collection `step` may change, so the caller's state is never mutated. */
export function openDraft(definition: WorkflowDefinition, state: EngineState): Draft {
  return {
    definition,
    state: {
      ...state,
      ref: { ...state.ref },
      tokens: state.tokens.map((token) => ({
        ...token,
        wait: { ...token.wait },
        ...(token.forks ? { forks: [...token.forks] } : {}),
      })),
      visits: { ...state.visits },
      variables: { ...state.variables },
      path: [...state.path],
      ...(state.dropped ? { dropped: { ...state.dropped } } : {}),
      ...(state.escalations ? { escalations: { ...state.escalations } } : {}),
    },
    commands: [],
  };
}

/** Appends a command, numbering it with the run's next sequence number. */
export function emit(draft: Draft, command: Unnumbered<EngineCommand>): void {
  draft.state.seq += 1;
  draft.commands.push({ ...command, seq: draft.state.seq } as EngineCommand);
}

/** The token at `node` waiting for `on`, or an EngineError saying where the tokens actually are. */
export function tokenWaiting(draft: Draft, node: string, on: Token['wait']['on']): Token {
  const token = draft.state.tokens.find((t) => t.node === node && t.wait.on === on);
  if (token) return token;
  const where = draft.state.tokens.map((t) => `${t.node} (waiting for ${t.wait.on})`).join(', ') || 'none';
  throw new EngineError(`No token at "${node}" is waiting for ${on}; tokens: ${where}`);
}
