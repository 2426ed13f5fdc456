/** Duplicate detection: the candidate search at intake, its score, staff links and resident followers. */
export {
  findDuplicateCandidates,
  candidateSearchSql,
  type DuplicateCandidate,
  type DuplicateQuery,
} from './find-candidates.js';
export {
  scoreCandidate,
  duplicateScore,
  DUPLICATE_WEIGHTS,
  LIKELY_DUPLICATE_SCORE,
  type CandidateEvidence,
} from './score.js';
export {
  linkDuplicate,
  unlinkDuplicate,
  type LinkDuplicateInput,
  type UnlinkDuplicateInput,
  type LinkResult,
} from './link.js';
export { followRequest, type FollowRequestInput, type FollowResult } from './follow-request.js';
export { DuplicateRefusedError } from './duplicate-errors.js';
