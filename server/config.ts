/**
 * The only reader of `process.env`. Checked once with zod at start, so a bad value stops
 * the server with a message naming the variable, rather than failing a turn later.
 */
import { z } from 'zod';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  DATABASE_URL: z.string().min(1).default('file:data/rehearse.db'),
  LIBSQL_AUTH_TOKEN: z.string().min(1).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  REHEARSE_MODEL: z.string().min(1).default('gpt-4.1-mini'),
  REHEARSE_MODEL_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  REHEARSE_TOKEN: z.string().min(16, 'REHEARSE_TOKEN must be at least 16 characters').optional(),
  REHEARSE_RATE_LIMIT: z.coerce.number().int().min(0).default(30),
  /** Milliseconds between words of the built-in partner's reply: a typing feel, 0 for none. */
  REHEARSE_BUILTIN_PACE_MS: z.coerce.number().int().min(0).max(1000).default(25),
  /** Server processes sharing the port and the database (one per core at most makes sense). */
  REHEARSE_WORKERS: z.coerce.number().int().min(1).max(32).default(1),
  /** The LLM judge's second read of each turn, when a model is configured. */
  REHEARSE_JUDGE: z.enum(['on', 'off']).default('on'),
  REHEARSE_SCENARIOS_DIR: z.string().min(1).default('scenarios'),
  REHEARSE_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export interface ModelConfig {
  apiKey: string;
  baseURL?: string;
  model: string;
}

export interface Config {
  host: string;
  port: number;
  database: { url: string; authToken?: string };
  /** Present when a model endpoint is configured; absent means the built-in partner. */
  model?: ModelConfig;
  modelTimeoutMs: number;
  token?: string;
  rateLimitPerMinute: number;
  builtinPaceMs: number;
  judge: boolean;
  workers: number;
  scenariosDir: string;
  logLevel: z.infer<typeof envSchema>['REHEARSE_LOG_LEVEL'];
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`bad configuration: ${problems}`);
  }
  const e = parsed.data;
  const usesModel = e.OPENAI_API_KEY !== undefined || e.OPENAI_BASE_URL !== undefined;
  const config: Config = {
    host: e.HOST,
    port: e.PORT,
    database: { url: e.DATABASE_URL, authToken: e.LIBSQL_AUTH_TOKEN },
    // Local servers (Ollama, llama.cpp, LM Studio) ignore the key, but the SDK needs one.
    model: usesModel ? { apiKey: e.OPENAI_API_KEY ?? 'not-needed', baseURL: e.OPENAI_BASE_URL, model: e.REHEARSE_MODEL } : undefined,
    modelTimeoutMs: e.REHEARSE_MODEL_TIMEOUT_MS,
    token: e.REHEARSE_TOKEN,
    rateLimitPerMinute: e.REHEARSE_RATE_LIMIT,
    builtinPaceMs: e.REHEARSE_BUILTIN_PACE_MS,
    judge: e.REHEARSE_JUDGE === 'on',
    workers: e.REHEARSE_WORKERS,
    scenariosDir: e.REHEARSE_SCENARIOS_DIR,
    logLevel: e.REHEARSE_LOG_LEVEL,
  };
  if (!isLoopback(config.host) && !config.token) {
    throw new ConfigError(
      `refusing to listen on ${config.host}: transcripts are private, so binding beyond loopback needs REHEARSE_TOKEN (then every API call must send "Authorization: Bearer <token>")`,
    );
  }
  return config;
}

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}
