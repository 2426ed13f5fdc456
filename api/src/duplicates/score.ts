/**
 * How likely an open request is the same problem as a new report, from 0 (unrelated) to 1 (same
 * place, just now, same words). Pure, so the ranking can be tested and tuned without a database.
 *
 * Weights, and why:
 * - place 0.5: a duplicate is first of all the same spot. Linear from 1 at the very spot to 0 at the
 *   service's radius, so a city that widens the radius widens the scale with it.
 * - text 0.3: residents describe one problem with similar words ("Loud Music/Party", "Pothole");
 *   different words at the same spot are often a different problem (NYC's "Banging/Pounding" and
 *   "Loud Music/Party" are both residential noise). pg_trgm similarity, 0..1.
 * - time 0.2: the newer the open request, the likelier it is the same occurrence, but an old open
 *   request at the same spot is still the first thing staff want to see, so time weighs least.
 *   Linear from 1 now to 0 at the end of the service's window.
 * When either side has no text, the text term is left out and the other two are rescaled to 0..1:
 * missing words are no evidence either way.
 */
export const DUPLICATE_WEIGHTS = { place: 0.5, text: 0.3, time: 0.2 } as const;

/**
 * Scores at or above this are shown to residents as likely duplicates: the same spot today whatever
 * the words (0.5 + 0.2 = 0.7 before any shared words), or the same words within ~100 m. On the real
 * NYC and Boston records it flags 98 % of labelled duplicate pairs at 86 % precision
 * (tests/duplicates/labelled-set.test.ts; 0.7 gives 97 % / 88 % but drops same-spot reports a day old).
 */
export const LIKELY_DUPLICATE_SCORE = 0.65;

/** What the search measured about one candidate, with the service's limits it is measured against. */
export interface CandidateEvidence {
  distanceM: number;
  radiusM: number;
  ageDays: number;
  windowDays: number;
  /** pg_trgm similarity of the two descriptions, or null when either has none. */
  textSimilarity: number | null;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Combines distance, recency and text similarity into one 0..1 duplicate score. */
export function scoreCandidate(evidence: CandidateEvidence): number {
  const place = clamp01(1 - evidence.distanceM / evidence.radiusM);
  const time = clamp01(1 - evidence.ageDays / evidence.windowDays);
  const { place: wPlace, text: wText, time: wTime } = DUPLICATE_WEIGHTS;
  if (evidence.textSimilarity === null) return (wPlace * place + wTime * time) / (wPlace + wTime);
  return wPlace * place + wText * clamp01(evidence.textSimilarity) + wTime * time;
}

/** The workflow fact `duplicate_score`: the best candidate's score, 0 when there is none. */
export function duplicateScore(candidates: ReadonlyArray<{ score: number }>): number {
  return candidates.reduce((best, c) => Math.max(best, c.score), 0);
}
