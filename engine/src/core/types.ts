/**
 * The interpreter's vocabulary: the state it keeps, the events it accepts and the commands it emits.
 * Token-based so parallel/join/wait can be added without changing the shape: each token sits at one
 * node and says what it is waiting for.
 */
import type {
  DecisionNode,
  ExtendedStatus,
  TaskNode,
  TimelineActor,
  TimelineEventKind,
} from '@civicdesk/schemas';

/** The exact published version a run is pinned to; versions are immutable, so replay never diverges. */
export interface PinnedRef {
  workflow: string;
  version: number;
  hash: string;
}

export type DecisionRule = DecisionNode['rules'][number];
export type TaskKind = TaskNode['kind'];

/** What a token waits for before it can move on. */
export type TokenWait =
  { on: 'decision' } | { on: 'taskCreated' } | { on: 'taskCompleted'; taskId: string } | { on: 'actionDone' };

export interface Token {
  id: number;
  node: string;
  /** How many times this token's node had been entered in this run, counting this entry (1-based). */
  visit: number;
  wait: TokenWait;
}

export interface EngineState {
  ref: PinnedRef;
  started: boolean;
  tokens: Token[];
  /** Entries per node id; loops give later entries distinct task keys. */
  visits: Record<string, number>;
  variables: Record<string, unknown>;
  status: ExtendedStatus;
  closed: boolean;
  resolution: string | null;
  /** Node ids in the order they were entered. */
  path: string[];
  /** Commands emitted so far; every command carries its number, which makes write keys unique. */
  seq: number;
  nextTokenId: number;
}

export type EngineEvent =
  | { type: 'started' }
  | { type: 'decisionEvaluated'; node: string; matchedRule: number | null; next: string | null }
  | { type: 'taskCreated'; node: string; taskId: string }
  | {
      type: 'taskCompleted';
      taskId: string;
      outcome: string;
      by: string;
      note?: string;
      values?: Record<string, unknown>;
    }
  | { type: 'actionDone'; node: string };

type Numbered<T> = T & { seq: number; node: string };

export type EngineCommand = Numbered<
  | { type: 'evaluateDecision'; rules: DecisionRule[]; default: string | null }
  | {
      type: 'createTask';
      visit: number;
      title: string;
      description: string | null;
      kind: TaskKind;
      department: string;
      role: string | null;
      sla: string | null;
      outcomes: string[];
    }
  | {
      type: 'markTaskCompleted';
      taskId: string;
      outcome: string;
      by: string;
      note: string | null;
      values: Record<string, unknown>;
    }
  | { type: 'setStatus'; status: ExtendedStatus; note: string | null }
  | { type: 'addNote'; note: string; public: boolean }
  | { type: 'close'; resolution: string; status: ExtendedStatus; message: string | null }
  | {
      type: 'appendTimeline';
      kind: TimelineEventKind;
      summary: string;
      description: string | null;
      public: boolean;
      actor: TimelineActor;
      data: Record<string, unknown>;
    }
>;

export type CommandType = EngineCommand['type'];
export type CommandOf<T extends CommandType> = Extract<EngineCommand, { type: T }>;

export interface StepResult {
  state: EngineState;
  commands: EngineCommand[];
}

/** A human task waiting for staff, as the queue and the Update validator see it. */
export interface OpenTask {
  taskId: string;
  node: string;
  visit: number;
  title: string;
  department: string;
  role: string | null;
  outcomes: string[];
}
