import { delay } from 'msw';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../server/db/client.js';
import { createDeferredJudgeCache, createJudgeCache } from '../../../server/db/queries/judge-cache.js';
import { judgeCache } from '../../../server/db/schema.js';
import { CRITERIA, type Criterion } from '../../../server/practice/criteria.js';
import { createJudgeModel } from '../../../server/practice/scoring/judge/judge-model.js';
import { limitConcurrency } from '../../../server/practice/scoring/judge/limit-concurrency.js';
import { createLlmJudge, judgeCacheKey, type LlmJudgeOptions } from '../../../server/practice/scoring/judge/llm-judge.js';
import { sureScores, type ReplyToScore, type ScoreResult } from '../../../server/practice/scoring/scorer.js';
import { FAKE_MODEL, startFakeOpenAI } from '../../support/fake-openai.js';

const fake = startFakeOpenAI();

function modelFails(status: number) {
  // retry-after-ms keeps the SDK's retries from waiting its default two seconds.
  fake.fails(status, { error: { message: 'upstream broke', type: 'server_error' } }, { 'retry-after-ms': '10' });
}

/** A full verdict: the criteria given are met with that evidence, every other one is not. */
function verdict(met: Partial<Record<Criterion, string | null>>) {
  return Object.fromEntries(CRITERIA.map((c) => [c, c in met ? { met: true, evidence: met[c] ?? null } : { met: false, evidence: null }]));
}

function judge(options: Partial<LlmJudgeOptions> = {}) {
  return createLlmJudge({ model: createJudgeModel(FAKE_MODEL), modelName: FAKE_MODEL.model, maxRetries: 0, ...options });
}

const APOLOGY: ReplyToScore = {
  kind: 'apology',
  context: 'You didn’t even call. I sat there for two hours.',
  reply: "I'm so sorry.  That's on me.\nNext time I’ll call you the moment I know I'm late.",
};

describe('the LLM judge', () => {
  it('labels a reply and turns each quote into offsets in the reply', async () => {
    fake.answers(
      JSON.stringify(
        verdict({
          takes_responsibility: "That's on me.",
          proposes_action: "next time I'll call you the moment I know I'm late", // case and apostrophe differ
          acknowledges_harm: 'I left you waiting for two hours', // not in the reply: label kept, evidence dropped
          validates_feelings: null,
        }),
      ),
    );
    const outcome = await judge().score(APOLOGY);

    expect(outcome).toEqual({
      ok: true,
      labels: ['acknowledges_harm', 'takes_responsibility', 'validates_feelings', 'proposes_action'],
      evidence: [
        { criterion: 'takes_responsibility', start: 15, end: 28, quote: "That's on me." },
        { criterion: 'proposes_action', start: 29, end: 79, quote: "Next time I’ll call you the moment I know I'm late" },
      ],
      scores: sureScores(['acknowledges_harm', 'takes_responsibility', 'validates_feelings', 'proposes_action']),
    });
    if (!outcome.ok) return;
    for (const span of outcome.evidence) expect(APOLOGY.reply.slice(span.start, span.end)).toBe(span.quote);
  });

  it('asks for a strict json_schema of all twelve criteria and sends the rubric', async () => {
    fake.answers(JSON.stringify(verdict({})));
    await judge().score(APOLOGY);

    const request = fake.seen[0]?.body;
    expect(request?.response_format?.type).toBe('json_schema');
    expect(request?.response_format?.json_schema).toMatchObject({ name: 'rubric_labels', strict: true, schema: { additionalProperties: false } });
    expect([...(request?.response_format?.json_schema?.schema.required ?? [])].sort()).toEqual([...CRITERIA].sort());
    const system = request?.messages.find((m) => m.role === 'system')?.content ?? '';
    const user = request?.messages.find((m) => m.role === 'user')?.content ?? '';
    expect(system).toContain("owns the speaker's own part plainly, in the first person, with no condition attached");
    expect(system).toContain('Bare counterfactual blame');
    expect(system).toContain('VERBATIM');
    expect(user).toContain(APOLOGY.reply);
    expect(user).toContain(APOLOGY.context);
  });

  it('answers a rerun from the libSQL cache without calling the model', async () => {
    const database: Database = await openDatabase({ url: ':memory:' });
    try {
      const cache = createJudgeCache(database.db);
      fake.answers(JSON.stringify(verdict({ takes_responsibility: "That's on me." })));
      const first = await judge({ cache }).score(APOLOGY);
      const second = await judge({ cache }).score(APOLOGY); // a new judge, as in a second eval run

      expect(fake.seen).toHaveLength(1);
      expect(second).toEqual(first);
      const rows = await database.db.select().from(judgeCache);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.model).toBe('gpt-test');
      expect(rows[0]?.key).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      database.close();
    }
  });

  it('opens a deferred cache on first use, once', async () => {
    const database = await openDatabase({ url: ':memory:' });
    try {
      let opened = 0;
      const cache = createDeferredJudgeCache(async () => {
        opened++;
        return database.db;
      });
      expect(opened).toBe(0);
      fake.answers(JSON.stringify(verdict({})));
      await judge({ cache }).score(APOLOGY);
      await judge({ cache }).score(APOLOGY);
      expect(opened).toBe(1);
      expect(fake.seen).toHaveLength(1);
    } finally {
      database.close();
    }
  });

  it('keys the cache by model, kind, context and reply', () => {
    const base = { model: 'm', promptVersion: 'v1', kind: 'apology', context: 'c', reply: 'r' } as const;
    const key = judgeCacheKey(base);
    expect(judgeCacheKey({ ...base })).toBe(key);
    for (const change of [{ model: 'n' }, { promptVersion: 'v2' }, { kind: 'draft' as const }, { context: 'c2' }, { reply: 'r2' }]) {
      expect(judgeCacheKey({ ...base, ...change })).not.toBe(key);
    }
  });

  it.each([
    ['an HTTP 500', () => modelFails(500), /HTTP 500/],
    ['a reply that is not JSON', () => fake.answers('{"acknowledges_harm": {"met": tru'), /not JSON/],
    ['a reply of the wrong shape', () => fake.answers(JSON.stringify({ labels: ['takes_responsibility'] })), /did not match/],
    ['a reply missing a criterion', () => fake.answers(JSON.stringify({ ...verdict({}), self_focus: undefined })), /did not match/],
  ])('turns %s into a failed result, and does not cache it', async (_name, arrange, reason) => {
    const database = await openDatabase({ url: ':memory:' });
    try {
      arrange();
      const scorer = judge({ cache: createJudgeCache(database.db) });
      const outcome = await scorer.score(APOLOGY);
      expect(outcome).toEqual({ ok: false, error: expect.stringMatching(reason) });
      expect(await database.db.select().from(judgeCache)).toHaveLength(0);
      await scorer.score(APOLOGY);
      expect(fake.seen).toHaveLength(2);
    } finally {
      database.close();
    }
  });

  it('retries a failing call as the AI SDK does, then reports the last status', async () => {
    modelFails(503);
    const outcome = await judge({ maxRetries: 1 }).score(APOLOGY);
    expect(outcome).toEqual({ ok: false, error: 'model call failed: HTTP 503' });
    expect(fake.seen).toHaveLength(2);
  });

  it('still answers when the cache itself fails, and says so in the log', async () => {
    fake.answers(JSON.stringify(verdict({ takes_responsibility: "That's on me." })));
    const warnings: string[] = [];
    const broken = { get: () => Promise.reject(new Error('disk I/O error')), set: () => Promise.reject(new Error('disk I/O error')) };
    const outcome = await judge({ cache: broken, logger: { warn: (event) => warnings.push(event) } }).score(APOLOGY);
    expect(outcome).toMatchObject({ ok: true, labels: ['takes_responsibility'] });
    expect(warnings).toEqual(['judge.cache_read_failed', 'judge.cache_write_failed']);
  });

  it('turns a model that takes too long into a failed result', async () => {
    fake.answers(JSON.stringify(verdict({})), { after: () => delay(2_000) });
    const started = Date.now();
    const outcome = await judge({ timeoutMs: 100 }).score(APOLOGY);
    expect(outcome).toEqual({ ok: false, error: 'model timed out after 100 ms' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('never has more model calls in flight than its bound', async () => {
    let inFlight = 0;
    let most = 0;
    fake.answers(JSON.stringify(verdict({})), {
      after: async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        await delay(30);
        inFlight--;
      },
    });
    const scorer = judge({ concurrency: 3 });
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => scorer.score({ ...APOLOGY, reply: `reply ${i}` })));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(fake.seen).toHaveLength(10);
    expect(most).toBe(3);
  });

  it('makes one model call for identical replies scored at the same time', async () => {
    fake.answers(JSON.stringify(verdict({})), { after: () => delay(20) });
    const scorer = judge();
    const outcomes = await Promise.all([scorer.score(APOLOGY), scorer.score(APOLOGY), scorer.score({ ...APOLOGY })]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(fake.seen).toHaveLength(1);
  });

  it.each([
    ['a ```json fence', (json: string) => `\`\`\`json\n${json}\n\`\`\``],
    ['prose before a fence', (json: string) => `Here are the labels:\n\n\`\`\`json\n${json}\n\`\`\`\n`],
    ['prose around bare JSON', (json: string) => `Sure. ${json} Hope that helps.`],
  ])('accepts JSON wrapped in %s', async (_name, wrap) => {
    fake.answers(wrap(JSON.stringify(verdict({ takes_responsibility: "That's on me." }))));
    const outcome = await judge().score(APOLOGY);
    expect(outcome).toMatchObject({ ok: true, labels: ['takes_responsibility'] });
  });

  it('is named for its model', () => {
    expect(judge().name).toBe('llm:gpt-test');
    expect(judge({ hybrid: true }).name).toBe('hybrid:gpt-test');
  });
});

describe('the hybrid judge', () => {
  const firstRead: ScoreResult = {
    labels: ['takes_responsibility', 'minimizes'],
    evidence: [{ criterion: 'takes_responsibility', start: 15, end: 28, quote: "That's on me." }],
    scores: sureScores(['takes_responsibility', 'minimizes']),
  };

  it("puts the offline scorer's labels and quotes into the prompt as a first read to check", async () => {
    fake.answers(JSON.stringify(verdict({ takes_responsibility: "That's on me." })));
    const outcome = await judge({ hybrid: true, offline: () => firstRead }).score(APOLOGY);

    expect(outcome).toMatchObject({ ok: true, labels: ['takes_responsibility'] });
    const user = fake.seen[0]?.body.messages.find((m) => m.role === 'user')?.content ?? '';
    expect(user).toContain('a first read to check, not to trust');
    expect(user).toContain(`- takes_responsibility: "That's on me."`);
    expect(user).toContain('- minimizes');
  });

  it('uses the real offline scorer by default', async () => {
    fake.answers(JSON.stringify(verdict({})));
    const outcome = await judge({ hybrid: true }).score(APOLOGY);
    expect(outcome.ok).toBe(true);
    expect(fake.seen[0]?.body.messages.find((m) => m.role === 'user')?.content).toContain('first read');
  });

  it('caches hybrid verdicts apart from plain ones', async () => {
    const database = await openDatabase({ url: ':memory:' });
    try {
      const cache = createJudgeCache(database.db);
      fake.answers(JSON.stringify(verdict({})));
      await judge({ cache }).score(APOLOGY);
      await judge({ cache, hybrid: true, offline: () => firstRead }).score(APOLOGY);
      expect(fake.seen).toHaveLength(2);
    } finally {
      database.close();
    }
  });

  it('turns an offline scorer that throws into a failed result', async () => {
    const outcome = await judge({
      hybrid: true,
      offline: () => {
        throw new TypeError('bug');
      },
    }).score(APOLOGY);
    expect(outcome).toEqual({ ok: false, error: 'judge failed: TypeError' });
  });
});

describe('limitConcurrency', () => {
  it('runs queued tasks in arrival order and passes results and errors through', async () => {
    const limit = limitConcurrency(1);
    const order: number[] = [];
    const results = await Promise.allSettled(
      [1, 2, 3].map((n) =>
        limit(async () => {
          order.push(n);
          if (n === 2) throw new Error('two');
          return n;
        }),
      ),
    );
    expect(order).toEqual([1, 2, 3]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('rejects a bound below one', () => {
    expect(() => limitConcurrency(0)).toThrow(RangeError);
  });
});
