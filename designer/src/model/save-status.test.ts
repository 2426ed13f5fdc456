import { describe, expect, it } from 'vitest';
import { saveStatus, type SaveStatusInput } from './save-status.js';

const base: SaveStatusInput = {
  draftYaml: 'a',
  savedYaml: 'a',
  savedAt: new Date(2026, 11, 4, 14, 3),
  saving: false,
  failure: null,
  yamlError: null,
};

describe('save status', () => {
  it('says when everything is saved, what is pending, and why a save failed', () => {
    expect(saveStatus(base)).toEqual({ text: 'All changes saved 14:03', tone: 'saved' });
    expect(saveStatus({ ...base, draftYaml: 'b' }).text).toBe('Unsaved changes…');
    expect(saveStatus({ ...base, saving: true }).text).toBe('Saving…');
    expect(saveStatus({ ...base, savedYaml: null }).tone).toBe('pending');
    expect(saveStatus({ ...base, failure: { reason: 'Title is empty', conflict: false } }).text).toBe(
      'Not saved: Title is empty',
    );
    expect(saveStatus({ ...base, yamlError: 'line 3: bad' }).text).toBe(
      'Not saved: the YAML has an error (line 3: bad)',
    );
    expect(saveStatus({ ...base, failure: { reason: 'Reload it.', conflict: true } })).toEqual({
      text: 'Not saved: someone else saved this workflow meanwhile',
      tone: 'error',
    });
  });
});
