/** All I/O of a run: thin activities over the RequestStore port, plus rule evaluation (a local activity). */
import type { AssignRule, DecisionRule } from '../core/index.js';
import {
  evaluateRules,
  timeFacts,
  withVariables,
  type DecisionResult,
  type Facts,
  type TimeFactsCalendar,
} from '../rules/index.js';
import type { RequestStore } from './request-store.port.js';
import { callWebhook } from './webhook.js';

export interface EvaluateDecisionInput {
  node: string;
  rules: DecisionRule[];
  default: string | null;
  facts: Facts;
  variables: Record<string, unknown>;
  /**
   * The moment of the decision (epoch ms, workflow time) and the jurisdiction's calendar, for the
   * `time.*` facts. Optional: runs recorded before time facts existed carry neither.
   */
  at?: number;
  calendar?: TimeFactsCalendar;
}

/** Rule evaluation, registered as a local activity: json-rules-engine cannot be bundled into workflows. */
export async function evaluateDecision(input: EvaluateDecisionInput): Promise<DecisionResult> {
  return evaluateRules(input.rules, input.default, factsAt(input));
}

/** Request facts, the run's variables, and the `time.*` facts when the run passed its time. */
function factsAt(input: Pick<EvaluateDecisionInput, 'facts' | 'variables' | 'at' | 'calendar'>): Facts {
  const facts = withVariables(input.facts, input.variables);
  if (input.at === undefined) return facts;
  return { ...facts, ...timeFacts(input.at, input.calendar ?? { timezone: 'UTC' }) };
}

export interface EvaluateAssignmentInput {
  node: string;
  rules: AssignRule[];
  facts: Facts;
  variables: Record<string, unknown>;
  /** As for decisions: the moment (workflow time) and calendar for the `time.*` facts. */
  at?: number;
  calendar?: TimeFactsCalendar;
}

/** Assignment rules (a local activity, like decisions): the index of the first rule that matches, or null. */
export async function evaluateAssignment(
  input: EvaluateAssignmentInput,
): Promise<{ matchedRule: number | null }> {
  const rules = input.rules.map(({ name, when }) => ({ ...(name ? { name } : {}), when, next: input.node }));
  const { matchedRule } = await evaluateRules(rules, null, factsAt(input));
  return { matchedRule };
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
    queueNotification: (input: Parameters<RequestStore['queueNotification']>[0]) =>
      store.queueNotification(input),
    transferRequest: (input: Parameters<RequestStore['transferRequest']>[0]) => store.transferRequest(input),
    linkDuplicate: (input: Parameters<RequestStore['linkDuplicate']>[0]) => store.linkDuplicate(input),
    reopenRequest: (input: Parameters<RequestStore['reopenRequest']>[0]) => store.reopenRequest(input),
    reassignTask: (input: Parameters<RequestStore['reassignTask']>[0]) => store.reassignTask(input),
    cancelTask: (input: Parameters<RequestStore['cancelTask']>[0]) => store.cancelTask(input),
    publishAnswer: (input: Parameters<RequestStore['publishAnswer']>[0]) => store.publishAnswer(input),
    evaluateDecision,
    evaluateAssignment,
    callWebhook,
  };
}

export type RequestActivities = ReturnType<typeof createActivities>;
