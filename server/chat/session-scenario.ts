/**
 * The scenario a session plays: its scenario file, or, for a session practised from an
 * imported conversation, the general partner of its kind played as the other person (their
 * name, and their words before the point chosen, which are the session's imported messages).
 */
import type { AppContext } from '../app-context.js';
import { findImportPeople } from '../db/queries/imports.js';
import type { SessionRow } from '../db/schema.js';
import { threadPartner } from '../practice/imports/thread-partner.js';
import type { Scenario } from '../practice/scenarios/scenario-schema.js';

interface SessionMessage {
  role: 'user' | 'assistant';
  text: string;
  source: string | null;
}

export async function sessionScenario(
  ctx: AppContext,
  session: Pick<SessionRow, 'scenarioId' | 'importId'>,
  messages: readonly SessionMessage[],
): Promise<Scenario | undefined> {
  if (!session.importId) return ctx.scenarios.get(session.scenarioId);
  const general = ctx.scenarios.general(session.scenarioId);
  const people = await findImportPeople(ctx.db, session.importId);
  if (!general || !people) return undefined;
  const partnerName = people.speakers.find((speaker) => speaker !== people.you) ?? general.partner.name;
  const theirWords = messages.filter((m) => m.source === 'imported' && m.role === 'assistant').map((m) => m.text);
  return threadPartner(general, { partnerName, theirWords });
}
