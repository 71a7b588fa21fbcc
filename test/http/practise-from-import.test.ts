import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, json, readUiStream, sendTurn, type TestApp } from '../support/test-app.js';
import { ANDROID_THREAD } from '../support/threads.js';

let test: TestApp;
beforeEach(async () => {
  test = await createTestApp();
});
afterEach(() => test.database.close());

interface ApiImportBody {
  id: string;
  turns: { index: number; speaker: string; mine: boolean; text: string; coach?: { trustAfter: number } }[];
  trustPath: number[];
}

async function importAndroid(): Promise<ApiImportBody> {
  const response = await test.app.request('/api/imports', json({ text: ANDROID_THREAD, you: 'Sam' }));
  expect(response.status).toBe(201);
  return response.json();
}

async function practise(body: Record<string, unknown>) {
  const response = await test.app.request('/api/sessions', json(body));
  return { status: response.status, body: await response.json() };
}

describe('POST /api/sessions {importId, fromTurn, kind}', () => {
  it('starts a session holding exactly the imported turns before the chosen one, with the other person as partner', async () => {
    const imported = await importAndroid();
    const { status, body } = await practise({ importId: imported.id, fromTurn: 3, kind: 'apology' });
    expect(status).toBe(201);
    expect(body).toMatchObject({ importId: imported.id, scenarioId: 'your-own-apology', partnerName: 'Maya', status: 'active' });
    expect(body.messages.map((m: { role: string; text: string }) => [m.role, m.text])).toEqual(
      imported.turns.slice(0, 3).map((t) => [t.mine ? 'user' : 'assistant', t.text]),
    );
    // Your earlier turn keeps its read, and the partner's trust is where the thread left it.
    expect(body.messages[1].coach).toBeDefined();
    expect(body.trust).toBe(imported.trustPath[1]);
  });

  it('starts from your first turn with only what came before it', async () => {
    const imported = await importAndroid();
    const { status, body } = await practise({ importId: imported.id, fromTurn: 1, kind: 'listening' });
    expect(status).toBe(201);
    expect(body.scenarioId).toBe('your-own-listening');
    expect(body.messages).toHaveLength(1);
    expect(body.messages[0]).toMatchObject({ role: 'assistant', text: imported.turns[0]!.text });
  });

  it('refuses a turn that is not yours, one that does not exist, and an unknown import, storing nothing', async () => {
    const imported = await importAndroid();
    for (const fromTurn of [0, 2, 99]) {
      const { status, body } = await practise({ importId: imported.id, fromTurn, kind: 'apology' });
      expect(status).toBe(400);
      expect(body.error.message).toMatch(/fromTurn: .* not one of your turns \(yours: 1, 3, 5, 7\)/);
    }
    expect((await practise({ importId: imported.id, kind: 'apology' })).status).toBe(400);
    expect((await practise({ importId: imported.id, fromTurn: 1, kind: 'draft' })).status).toBe(400);
    expect((await practise({ importId: 'nope', fromTurn: 1, kind: 'apology' })).status).toBe(404);
    const [row] = await test.ctx.db.all<{ n: number }>(sql`select count(*) as n from sessions`);
    expect(Number(row!.n)).toBe(0);
  });

  it('lets you try again: the built-in partner answers in character, then coach, rewind and scorecard work', async () => {
    const imported = await importAndroid();
    const { body: session } = await practise({ importId: imported.id, fromTurn: 3, kind: 'apology' });
    const turn = await sendTurn(test.app, session.id, "You're right, I'm sorry. I promised I'd be there and I wasn't. That's on me.", 'retry-1');
    expect(turn.status).toBe(200);
    const { text, parts } = await readUiStream(turn);
    expect(text.length).toBeGreaterThan(0);
    const general = test.ctx.partners.apology;
    const lines = Object.values(general.reactions).flatMap((byBand) => Object.values(byBand ?? {}).flat());
    const filled = (line: string) => new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{quote\\\}/g, '.*')}$`);
    expect(lines.some((line) => filled(line).test(text))).toBe(true);
    const start = parts.find((p) => p.type === 'start') as { messageMetadata: { coach: { labels: string[] }; trust: number } };
    expect(start.messageMetadata.coach.labels).toContain('takes_responsibility');
    expect(start.messageMetadata.trust).toBeGreaterThan(imported.trustPath[1]!);

    const card = await (await test.app.request(`/api/sessions/${session.id}/scorecard`)).json();
    expect(card).toMatchObject({ scenarioId: 'your-own-apology', kind: 'apology', turns: 2 });
    expect(card.criteria.takes_responsibility.met).toBe(true);

    const rewound = await test.app.request(`/api/sessions/${session.id}/rewind`, json({ messageId: 'retry-1' }));
    expect(rewound.status).toBe(200);
    const after = await rewound.json();
    expect(after.messages.filter((m: { superseded: boolean }) => !m.superseded)).toHaveLength(3);
    expect(after.partnerName).toBe('Maya');
  });

  it('deletes the sessions practised from an import with it', async () => {
    const imported = await importAndroid();
    const { body: session } = await practise({ importId: imported.id, fromTurn: 3, kind: 'apology' });
    await readUiStream(await sendTurn(test.app, session.id, "I'm sorry. That was my fault. I'll call you on Saturday and we can talk it through."));
    // Ending stores the promise as a commitment: it belongs to the session, so it goes too.
    expect((await test.app.request(`/api/sessions/${session.id}/end`, { method: 'POST' })).status).toBe(200);
    expect(await (await test.app.request('/api/commitments')).json()).toHaveLength(1);
    expect((await test.app.request(`/api/imports/${imported.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await test.app.request(`/api/sessions/${session.id}`)).status).toBe(404);
    expect(await (await test.app.request('/api/commitments')).json()).toEqual([]);
    for (const table of ['imports', 'sessions', 'messages', 'coach_reads', 'commitments', 'written_summaries']) {
      const [row] = await test.ctx.db.all<{ n: number }>(sql.raw(`select count(*) as n from ${table}`));
      expect(Number(row!.n), table).toBe(0);
    }
  });

  it('checks in with the same real person on a promise made practising from an import', async () => {
    const imported = await importAndroid();
    const { body: session } = await practise({ importId: imported.id, fromTurn: 3, kind: 'apology' });
    await readUiStream(await sendTurn(test.app, session.id, "I'm sorry. That was my fault. I'll call you on Saturday and we can talk it through."));
    expect((await test.app.request(`/api/sessions/${session.id}/end`, { method: 'POST' })).status).toBe(200);
    const [promise] = await (await test.app.request('/api/commitments')).json();
    expect(promise).toMatchObject({ sessionId: session.id, scenarioId: 'your-own-apology', partner: 'Maya' });

    // What the commitments page sends for its "Check in with …" button.
    const { status, body: checkIn } = await practise({ scenarioId: promise.scenarioId, followUpOf: promise.sessionId });
    expect(status).toBe(201);
    expect(checkIn).toMatchObject({ importId: imported.id, partnerName: 'Maya', followUpOf: session.id });
    expect(checkIn.messages).toHaveLength(1);
    expect(checkIn.messages[0].text).toContain(promise.text.trim());

    // Delete is total: the check-in was practice from the same import.
    expect((await test.app.request(`/api/imports/${imported.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await test.app.request(`/api/sessions/${checkIn.id}`)).status).toBe(404);
  });

  it('reads a written summary of listening practised from an import, against the needs of the general partner', async () => {
    const imported = await importAndroid();
    const { body: session } = await practise({ importId: imported.id, fromTurn: 3, kind: 'listening' });
    const response = await test.app.request(
      `/api/sessions/${session.id}/summary`,
      json({ text: 'So what I took from tonight is that you felt let down and alone with it.' }),
    );
    expect(response.status).toBe(200);
    const review = await response.json();
    expect(review.covered.length + review.missed.length).toBeGreaterThan(0);
    expect(review.score).toBeGreaterThanOrEqual(0);
  });

  it('keeps the session list and progress working for practice from an import', async () => {
    const imported = await importAndroid();
    const { body: session } = await practise({ importId: imported.id, fromTurn: 3, kind: 'apology' });
    const list = await (await test.app.request('/api/sessions')).json();
    expect(list[0]).toMatchObject({ id: session.id, scenarioTitle: expect.stringContaining('Your own conversation') });
    expect((await test.app.request('/api/progress')).status).toBe(200);
  });
});
