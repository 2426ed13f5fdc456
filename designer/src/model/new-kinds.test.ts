import type { WorkflowDefinition } from '@civicdesk/schemas';
import { describe, expect, it } from 'vitest';
import { connectionRefusal } from './can-connect.js';
import { connect, disconnect } from './edit.js';
import { exitsOf, NEW_BRANCH } from './exits.js';
import { nodeKinds } from './node-kinds.js';
import { newNodeOf } from './node-templates.js';

const kind = (key: string) => nodeKinds().find((k) => k.key === key)!;

describe('wait, parallel and the newer actions on the canvas', () => {
  const definition: WorkflowDefinition = {
    workflow: 'kinds',
    title: 'Kinds',
    services: [],
    start: 'fork',
    nodes: {
      fork: newNodeOf(kind('parallel')),
      pause: newNodeOf(kind('wait')),
      call: newNodeOf(kind('action:webhook')),
      done: newNodeOf(kind('end')),
    },
  };

  it('gives every kind in the palette a look of its own', () => {
    const neutral = nodeKinds().filter((k) => k.icon === 'step');
    expect(neutral).toEqual([]);
  });

  it('offers a branch slot on parallel steps and optional exits while they are unset', () => {
    expect(exitsOf('fork', definition.nodes.fork!).map((e) => e.id)).toEqual([NEW_BRANCH]);
    expect(exitsOf('pause', definition.nodes.pause!).map((e) => e.id)).toEqual(['next', 'on_timeout']);
    expect(exitsOf('call', definition.nodes.call!).map((e) => e.id)).toEqual(['next', 'on_failure']);
  });

  it('adds branches from the slot and removes optional wires when unwired', () => {
    const forked = connect(connect(definition, 'fork', NEW_BRANCH, 'pause'), 'fork', NEW_BRANCH, 'call');
    expect(forked.nodes.fork).toEqual({ type: 'parallel', branches: ['pause', 'call'] });
    expect(
      connectionRefusal(forked, { source: 'fork', sourceHandle: 'branches[1]', target: 'done' }),
    ).toBeNull();
    const timed = connect(forked, 'pause', 'on_timeout', 'done');
    expect(timed.nodes.pause).toMatchObject({ on_timeout: 'done' });
    expect(disconnect(timed, 'pause', 'on_timeout').nodes.pause).not.toHaveProperty('on_timeout');
    expect(disconnect(timed, 'call', 'on_failure').nodes.call).toMatchObject({ on_failure: '' });
  });
});
