import { describe, expect, it } from 'vitest';
import { duplicateScore, scoreCandidate, type CandidateEvidence } from './score.js';

const limits = { radiusM: 250, windowDays: 30 };
const evidence = (e: Partial<CandidateEvidence>): CandidateEvidence => ({
  distanceM: 0,
  ageDays: 0,
  textSimilarity: 1,
  ...limits,
  ...e,
});

describe('scoreCandidate', () => {
  it('is 1 for the same spot, just now, same words, and 0 at the edge of radius and window with no shared words', () => {
    expect(scoreCandidate(evidence({}))).toBe(1);
    expect(scoreCandidate(evidence({ distanceM: 250, ageDays: 30, textSimilarity: 0 }))).toBe(0);
  });

  it('weighs place 0.5, text 0.3 and time 0.2', () => {
    expect(scoreCandidate(evidence({ distanceM: 125 }))).toBeCloseTo(0.75);
    expect(scoreCandidate(evidence({ textSimilarity: 0 }))).toBeCloseTo(0.7);
    expect(scoreCandidate(evidence({ ageDays: 15 }))).toBeCloseTo(0.9);
  });

  it('ranks the same problem nearby above a different problem at the very spot', () => {
    const sameWords60m = scoreCandidate(evidence({ distanceM: 60, ageDays: 0.1, textSimilarity: 1 }));
    const otherWordsHere = scoreCandidate(evidence({ distanceM: 0, ageDays: 0.1, textSimilarity: 0.05 }));
    expect(sameWords60m).toBeGreaterThan(otherWordsHere);
  });

  it('leaves text out, rescaled, when either side has none', () => {
    expect(scoreCandidate(evidence({ textSimilarity: null }))).toBe(1);
    expect(scoreCandidate(evidence({ textSimilarity: null, distanceM: 125, ageDays: 30 }))).toBeCloseTo(
      0.25 / 0.7,
    );
  });

  it('scales with the service radius and window, and stays within 0..1 outside them', () => {
    expect(scoreCandidate(evidence({ distanceM: 50, radiusM: 100 }))).toBeCloseTo(
      scoreCandidate(evidence({ distanceM: 125, radiusM: 250 })),
    );
    expect(scoreCandidate(evidence({ distanceM: 900, ageDays: 90, textSimilarity: 0 }))).toBe(0);
    expect(scoreCandidate(evidence({ ageDays: -1 }))).toBe(1);
  });
});

describe('duplicateScore', () => {
  it('is the best candidate score, 0 when there is none', () => {
    expect(duplicateScore([])).toBe(0);
    expect(duplicateScore([{ score: 0.4 }, { score: 0.9 }, { score: 0.7 }])).toBe(0.9);
  });
});
