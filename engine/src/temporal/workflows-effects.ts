/** How the workflow carries out the core's commands: activities for I/O, search attributes for operators. */
import {
  ActivityFailure,
  patched,
  proxyActivities,
  proxyLocalActivities,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import { durationMs } from '../core/index.js';
import type { CommandOf, Effects, EngineCommand, EngineEvent } from '../core/index.js';
import type { Sla } from '@civicdesk/schemas';
import type { Facts, TimeFactsCalendar } from '../rules/index.js';
import type { RequestActivities } from './activities.js';
import { taskKey, writeKey } from './keys.js';
import { departmentAttribute, statusAttribute } from './search-attributes.js';
import { workflowNow } from './workflows-time.js';

type StoreActivities = Omit<RequestActivities, 'evaluateDecision' | 'evaluateAssignment' | 'callWebhook'>;
const scheduledStore = proxyActivities<StoreActivities>({ startToCloseTimeout: '30 seconds' });
const localStore = proxyLocalActivities<StoreActivities>({ startToCloseTimeout: '30 seconds' });
/**
 * Runs from before this patch wrote through scheduled activities and must replay that way. New runs
 * (and old runs past the point they had reached) write through local activities: the store's writes
 * are short, idempotent (keyed by the run and command) and run inside the workflow task, so a run
 * reaches its first task in one workflow task instead of one Temporal round trip per write — the
 * Temporal server, not the worker, was what held back a burst of requests.
 */
export const LOCAL_STORE_PATCH = 'store-writes-as-local-activities';
const storeActivities = (): StoreActivities => (patched(LOCAL_STORE_PATCH) ? localStore : scheduledStore);
const rules = proxyLocalActivities<Pick<RequestActivities, 'evaluateDecision' | 'evaluateAssignment'>>({
  startToCloseTimeout: '10 seconds',
});

export interface RunContext {
  requestId: string;
  workflowId: string;
  facts: Facts;
  /** The jurisdiction's calendar, for the `time.*` decision facts (UTC, Mon–Fri 09–17 without one). */
  calendar?: TimeFactsCalendar;
  /** Arms a durable timer; the workflow feeds `timerFired` back to the core when it fires. */
  startTimer(command: CommandOf<'startTimer'>): void;
  /** The SLA deadline of a task created now (workflow time), business calendar included. */
  dueAt(sla: Sla): string;
}

const fieldsOf = <C extends EngineCommand>({ type: _type, seq: _seq, ...fields }: C) => fields;

/** Effects that perform each command through activities and report the result back to the core. */
export function temporalEffects(run: RunContext): Effects {
  return async (command, state) => {
    const store = storeActivities();
    const ids = {
      key: writeKey(run.workflowId, command.seq),
      requestId: run.requestId,
      workflowId: run.workflowId,
    };
    const done = { type: 'actionDone', node: command.node } as const;
    const clock = { at: workflowNow(), calendar: run.calendar ?? { timezone: 'UTC' } };
    switch (command.type) {
      case 'evaluateDecision': {
        const input = { ...fieldsOf(command), facts: run.facts, variables: state.variables, ...clock };
        return { type: 'decisionEvaluated', node: command.node, ...(await rules.evaluateDecision(input)) };
      }
      case 'evaluateAssignment': {
        const input = {
          node: command.node,
          rules: command.rules,
          facts: run.facts,
          variables: state.variables,
          ...clock,
        };
        const { matchedRule } = await rules.evaluateAssignment(input);
        return { type: 'assignmentEvaluated', node: command.node, matchedRule };
      }
      case 'createTask': {
        const key = taskKey(run.workflowId, command.node, command.visit);
        const dueAt = command.sla === null ? null : run.dueAt(command.sla);
        const sla = command.sla === null ? null : slaText(command.sla);
        const { taskId } = await store.createTask({ ...ids, ...fieldsOf(command), key, sla, dueAt });
        upsertSearchAttributes([{ key: departmentAttribute, value: command.department }]);
        return { type: 'taskCreated', node: command.node, taskId, dueAt };
      }
      case 'reopenRequest':
        await store.reopenRequest({ ...ids, ...fieldsOf(command) });
        upsertSearchAttributes([{ key: statusAttribute, value: 'reopen' }]);
        return null;
      case 'queueNotification':
        await store.queueNotification({ ...ids, ...fieldsOf(command) });
        return null;
      case 'reassignTask':
        await store.reassignTask({ ...ids, ...fieldsOf(command) });
        upsertSearchAttributes([{ key: departmentAttribute, value: command.department }]);
        return null;
      case 'markTaskCompleted':
        await store.markTaskCompleted({ ...ids, ...fieldsOf(command) });
        return null;
      case 'appendTimeline':
        await store.appendTimeline({ ...ids, ...fieldsOf(command) });
        return null;
      case 'addNote':
        await store.appendTimeline({ ...ids, ...note(command) });
        return done;
      case 'setStatus':
        await store.setStatus({ ...ids, ...fieldsOf(command) });
        upsertSearchAttributes([{ key: statusAttribute, value: command.status }]);
        return done;
      case 'close':
        await store.closeRequest({ ...ids, ...fieldsOf(command) });
        upsertSearchAttributes([{ key: statusAttribute, value: command.status }]);
        return done;
      case 'notify':
        await store.queueNotification({ ...ids, ...fieldsOf(command) });
        return done;
      case 'setVariable':
        return done;
      case 'transfer':
        await store.transferRequest({ ...ids, ...fieldsOf(command) });
        upsertSearchAttributes([{ key: departmentAttribute, value: command.department }]);
        return done;
      case 'linkDuplicate': {
        const linked = await store.linkDuplicate({ ...ids, ...fieldsOf(command) });
        return linked.linked ? done : { type: 'actionFailed', node: command.node, reason: linked.reason };
      }
      case 'publishAnswer':
        await store.publishAnswer({ ...ids, ...fieldsOf(command) });
        await store.queueNotification({
          ...ids,
          key: `${ids.key}:notify`,
          node: command.node,
          template: 'request_answered',
          channel: 'email',
          data: { answer: command.text },
        });
        return null;
      case 'callWebhook':
        return callWebhook(command, ids.key);
      case 'startTimer':
        run.startTimer(command);
        return null;
      case 'cancelTask':
        await store.cancelTask({ ...ids, ...fieldsOf(command) });
        return null;
      default:
        return unreachable(command);
    }
  };
}

/** One webhook call with the node's own timeout and retries; failing for good takes the node's on_failure. */
async function callWebhook(command: CommandOf<'callWebhook'>, key: string): Promise<EngineEvent> {
  const http = proxyActivities<Pick<RequestActivities, 'callWebhook'>>({
    startToCloseTimeout: durationMs(command.timeout) + 5_000,
    retry: { maximumAttempts: command.retries + 1, initialInterval: '1 second', backoffCoefficient: 2 },
  });
  const { type: _type, seq: _seq, retries: _retries, ...input } = command;
  try {
    const result = await http.callWebhook({ ...input, key });
    return { type: 'actionDone', node: command.node, result };
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    const reason = error.cause?.message ?? error.message;
    return { type: 'actionFailed', node: command.node, reason };
  }
}

/** "P3D", "3 business days", "8 business hours": the SLA as the task row shows it. */
function slaText(sla: Sla): string {
  if (typeof sla === 'string') return sla;
  return 'business_days' in sla
    ? `${sla.business_days} business days`
    : `${sla.business_hours} business hours`;
}

const note = ({ node, note, public: isPublic }: { node: string; note: string; public: boolean }) =>
  ({
    kind: 'note',
    node,
    summary: note,
    description: null,
    public: isPublic,
    actor: { type: 'system' },
    data: {},
  }) as const;

function unreachable(command: never): never {
  throw new Error(`Unknown command ${(command as { type: string }).type}`);
}
