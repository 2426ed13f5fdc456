/** The one-line save status beside the Save button, from what the designer knows about the draft. Pure. */

export type SaveStatusInput = {
  draftYaml: string;
  savedYaml: string | null;
  savedAt: Date | null;
  saving: boolean;
  failure: { reason: string; conflict: boolean } | null;
  /** First YAML error while the text does not parse, e.g. "line 4: …". */
  yamlError: string | null;
};

export type SaveStatus = { text: string; tone: 'saved' | 'pending' | 'error' };

/** "HH:MM" on a 24-hour clock, in the browser's time zone. */
export function clockTime(at: Date): string {
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

/** "Saving…", "All changes saved 14:03", "Unsaved changes" or "Not saved: <reason>". */
export function saveStatus(input: SaveStatusInput): SaveStatus {
  if (input.saving) return { text: 'Saving…', tone: 'pending' };
  // The full reason is in the status line below the toolbar; the chip says it in a few words.
  if (input.failure)
    return {
      text: `Not saved: ${input.failure.conflict ? 'someone else saved this workflow meanwhile' : input.failure.reason}`,
      tone: 'error',
    };
  if (input.yamlError)
    return { text: `Not saved: the YAML has an error (${input.yamlError})`, tone: 'error' };
  if (input.savedYaml === null)
    return { text: 'Not saved yet: Save once to keep this workflow', tone: 'pending' };
  if (input.draftYaml !== input.savedYaml) return { text: 'Unsaved changes…', tone: 'pending' };
  return { text: `All changes saved${input.savedAt ? ` ${clockTime(input.savedAt)}` : ''}`, tone: 'saved' };
}
