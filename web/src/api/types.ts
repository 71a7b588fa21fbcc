/**
 * The API's shapes as the page uses them. Every shape the server defines is imported from
 * the server's own modules (types only, so nothing of the server reaches the bundle); the
 * few answers the server does not export a type for are derived from those that it does.
 */
import type { ApiScenarioSummary } from '../../../server/api/schemas.js';
import type { Scorecard } from '../../../server/practice/coach/scorecard.js';
import type { DraftFeedback } from '../../../server/practice/coach/draft-feedback.js';
import type { Criterion, Kind } from '../../../server/practice/criteria.js';

export type {
  ApiMessage,
  ApiScenarioSummary,
  ApiSession,
  ApiSessionSummary,
  CoachRead,
  ReplyMetadata,
} from '../../../server/api/schemas.js';
export type { Scorecard, CriterionResult, TurnHighlight, ListeningBalance } from '../../../server/practice/coach/scorecard.js';
export type { DraftFeedback } from '../../../server/practice/coach/draft-feedback.js';
export type { Criterion, Kind } from '../../../server/practice/criteria.js';

/** GET /api/scenarios/:id (server/routes/scenarios.ts): the summary plus what a person sees before starting. */
export type ApiScenarioDetail = Omit<ApiScenarioSummary, 'partner'> & {
  partner: ApiScenarioSummary['partner'] & { age: number | null; voice: string; opening: string };
  situation: { yourSide: string };
  turnBudget: number;
  trust: { start: number; resolveAt: number };
};

/** GET /api/sessions/:id/scorecard (server/routes/scorecard.ts). */
export type ApiScorecard = Scorecard & { sessionId: string; status: 'active' | 'resolved' | 'ended'; safetyFlagged: boolean };

/** POST /api/drafts/feedback answer. */
export type ApiDraftFeedback = DraftFeedback;

/** One point of GET /api/progress (server/routes/progress.ts), oldest first. */
export interface ApiProgressPoint {
  sessionId: string;
  scenarioId: string;
  kind: Kind | null;
  createdAt: string;
  turns: number;
  trust: number;
  status: 'active' | 'resolved' | 'ended';
  /** For each criterion, the fraction of the person's turns that showed it. */
  criteria: Record<Criterion, number>;
}
