/**
 * The API's shapes as the page uses them: types only, each inferred on the server from the
 * one schema that defines it (server/api/schemas.ts and the schemas it builds on), so nothing
 * of the server reaches the bundle and nothing is retyped here.
 */
export type {
  ApiCommitment,
  ApiImport,
  ApiImportSummary,
  ApiMessage,
  ApiProgressHighlights,
  ApiProgressPoint,
  ApiScenarioDetail,
  ApiScenarioSummary,
  ApiScorecard,
  ApiSession,
  ApiSessionSummary,
  ApiSummaryReview,
  ApiWrittenSummary,
  CoachRead,
  UpdateCommitmentBody,
  ReplyMetadata,
} from '../../../server/api/schemas.js';
export type { Scorecard, CriterionResult, TurnHighlight, ListeningBalance } from '../../../server/practice/coach/scorecard.js';
export type { DraftFeedback, DraftFeedback as ApiDraftFeedback } from '../../../server/practice/coach/draft-feedback.js';
export type { Criterion, Kind } from '../../../server/practice/rubric.js';
export type { ThreadSummary } from '../../../server/practice/imports/thread-read.js';
