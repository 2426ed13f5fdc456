/**
 * The palette: every kind of step the DSL allows, read from the zod schema so a node type or action
 * kind added to the DSL shows up here (with a neutral look until it gets its own icon and colour).
 */
import { actionNode, workflowNode, type WorkflowNode } from '@civicdesk/schemas';

export type NodeKind = {
  /** `task`, `decision`, `end`, or `action:<kind>` for each action kind. */
  key: string;
  type: string;
  action?: string;
  label: string;
  /** Name of the icon drawn by the designer's KindIcon. */
  icon: string;
  colour: string;
  hint: string;
};

type Look = Pick<NodeKind, 'label' | 'icon' | 'colour' | 'hint'>;

const looks: Record<string, Look> = {
  task: { label: 'Task', icon: 'task', colour: '#1d6fb8', hint: 'Work for staff; one exit per outcome' },
  decision: { label: 'Decision', icon: 'decision', colour: '#b8741d', hint: 'Rules pick the next step' },
  'action:set_status': {
    label: 'Set status',
    icon: 'status',
    colour: '#6b4fb8',
    hint: 'Change the public status',
  },
  'action:note': { label: 'Note', icon: 'note', colour: '#6b4fb8', hint: 'Add a timeline note' },
  'action:notify': { label: 'Notify', icon: 'notify', colour: '#6b4fb8', hint: 'Email or text the resident' },
  'action:set_variable': {
    label: 'Set variable',
    icon: 'variable',
    colour: '#6b4fb8',
    hint: 'Remember a value for later rules',
  },
  'action:transfer': {
    label: 'Transfer',
    icon: 'transfer',
    colour: '#6b4fb8',
    hint: 'Move to another department',
  },
  'action:link_duplicate': {
    label: 'Link duplicate',
    icon: 'link',
    colour: '#6b4fb8',
    hint: 'Mark as a duplicate of another request',
  },
  'action:webhook': { label: 'Webhook', icon: 'webhook', colour: '#6b4fb8', hint: 'Call another system' },
  end: { label: 'End', icon: 'end', colour: '#2e7d4f', hint: 'Close the request' },
  wait: { label: 'Wait', icon: 'wait', colour: '#0f7c86', hint: 'Pause for a time or a reply' },
  parallel: { label: 'Parallel', icon: 'parallel', colour: '#a23a6e', hint: 'Run branches side by side' },
  join: { label: 'Join', icon: 'join', colour: '#a23a6e', hint: 'Wait for the branches' },
};

function lookFor(key: string, fallbackLabel: string): Look {
  return looks[key] ?? { label: fallbackLabel, icon: 'step', colour: '#5b6573', hint: fallbackLabel };
}

function literalOf(schema: unknown, field: string): string | undefined {
  const shape = (schema as { shape?: Record<string, { value?: unknown }> }).shape;
  const value = shape?.[field]?.value;
  return typeof value === 'string' ? value : undefined;
}

function humanise(text: string): string {
  const words = text.replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Every node kind of the DSL, in schema order, actions expanded per action kind. */
export function nodeKinds(): NodeKind[] {
  const kinds: NodeKind[] = [];
  for (const option of workflowNode.options) {
    const type = literalOf(option, 'type');
    if (option === actionNode || type === undefined) {
      for (const action of actionNode.options) {
        const kind = literalOf(action, 'action');
        if (kind === undefined) continue;
        const key = `action:${kind}`;
        kinds.push({ key, type: 'action', action: kind, ...lookFor(key, humanise(kind)) });
      }
    } else {
      kinds.push({ key: type, type, ...lookFor(type, humanise(type)) });
    }
  }
  return kinds;
}

/** The palette key of a node already in a workflow. */
export function kindKeyOf(node: WorkflowNode): string {
  const action = (node as { action?: unknown }).action;
  return node.type === 'action' && typeof action === 'string' ? `action:${action}` : node.type;
}

/** The look of a node in the workflow; unknown kinds get the neutral look. */
export function kindOf(node: WorkflowNode): NodeKind {
  const key = kindKeyOf(node);
  return nodeKinds().find((kind) => kind.key === key) ?? { key, type: node.type, ...lookFor(key, key) };
}
