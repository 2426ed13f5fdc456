/**
 * Replays past requests through one workflow definition with the engine's simulator. Pure apart
 * from the simulator's own promises: the caller loads the requests, this decides where each would go.
 */
import { simulatePath, type ScriptedOutcomes } from '@civicdesk/engine/simulate';
import { evaluateRules, withVariables } from '@civicdesk/engine/rules';
import type { TaskNode, WorkflowDefinition } from '@civicdesk/schemas';
import type { ReplayCase } from './what-if-facts.js';

/** Where one request went: its path, where it stopped, and the department of every task it created. */
export interface ReplayedRequest {
  id: string;
  path: string[];
  /** The end node it closed at, or the node it waits at, or `(error)` when the graph could not run it. */
  ending: string;
  closed: boolean;
  /** Department codes of the tasks along the path, one per task visit. */
  queues: string[];
  error?: string;
}

/** How many visits a script covers: enough for loops that real requests take, not an endless one. */
const scriptedVisits = 20;
const maxTasks = 60;

/**
 * Outcomes for each task node of `definition`: the one staff chose on that visit when it is still an
 * outcome of the node, else the node's first outcome (the "usual" way through).
 */
export function scriptFor(definition: WorkflowDefinition, chosen: ReplayCase['chosen']): ScriptedOutcomes {
  const script: ScriptedOutcomes = {};
  for (const [id, node] of Object.entries(definition.nodes)) {
    if (node.type !== 'task') continue;
    const allowed = Object.keys(node.outcomes);
    const first = allowed[0];
    if (first === undefined) continue;
    const recorded = chosen[id] ?? [];
    script[id] = Array.from({ length: Math.max(scriptedVisits, recorded.length) }, (_, visit) => {
      const outcome = recorded[visit];
      return outcome && allowed.includes(outcome) ? outcome : first;
    });
  }
  return script;
}

/** The department a task lands with: the first matching `assign_rules` entry, else `assign`. */
async function departmentOf(node: TaskNode, facts: ReplayCase['facts']): Promise<string> {
  const rules = node.assign_rules ?? [];
  if (rules.length === 0) return node.assign.department;
  const { matchedRule } = await evaluateRules(
    rules.map(({ when }) => ({ when, next: '' })),
    null,
    facts,
  );
  return (matchedRule === null ? undefined : rules[matchedRule]?.assign.department) ?? node.assign.department;
}

/** Runs one request through `definition`; a graph that cannot run it answers `(error)` with the reason. */
export async function replayRequest(
  definition: WorkflowDefinition,
  request: ReplayCase,
): Promise<ReplayedRequest> {
  try {
    const result = await simulatePath(definition, request.facts, scriptFor(definition, request.chosen), {
      maxTasks,
    });
    const facts = withVariables(request.facts, result.variables);
    const queues: string[] = [];
    for (const id of result.path) {
      const node = definition.nodes[id];
      if (node?.type === 'task') queues.push(await departmentOf(node, facts));
    }
    const ending = result.closed
      ? (result.path.at(-1) ?? '(none)')
      : (result.waitingAt[0] ?? result.path.at(-1) ?? '(none)');
    return { id: request.id, path: result.path, ending, closed: result.closed, queues };
  } catch (error) {
    return {
      id: request.id,
      path: [],
      ending: '(error)',
      closed: false,
      queues: [],
      error: (error as Error).message,
    };
  }
}

/** Replays every request, one after another (the simulator is cheap; order keeps results stable). */
export async function replayAll(
  definition: WorkflowDefinition,
  requests: readonly ReplayCase[],
): Promise<ReplayedRequest[]> {
  const replayed: ReplayedRequest[] = [];
  for (const request of requests) replayed.push(await replayRequest(definition, request));
  return replayed;
}
