import { describe, expect, it } from 'vitest';
import { timelineEvent, toOpen311Note } from './timeline.js';

const event = timelineEvent.parse({
  at: '2025-03-01T14:30:00Z',
  kind: 'task_completed',
  public: true,
  summary: 'Inspected: pothole confirmed',
  actor: { type: 'staff', name: 'Streets department' },
});

describe('timeline', () => {
  it('maps public events to Open311 notes: opened and closed keep their type, the rest are activity', () => {
    expect(toOpen311Note(event)).toEqual({
      datetime: '2025-03-01T14:30:00Z',
      type: 'activity',
      summary: 'Inspected: pothole confirmed',
    });
    expect(toOpen311Note({ ...event, kind: 'closed', description: 'Filled' })).toMatchObject({
      type: 'closed',
      description: 'Filled',
    });
  });

  it('never turns a staff-only event into a public note', () => {
    expect(toOpen311Note({ ...event, public: false })).toBeUndefined();
  });

  it('rejects unknown kinds and times without a zone', () => {
    const result = timelineEvent.safeParse({ ...event, kind: 'poked', at: '2025-03-01 14:30' });
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(['at', 'kind']);
  });
});
