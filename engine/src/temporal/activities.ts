/** All I/O of a run: thin activities over the RequestStore port, plus rule evaluation (a local activity). */
import type { DecisionRule } from '../core/index.js';
import { evaluateRules, withVariables, type DecisionResult, type Facts } from '../rules/index.js';
import type { RequestStore } from './request-store.port.js';

export interface EvaluateDecisionInput {
  node: string;
  rules: DecisionRule[];
  default: string | null;
  facts: Facts;
  variables: Record<string, unknown>;
}

/** Rule evaluation, registered as a local activity: json-rules-engine cannot be bundled into workflows. */
export async function evaluateDecision(input: EvaluateDecisionInput): Promise<DecisionResult> {
  return evaluateRules(input.rules, input.default, withVariables(input.facts, input.variables));
}

/** The activities a worker registers, bound to one store. */
export function createActivities(store: RequestStore) {
  return {
    createTask: (input: Parameters<RequestStore['createTask']>[0]) => store.createTask(input),
    appendTimeline: (input: Parameters<RequestStore['appendTimeline']>[0]) => store.appendTimeline(input),
    setStatus: (input: Parameters<RequestStore['setStatus']>[0]) => store.setStatus(input),
    closeRequest: (input: Parameters<RequestStore['closeRequest']>[0]) => store.closeRequest(input),
    markTaskCompleted: (input: Parameters<RequestStore['markTaskCompleted']>[0]) =>
      store.markTaskCompleted(input),
    evaluateDecision,
  };
}

export type RequestActivities = ReturnType<typeof createActivities>;
