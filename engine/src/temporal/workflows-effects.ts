/** How the workflow carries out the core's commands: activities for I/O, search attributes for operators. */
import { proxyActivities, proxyLocalActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { Effects, EngineCommand } from '../core/index.js';
import type { Facts } from '../rules/index.js';
import type { RequestActivities } from './activities.js';
import { taskKey, writeKey } from './keys.js';
import { departmentAttribute, statusAttribute } from './search-attributes.js';

const store = proxyActivities<RequestActivities>({ startToCloseTimeout: '30 seconds' });
const rules = proxyLocalActivities<Pick<RequestActivities, 'evaluateDecision'>>({
  startToCloseTimeout: '10 seconds',
});

export interface RunContext {
  requestId: string;
  workflowId: string;
  facts: Facts;
}

const fieldsOf = <C extends EngineCommand>({ type: _type, seq: _seq, ...fields }: C) => fields;

/** Effects that perform each command through activities and report the result back to the core. */
export function temporalEffects(run: RunContext): Effects {
  return async (command, state) => {
    const ids = {
      key: writeKey(run.workflowId, command.seq),
      requestId: run.requestId,
      workflowId: run.workflowId,
    };
    const done = { type: 'actionDone', node: command.node } as const;
    switch (command.type) {
      case 'evaluateDecision': {
        const input = { ...fieldsOf(command), facts: run.facts, variables: state.variables };
        return { type: 'decisionEvaluated', node: command.node, ...(await rules.evaluateDecision(input)) };
      }
      case 'createTask': {
        const key = taskKey(run.workflowId, command.node, command.visit);
        const { taskId } = await store.createTask({ ...ids, ...fieldsOf(command), key });
        upsertSearchAttributes([{ key: departmentAttribute, value: command.department }]);
        return { type: 'taskCreated', node: command.node, taskId };
      }
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
      default:
        return unreachable(command);
    }
  };
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
