/** Workflows the model tests share: the Springfield pothole workflow, read the way the designer reads it. */
import { readFileSync } from 'node:fs';
import { readDraft, type Draft } from './draft.js';

/** The demo city's pothole workflow as a draft. */
export function potholeDraft(): Draft {
  const yaml = readFileSync(
    new URL('../../../examples/springfield/workflows/pothole-repair.yaml', import.meta.url),
    'utf8',
  );
  const { draft } = readDraft(yaml);
  if (!draft) throw new Error('pothole-repair.yaml no longer parses');
  return draft;
}
