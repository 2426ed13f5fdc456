/**
 * Checks waits and forks: a wait says what it waits for (one thing), a timeout has somewhere to go,
 * and a join follows a parallel step whose branches it brings together.
 */
import type { JoinNode, WaitNode, WorkflowDefinition } from './dsl.js';
import { reachableFrom } from './graph.js';
import { nodeLabel, type Problem } from './problem.js';

/** Problems of one wait node. */
export function waitProblems(id: string, node: WaitNode): Problem[] {
  const label = nodeLabel(id, node);
  const kinds = [node.duration, node.until, node.for].filter((value) => value !== undefined).length;
  if (kinds !== 1) {
    return [
      {
        node: id,
        field: 'duration',
        code: 'wait_kind',
        message:
          kinds === 0
            ? `${label} does not say what it waits for. Add duration: (e.g. P2D), until: (a date or variables.<name>) or for: resident_reply.`
            : `${label} waits for more than one thing. Keep one of duration:, until: and for:.`,
      },
    ];
  }
  if (node.for !== 'resident_reply' && (node.timeout !== undefined || node.on_timeout !== undefined)) {
    return [
      {
        node: id,
        field: 'timeout',
        code: 'wait_timeout',
        message: `${label} has a timeout, which only a wait for: resident_reply uses. Remove timeout and on_timeout.`,
      },
    ];
  }
  if ((node.timeout === undefined) !== (node.on_timeout === undefined)) {
    return [
      {
        node: id,
        field: node.timeout === undefined ? 'timeout' : 'on_timeout',
        code: 'wait_timeout',
        message:
          node.timeout === undefined
            ? `${label} has on_timeout but no timeout. Add timeout: (e.g. P7D), or remove on_timeout.`
            : `${label} has a timeout but no on_timeout. Say which step follows when the resident does not answer.`,
      },
    ];
  }
  return [];
}

/** A join that no parallel step leads to would wait for branches that never exist. */
export function joinProblems(definition: WorkflowDefinition, id: string, node: JoinNode): Problem[] {
  const forks = Object.entries(definition.nodes).filter(([, other]) => other.type === 'parallel');
  if (forks.some(([fork]) => reachableFrom(definition, fork).has(id))) return [];
  return [
    {
      node: id,
      code: 'join_without_parallel',
      message: `${nodeLabel(id, node)} is not after any parallel step, so it has no branches to join. Add a parallel step before it, or use an action instead.`,
    },
  ];
}
