/**
 * Everything a request needs, built once at start (or by a test) and handed to the app.
 * Nothing here holds per-session state: sessions live in the database.
 */
import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { Db } from './db/client.js';
import type { Logger } from './logger.js';
import type { Labeller } from './practice/partner/partner-engine.js';
import type { PartnerEngine } from './practice/partner/partner-engine.js';
import type { Scenario } from './practice/scenarios/scenario-schema.js';
import type { GeneralPartners } from './practice/imports/thread-read.js';
import type { Scorer } from './practice/scoring/scorer.js';

export interface ScenarioCatalog {
  /** The library: what a person can pick to practise. */
  list(): Scenario[];
  get(id: string): Scenario | undefined;
  /**
   * The scenario a stored session names: a library scenario, or the general partner a session
   * practised from an imported conversation plays (those are not in the library's list).
   */
  played(id: string): Scenario | undefined;
  /** The general partner with this id (what a session practised from an import plays), never a library scenario. */
  general(id: string): Scenario | undefined;
}

export interface AppContext {
  db: Db;
  scenarios: ScenarioCatalog;
  /** The general partner of each kind, for conversations the person imports (scenarios/general/). */
  partners: GeneralPartners;
  engine: PartnerEngine;
  /** The offline scorer: labels each turn for the coach and the partner's trust fold. */
  label: Labeller;
  /**
   * The LLM judge, when a model is configured: its read of each turn is added to the coach
   * panel and the scorecard once ready, never holding up the partner's reply.
   */
  judge?: Scorer;
  /**
   * The judge's model, when configured, for the scorecard's reads beyond a turn's labels: the
   * weakest turn rewritten in the person's voice, and the written summary of a listening session.
   */
  judgeModel?: LanguageModelV3;
  logger: Logger;
  modelTimeoutMs: number;
  /** Bearer token every API call must carry; absent on loopback-only installs. */
  token?: string;
  /** Chat turns per minute per client; 0 for no limit. */
  rateLimitPerMinute: number;
  /** Folder of the built web app, served at `/` when it exists. */
  webDir?: string;
}

export function createScenarioCatalog(scenarios: readonly Scenario[], partners: GeneralPartners): ScenarioCatalog {
  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  const general = new Map(Object.values(partners).map((scenario) => [scenario.id, scenario]));
  return {
    list: () => [...byId.values()],
    get: (id) => byId.get(id),
    played: (id) => byId.get(id) ?? general.get(id),
    general: (id) => general.get(id),
  };
}
