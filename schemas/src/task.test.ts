import { describe, expect, it } from 'vitest';
import { task, taskCompletion } from './task.js';

const open = {
  id: 't-1',
  request_id: '000123',
  node_id: 'inspect',
  title: 'Inspect the site',
  kind: 'work',
  department: 'streets',
  role: 'inspector',
  status: 'open',
  outcomes: ['confirmed', 'not_found'],
  due_at: '2025-03-04T14:30:00Z',
  created_at: '2025-03-01T14:30:00Z',
  version: 0,
};

describe('task', () => {
  it('accepts an open task and a completed one with one of its outcomes', () => {
    expect(task.parse(open).status).toBe('open');
    const done = {
      ...open,
      status: 'completed',
      outcome: 'confirmed',
      completed_at: '2025-03-02T09:00:00Z',
      version: 2,
    };
    expect(task.parse(done).outcome).toBe('confirmed');
  });

  it('refuses a completed task whose outcome is not one of its outcomes', () => {
    const result = task.safeParse({ ...open, status: 'completed', outcome: 'maybe' });
    expect(result.error?.issues[0]?.message).toBe(
      'A completed task needs one of its outcomes: confirmed, not_found',
    );
  });

  it('rejects unknown kinds and statuses and negative versions', () => {
    const result = task.safeParse({ ...open, kind: 'chore', status: 'done', version: -1 });
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(['kind', 'status', 'version']);
  });

  it('has a completion input carrying the version staff saw', () => {
    expect(taskCompletion.parse({ task_id: 't-1', outcome: 'confirmed', version: 1 })).toEqual({
      task_id: 't-1',
      outcome: 'confirmed',
      version: 1,
    });
  });
});
