import { describe, expect, it } from 'vitest';
import { comparisonRows, nodeCountLabels, pathChange, signed } from './what-if-table.js';

describe('what-if comparison', () => {
  it('lists every key of either version, biggest draft count first, with the change', () => {
    const rows = comparisonRows({ fixed: 4, 'not-found': 1 }, { fixed: 3, 'not-found': 1, duplicate: 1 });
    expect(rows).toEqual([
      { key: 'fixed', published: 3, draft: 4, change: 1 },
      { key: 'not-found', published: 1, draft: 1, change: 0 },
      { key: 'duplicate', published: 1, draft: 0, change: -1 },
    ]);
    expect(comparisonRows({ fixed: 2 }, null)).toEqual([
      { key: 'fixed', published: null, draft: 2, change: null },
    ]);
    expect(rows.map((r) => signed(r.change))).toEqual(['+1', '±0', '−1']);
  });

  it('labels canvas nodes with the draft count and the published one where it differs', () => {
    const labels = nodeCountLabels(
      { endings: {}, queues: {}, nodes: { triage: 5, inspect: 2 } },
      { endings: {}, queues: {}, nodes: { triage: 5, inspect: 3, park: 1 } },
      ['triage', 'inspect', 'new-step'],
    );
    expect(Object.fromEntries(labels)).toEqual({ triage: '5', inspect: '2 (was 3)', 'new-step': '0' });
  });

  it('says where a changed path splits and how it ends', () => {
    expect(
      pathChange(
        { ending: 'dup', path: ['triage', 'inspect', 'dup'] },
        { ending: 'fixed', path: ['triage', 'urgent', 'fixed'] },
      ),
    ).toBe('after triage: inspect → urgent; ends fixed (was dup)');
    expect(pathChange({ ending: 'a', path: ['x', 'a'] }, { ending: 'a', path: ['y', 'a'] })).toBe(
      'from the start: x → y; ends a',
    );
  });
});
