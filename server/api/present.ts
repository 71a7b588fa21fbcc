/**
 * Turns stored rows into the API's shapes (see schemas.ts). One place, so the session
 * route, the chat stream's metadata and the scorecard present a coach read the same way.
 */
import type { ApiCommitment, CoachRead, ApiImport, ApiMessage, ApiSessionSummary } from './schemas.js';
import type { ImportRow } from '../db/schema.js';
import type { SessionSummaryRow } from '../db/queries/sessions.js';
import type { Scenario } from '../practice/scenarios/scenario-schema.js';
import { sureScores } from '../practice/scoring/scorer.js';
import type { CoachReadRow, CommitmentRow } from '../db/schema.js';
import type { MessageWithCoach } from '../db/queries/messages.js';

export function presentCoachRead(read: Pick<CoachReadRow, 'labels' | 'evidence' | 'scores' | 'tip' | 'trustBefore' | 'trustAfter' | 'reason'>): CoachRead {
  const spans = read.evidence;
  const evidence: Record<string, string> = {};
  for (const span of spans) evidence[span.criterion] ??= span.quote;
  return {
    labels: read.labels,
    evidence,
    spans,
    // A read stored before scores existed counts as sure, as the trust fold counts it.
    scores: { ...sureScores(read.labels), ...read.scores },
    tip: read.tip,
    trustBefore: read.trustBefore,
    trustAfter: read.trustAfter,
    reason: read.reason,
  };
}

export function presentMessage(message: MessageWithCoach): ApiMessage {
  return {
    id: message.id,
    role: message.role,
    text: message.text,
    status: message.status,
    source: message.source,
    createdAt: message.createdAt.toISOString(),
    superseded: message.supersededAt !== null,
    ...(message.coach ? { coach: presentCoachRead(message.coach) } : {}),
    ...(message.judge ? { judge: { ...presentCoachRead(message.judge), scorer: message.judge.scorer } } : {}),
  };
}

/** A session in lists: its trust is the latest turn's, or the scenario's start before any turn. */
export function presentSessionSummary(row: SessionSummaryRow, scenario: Scenario | undefined): ApiSessionSummary {
  return {
    id: row.id,
    scenarioId: row.scenarioId,
    scenarioTitle: scenario?.title ?? null,
    createdAt: row.createdAt.toISOString(),
    status: row.status,
    trust: row.lastTrust ?? scenario?.trust.start ?? 0,
    turns: row.turns,
    followUpOf: row.followUpOf,
  };
}

export function presentCommitment(row: CommitmentRow): ApiCommitment {
  return {
    id: row.id,
    sessionId: row.sessionId,
    scenarioId: row.scenarioId,
    partner: row.partner,
    text: row.text,
    due: row.due,
    done: row.done,
    createdAt: row.createdAt.toISOString(),
  };
}

/** An import as the API answers it: each turn says whether it is yours; yours carry the coach's read. */
export function presentImport(row: ImportRow): ApiImport {
  return {
    id: row.id,
    title: row.title,
    format: row.format,
    speakers: row.speakers,
    you: row.you,
    kind: row.kind,
    createdAt: row.createdAt.toISOString(),
    turns: row.turns.map(({ coach, ...turn }) => ({
      ...turn,
      mine: turn.speaker === row.you,
      ...(coach ? { coach: presentCoachRead(coach) } : {}),
    })),
    trustPath: row.trustPath,
    summary: row.summary,
  };
}
