import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  back,
  defaultFilters,
  firstPage,
  forward,
  pageNumber,
  requestNumber,
  toggle,
  toQueueInput,
} from './queue-view.js';

describe('queue view state', () => {
  it('sends only the filters a clerk chose', () => {
    expect(toQueueInput('streets', defaultFilters)).toEqual({
      department: 'streets',
      status: 'active',
      assignee: 'any',
    });
    const chosen = { ...defaultFilters, service: 'pothole', sla: 'overdue' as const, search: '  elm ' };
    expect(toQueueInput('streets', chosen)).toEqual({
      department: 'streets',
      status: 'active',
      assignee: 'any',
      service: 'pothole',
      sla: 'overdue',
      search: 'elm',
    });
    expect(activeFilterCount(chosen)).toBe(3);
    expect(activeFilterCount({ ...defaultFilters, sort: 'age', search: '   ' })).toBe(0);
  });

  it('steps forward and back through pages by their cursors', () => {
    const second = forward(firstPage, 'c2');
    const third = forward(second, 'c3');
    expect(pageNumber(third)).toBe(3);
    expect(back(third)).toEqual(second);
    expect(back(back(third))).toEqual(firstPage);
    expect(back(firstPage)).toBe(firstPage);
  });

  it('toggles a selection and reads request numbers', () => {
    const one = toggle(new Set(), 'a');
    expect([...toggle(one, 'b')]).toEqual(['a', 'b']);
    expect([...toggle(one, 'a')]).toEqual([]);
    expect(requestNumber(' #1042 ')).toBe('1042');
    expect(requestNumber('1042a')).toBeNull();
  });
});
