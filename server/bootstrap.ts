/**
 * Builds the app's context from the configuration: the database (migrated, with replies
 * interrupted by a crash settled), the scenarios (bad files logged, good ones served) and
 * the partner engine. Shared by the server, the benchmark and the tests.
 */
import path from 'node:path';
import { createScenarioCatalog, type AppContext } from './app-context.js';
import type { Config } from './config.js';
import { GENERAL_PARTNERS_DIR, ROOT } from './paths.js';
import { openDatabase, type Database } from './db/client.js';
import { settleInterruptedReplies } from './db/queries/messages.js';
import { createLogger, type Logger } from './logger.js';
import { modelFetch } from './http/model-fetch.js';
import { createBuiltinEngine, createLlmEngine, type PartnerEngine } from './practice/partner/partner-engine.js';
import { formatProblem, loadScenarios } from './practice/scenarios/scenario-loader.js';
import { loadGeneralPartners } from './practice/imports/thread-partner.js';
import { KINDS } from './practice/criteria.js';
import { scoreReply } from './practice/scoring/offline-scorer.js';
import { warmScorerNow } from './warm-scorer.js';
import { createJudgeModel, createLlmJudge } from './practice/scoring/judge/index.js';
import { createJudgeCache } from './db/queries/judge-cache.js';

export { ROOT };

/** Marks replies left `streaming` by a crash as `partial` or `failed`; run before serving. */
export async function settleOnStart(database: Database, logger: Logger): Promise<void> {
  const settled = await settleInterruptedReplies(database.db);
  if (settled > 0) logger.warn('db.settled_interrupted_replies', { count: settled });
}

export interface Booted {
  ctx: AppContext;
  database: Database;
}

export interface BootOptions {
  logger?: Logger;
  fetch?: typeof globalThis.fetch;
  /**
   * Settle replies a crash left `streaming`. True for a lone server; a worker of several must
   * not, or a restarted worker would cut off its siblings' replies in flight.
   */
  settleInterrupted?: boolean;
}

export async function boot(config: Config, options: BootOptions = {}): Promise<Booted> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = await openDatabase(config.database);
  if (options.settleInterrupted ?? true) await settleOnStart(database, logger);

  const scenariosDir = path.resolve(ROOT, config.scenariosDir);
  const { scenarios, problems } = await loadScenarios(scenariosDir);
  for (const problem of problems) logger.warn('scenario.invalid', { problem: formatProblem(problem) });
  logger.info('scenario.loaded', { count: scenarios.length, invalid: problems.length });

  const partners = await loadGeneralPartners(GENERAL_PARTNERS_DIR);

  // The model's calls go over node:http unless a test hands in its own fetch (see model-fetch.ts).
  const fetch = options.fetch ?? modelFetch;
  const engine: PartnerEngine = config.model ? createLlmEngine({ ...config.model, fetch }) : createBuiltinEngine({ paceMs: config.builtinPaceMs });

  // With a model configured, the judge adds a second, more careful read of each turn.
  const judge =
    config.model && config.judge
      ? createLlmJudge({
          model: createJudgeModel({ ...config.model, fetch }),
          modelName: config.model.model,
          cache: createJudgeCache(database.db),
          hybrid: true,
          timeoutMs: config.modelTimeoutMs,
          logger,
        })
      : undefined;

  // The scorer's models load before the first person's first word (see warm-scorer.ts).
  warmScorerNow(scoreReply, KINDS);

  const ctx: AppContext = {
    db: database.db,
    scenarios: createScenarioCatalog(scenarios, partners),
    partners,
    engine,
    label: scoreReply,
    judge,
    judgeModel: config.model ? createJudgeModel({ ...config.model, fetch }) : undefined,
    logger,
    modelTimeoutMs: config.modelTimeoutMs,
    token: config.token,
    rateLimitPerMinute: config.rateLimitPerMinute,
    webDir: path.join(ROOT, 'web', 'dist'),
  };
  return { ctx, database };
}
