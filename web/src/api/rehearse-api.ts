/** One function per API call the page makes; each returns the server's own shape. */
import { getJson, sendJson } from './client.js';
import type {
  ApiCommitment,
  ApiSummaryReview,
  UpdateCommitmentBody,
  ApiDraftFeedback,
  ApiImport,
  ApiImportSummary,
  ApiProgressHighlights,
  ApiProgressPoint,
  ApiScenarioDetail,
  ApiScenarioSummary,
  ApiScorecard,
  ApiSession,
  ApiSessionSummary,
} from './types.js';

const enc = encodeURIComponent;

export const listScenarios = () => getJson<ApiScenarioSummary[]>('/api/scenarios');
export const getScenario = (id: string) => getJson<ApiScenarioDetail>(`/api/scenarios/${enc(id)}`);

/** With `followUpOf`, a check-in on that (ended) session: the partner opens by asking about what was promised. */
export const createSession = (scenarioId: string, followUpOf?: string) =>
  sendJson<ApiSession>('POST', '/api/sessions', followUpOf ? { scenarioId, followUpOf } : { scenarioId });
export const listSessions = () => getJson<ApiSessionSummary[]>('/api/sessions');
/** With `history`, turns taken back by a rewind come too, marked `superseded`. */
export const getSession = (id: string, history = false) => getJson<ApiSession>(`/api/sessions/${enc(id)}${history ? '?history=1' : ''}`);
export const endSession = (id: string) => sendJson<ApiSession>('POST', `/api/sessions/${enc(id)}/end`);
export const rewindSession = (id: string, messageId: string) => sendJson<ApiSession>('POST', `/api/sessions/${enc(id)}/rewind`, { messageId });
export const deleteSession = (id: string) => sendJson<void>('DELETE', `/api/sessions/${enc(id)}`);
export const deleteAllSessions = () => sendJson<void>('DELETE', '/api/sessions?confirm=all');

export const getScorecard = (id: string) => getJson<ApiScorecard>(`/api/sessions/${enc(id)}/scorecard`);
export const getProgress = () => getJson<ApiProgressPoint[]>('/api/progress');
export const getProgressHighlights = () => getJson<ApiProgressHighlights>('/api/progress/highlights');
export const summariseSession = (id: string, text: string) => sendJson<ApiSummaryReview>('POST', `/api/sessions/${enc(id)}/summary`, { text });

export const listCommitments = () => getJson<ApiCommitment[]>('/api/commitments');
export const updateCommitment = (id: string, patch: UpdateCommitmentBody) => sendJson<ApiCommitment>('PATCH', `/api/commitments/${enc(id)}`, patch);
export const deleteCommitment = (id: string) => sendJson<void>('DELETE', `/api/commitments/${enc(id)}`);
/** The calendar of open commitments with a date, as a plain link the browser downloads. */
export const COMMITMENTS_CALENDAR_URL = '/api/commitments.ics';

export const requestDraftFeedback = (text: string, scenarioId?: string) =>
  sendJson<ApiDraftFeedback>('POST', '/api/drafts/feedback', scenarioId ? { text, scenarioId } : { text });

export function chatUrl(sessionId: string): string {
  return `/api/sessions/${enc(sessionId)}/chat`;
}

/** Who speaks in a pasted conversation; the server stores nothing. */
export const previewImport = (text: string) => sendJson<{ format: string; speakers: string[]; turns: number }>('POST', '/api/imports/speakers', { text });
export const createImport = (text: string, you: string) => sendJson<ApiImport>('POST', '/api/imports', { text, you });
export const listImports = () => getJson<ApiImportSummary[]>('/api/imports');
export const getImport = (id: string) => getJson<ApiImport>(`/api/imports/${enc(id)}`);
export const deleteImport = (id: string) => sendJson<void>('DELETE', `/api/imports/${enc(id)}`);
export const practiseFromImport = (importId: string, fromTurn: number, kind: ApiImport['kind']) =>
  sendJson<ApiSession>('POST', '/api/sessions', { importId, fromTurn, kind });
export const getHealth = () => getJson<{ ok: boolean; engine: 'builtin' | 'llm' }>('/api/health');
