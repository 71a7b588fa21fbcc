/**
 * The LLM engine follows the same arc as the state: each turn goes through takeTurn, the
 * engine's model streams a recorded OpenAI reply through the real AI SDK path, and the system
 * prompt the server sends carries the moment of the arc (the test to make, the reveal, never
 * forgiving before the state resolves).
 */
import { streamText, type ModelMessage } from 'ai';
import { beforeAll, describe, expect, it } from 'vitest';
import { CRITERIA, type Criterion } from '../../server/practice/criteria.js';
import { createLlmEngine, type Labeller } from '../../server/practice/partner/partner-engine.js';
import type { LabelledTurn } from '../../server/practice/partner/partner-state.js';
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

/** A labeller that reads the labels off the script, so the test is about the arc, not the scorer. */
const SCRIPT: { text: string; labels: Criterion[] }[] = [
  { text: 'I left you alone at arrivals after the funeral. That was my fault.', labels: ['acknowledges_harm', 'takes_responsibility'] },
  { text: 'You have every right to be angry. I will pay for the taxi tonight.', labels: ['validates_feelings', 'proposes_action'] },
  { text: 'What have these months been like for you?', labels: ['asks_open_question'] },
  { text: 'You have been carrying all of it alone. Of course you are exhausted.', labels: ['validates_feelings', 'acknowledges_harm'] },
  { text: 'I am sorry. From Sunday I will do the calls to your sister with you.', labels: ['takes_responsibility', 'proposes_action'] },
];
const label: Labeller = ({ reply }) => {
  const labels = SCRIPT.find((s) => s.text === reply)!.labels;
  return { labels, evidence: [], scores: Object.fromEntries(CRITERIA.map((c) => [c, labels.includes(c) ? 1 : 0])) as Record<Criterion, number> };
};

describe('the LLM engine plays the arc the state decides', () => {
  it('is told to test, to reveal without forgiving, and to close only once the state resolves', async () => {
    fake.streams(chunks);
    const engine = createLlmEngine(FAKE_MODEL);
    const messages: ModelMessage[] = [{ role: 'assistant', content: airport.partner.opening }];
    const history: LabelledTurn[] = [];
    const moments: { pushback?: string; revealed: boolean; resolved: boolean; system: string; reply: string }[] = [];

    for (const { text } of SCRIPT) {
      const taken = takeTurn({ scenario: airport, history, context: String(messages.at(-1)!.content), text, label });
      history.push(taken.turn);
      messages.push({ role: 'user', content: text });
      if (taken.ask.to !== 'partner') throw new Error('no safety concern expected');
      const call = engine.callFor(taken.ask.cue);
      const reply = await streamText({ model: call.model, system: call.system, messages }).text;
      messages.push({ role: 'assistant', content: reply });
      const sent = fake.seen.at(-1)!.body.messages[0]!;
      expect(sent.role).toBe('system');
      moments.push({
        pushback: taken.state.last!.pushback,
        revealed: taken.state.last!.revealedHiddenConcern,
        resolved: taken.state.resolved,
        system: sent.content,
        reply,
      });
    }

    expect(moments.every((m) => m.reply === fixtureText(chunks))).toBe(true);
    const testing = moments.find((m) => m.pushback)!;
    expect(testing.system).toContain(`along the lines of "${testing.pushback}"`);
    expect(testing.system).toContain('Do not accept the apology in this reply');
    const revealing = moments.find((m) => m.revealed)!;
    expect(revealing.resolved).toBe(false);
    expect(revealing.system).toContain('let what is underneath come out');
    expect(revealing.system).toContain('do not forgive them');
    for (const m of moments.filter((m) => !m.resolved)) {
      expect(m.system).toContain('Do not forgive them, say it is all right, or close the conversation in this reply');
      expect(m.system).not.toContain('ready to close this conversation warmly');
    }
    const closing = moments.find((m) => m.resolved)!;
    expect(closing).toBe(moments.at(-1));
    expect(closing.system).toContain('ready to close this conversation warmly');
  });
});
