import { describe, expect, it } from 'vitest';
import { record, redo, startHistory, undo } from './history.js';

describe('undo history', () => {
  it('undoes and redoes in order, and a new edit drops the redo branch', () => {
    let history = record(record(startHistory('a'), 'b'), 'c');
    history = undo(history);
    expect(history.present).toBe('b');
    history = redo(history);
    expect(history.present).toBe('c');
    history = record(undo(undo(history)), 'x');
    expect(history).toMatchObject({ past: ['a'], present: 'x', future: [] });
    expect(undo(startHistory('only')).present).toBe('only');
  });

  it('folds edits with the same merge key (typing a title) into one undo step', () => {
    let history = record(startHistory(''), 'P', 'title');
    history = record(record(history, 'Po', 'title'), 'Pot', 'title');
    history = record(history, 'Pot!', 'other');
    expect(undo(history).present).toBe('Pot');
    expect(undo(undo(history)).present).toBe('');
  });
});
