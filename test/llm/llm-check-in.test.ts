/**
 * The LLM engine in a check-in (issue 13): the turn goes through takeTurn with the check-in
 * context, and the system prompt the AI SDK sends to the (recorded) OpenAI stream says this
 * is a check-in, quotes the promise, and names the reaction the state decided.
 */
import { streamText, type ModelMessage } from 'ai';
import { beforeAll, describe, expect, it } from 'vitest';
import { CRITERIA, type Criterion } from '../../server/practice/criteria.js';
import { checkInOpening } from '../../server/practice/follow-through/check-in.js';
import { createLlmEngine, type Labeller } from '../../server/practice/partner/partner-engine.js';
import { loadScenarios } from '../../server/practice/scenarios/scenario-loader.js';
import type { Scenario } from '../../server/practice/scenarios/scenario-schema.js';
import { takeTurn } from '../../server/practice/turn/take-turn.js';
import { FIXTURE_SCENARIOS } from '../support/fixtures.js';
import { FAKE_MODEL, fixtureChunks, fixtureText, startFakeOpenAI } from '../support/fake-openai.js';

const fake = startFakeOpenAI();
const chunks = fixtureChunks('chat-openai-text.chunks.txt');
let airport: Scenario;

beforeAll(async () => {
  airport = (await loadScenarios(FIXTURE_SCENARIOS)).scenarios.find((s) => s.id === 'airport-at-midnight')!;
});

const PROMISE = "I'll pay you back for the taxi by Friday.";
const labelAs =
  (labels: Criterion[]): Labeller =>
  () => ({ labels, evidence: [], scores: Object.fromEntries(CRITERIA.map((c) => [c, labels.includes(c) ? 1 : 0])) as Record<Criterion, number> });

async function checkInReply(text: string, labels: Criterion[]) {
  fake.streams(chunks);
  const engine = createLlmEngine(FAKE_MODEL);
  const opening = checkInOpening(airport, PROMISE, 'check-in-1');
  const checkIn = { commitments: [{ text: PROMISE, done: false }], firstTrust: 72 };
  const taken = takeTurn({ scenario: airport, history: [], context: opening, text, label: labelAs(labels), checkIn });
  if (taken.ask.to !== 'partner') throw new Error('no safety concern expected');
  const call = engine.callFor(taken.ask.cue);
  const messages: ModelMessage[] = [
    { role: 'assistant', content: opening },
    { role: 'user', content: text },
  ];
  const reply = await streamText({ model: call.model, system: call.system, messages }).text;
  const system = fake.seen.at(-1)!.body.messages[0]!;
  expect(system.role).toBe('system');
  return { reply, system: system.content as string, state: taken.state };
}

describe('the LLM engine in a check-in', () => {
  it('is told the promise and that it was kept, and streams the reply through the AI SDK', async () => {
    const { reply, system, state } = await checkInReply('I paid you back for the taxi on Thursday.', ['takes_responsibility']);
    expect(reply).toBe(fixtureText(chunks));
    expect(state.last!.checkInReport).toBe('kept');
    expect(system).toContain('This conversation is a check-in a few days after your first one.');
    expect(system).toContain(`- "${PROMISE}"`);
    expect(system).toContain('they told you they did what they promised. Let it count');
  });

  it('is told an excuse for the broken promise hurts more than the first time', async () => {
    const { system, state } = await checkInReply("I didn't pay it yet. Work was insane.", ['makes_excuses']);
    expect(state.trust).toBeLessThan(state.last!.trustBefore);
    expect(system).toContain('This hurts more than an excuse did the first time');
  });

  it('is told to hold steady for an honest "not yet" with a new time', async () => {
    const { system, state } = await checkInReply("I haven't paid yet, that's on me. I'll transfer it tonight.", ['takes_responsibility', 'proposes_action']);
    expect(Math.abs(state.trust - state.last!.trustBefore)).toBeLessThanOrEqual(2);
    expect(system).toContain('hold them to the new time');
  });
});
