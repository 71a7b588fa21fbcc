/**
 * The partner suites: for each scenario, scripted conversations with expectations about
 * how the partner reacts. A failed expectation is a result with a reason, never a crash.
 */
import { KIND_RUBRIC, isRedFlag, type Criterion } from '../../server/practice/criteria.js';
import type { Labeller } from '../../server/practice/partner/partner-engine.js';
import type { PartnerEngine } from '../../server/practice/partner/partner-engine.js';
import { foldPartnerState, initialPartnerState, stepPartnerState } from '../../server/practice/partner/partner-state.js';
import { partnerSystemPrompt } from '../../server/practice/partner/partner-prompt.js';
import type { Kind } from '../../server/practice/criteria.js';
import type { Scenario } from '../../server/practice/scenarios/scenario-schema.js';
import { arcRules } from '../../server/practice/partner/emotional-arc.js';
import { checkCheckIns, type CheckInFigures } from './check-in-checks.js';
import { genericScript } from './generic-scripts.js';
import { playScript, type PlayedConversation, type PlayedTurn } from './play.js';
import { FRAME_PROBES, readScripts } from './scripts.js';

export interface SuiteCheck {
  name: string;
  pass: boolean;
  detail: string;
}

export interface ScenarioSuiteResult {
  scenarioId: string;
  checks: SuiteCheck[];
  /** Turns the strong script needed to resolve; null when it did not. */
  strongTurns: number | null;
  excusesFinalTrust: number | null;
  /** Turns the generic textbook script needed to resolve; null when it did not within the budget. */
  genericTurns: number | null;
  /** The fewest turns this partner can resolve in (its difficulty's minimum, or the scenario's own). */
  minTurns: number;
  /** What the same excuse cost at the first turn, and after the generic script's progress. */
  excuseCost: { early: number; late: number } | null;
  /** How each check-in report moved trust, after the strong script's conversation (check-in-checks.ts). */
  checkIn: CheckInFigures | null;
  /** The scripted conversations as played, for `--verbose`. */
  played: { strong: PlayedTurn[]; generic: PlayedTurn[]; excuses: PlayedTurn[] };
}

/** Generic probes: the scorer must read them as the named move for the check to mean anything. */
const PROBES: Record<Kind, { good: { text: string; expect: Criterion }; bad: { text: string; expect: Criterion } }> = {
  apology: {
    good: { text: "That was my fault. I'm sorry I did that to you.", expect: 'takes_responsibility' },
    bad: { text: "If you had reminded me, this wouldn't have happened.", expect: 'shifts_blame' },
  },
  draft: {
    good: { text: "That was my fault. I'm sorry I did that to you.", expect: 'takes_responsibility' },
    bad: { text: "If you had reminded me, this wouldn't have happened.", expect: 'shifts_blame' },
  },
  listening: {
    good: { text: "It sounds like you've been carrying this on your own for a long time, and it's worn you down.", expect: 'reflects' },
    bad: { text: 'You should just talk to them and get over it.', expect: 'gives_unsolicited_advice' },
  },
};

const PROMPT_LEAKS = /system prompt|my instructions|as an ai|language model|trust (model|level|score)|resolve level|reaction lines|hidden concern/i;

export async function runScenarioSuite(scenario: Scenario, engine: PartnerEngine, label: Labeller, scriptsDir: string): Promise<ScenarioSuiteResult> {
  const checks: SuiteCheck[] = [];
  const check = (name: string, pass: boolean, detail: string) => checks.push({ name, pass, detail });

  const start = initialPartnerState(scenario);
  const wrongWay = [...KIND_RUBRIC[scenario.kind].positive, ...KIND_RUBRIC[scenario.kind].redFlags].filter((criterion) => {
    const after = stepPartnerState(scenario, start, { text: '', labels: [criterion], evidence: [] }).trust;
    return isRedFlag(criterion) ? after > start.trust : after < start.trust;
  });
  check(
    'every move moves trust the right way',
    wrongWay.length === 0,
    wrongWay.length ? `wrong direction: ${wrongWay.join(', ')}` : 'positive moves raise trust, red flags lower it',
  );

  const probe = PROBES[scenario.kind];
  for (const [name, { text, expect }, up] of [
    [scenario.kind === 'listening' ? 'trust rises after a reflection' : 'trust rises after ownership', probe.good, true],
    [scenario.kind === 'listening' ? 'trust falls after advice' : 'trust falls after blame', probe.bad, false],
  ] as const) {
    const scored = label({ kind: scenario.kind, context: scenario.partner.opening, reply: text });
    const after = foldPartnerState(scenario, [{ text, ...scored }]).trust;
    const moved = up ? after > start.trust : after < start.trust;
    check(name, scored.labels.includes(expect) && moved, `"${text}" → [${scored.labels.join(', ')}], trust ${start.trust} → ${after}`);
  }

  const read = await readScripts(scriptsDir, scenario.id);
  if ('error' in read) {
    check('has scripts', false, read.error);
    return {
      scenarioId: scenario.id,
      checks,
      strongTurns: null,
      excusesFinalTrust: null,
      genericTurns: null,
      minTurns: arcRules(scenario).minTurns,
      excuseCost: null,
      checkIn: null,
      played: { strong: [], generic: [], excuses: [] },
    };
  }
  const { scripts } = read;

  const strong = await playScript(scenario, engine, label, scripts.strong);
  check(
    'a strong script resolves within the turn budget',
    strong.resolvedAt !== null && strong.resolvedAt <= scenario.turnBudget,
    strong.resolvedAt ? `resolved at turn ${strong.resolvedAt} of ${scenario.turnBudget}` : `did not resolve; trust path ${strong.state.trustPath.join(' → ')}`,
  );
  if (scenario.hiddenConcern) {
    check(
      'a strong script reaches the hidden concern',
      strong.state.hiddenConcernReached,
      strong.state.hiddenConcernReached ? 'reached' : 'never reached: no open question or reflection landed with enough trust',
    );
  }
  const arc = await checkArc(scenario, engine, label, scripts.excuses[0]!, strong, check);
  const checkIn = await checkCheckIns(scenario, engine, label, strong, check);
  const excuses = await playScript(scenario, engine, label, scripts.excuses);
  check(
    'a script of excuses never resolves',
    excuses.resolvedAt === null && excuses.state.trust < scenario.trust.start,
    `trust path ${excuses.state.trustPath.join(' → ')}`,
  );
  const wrongTurns = [...misdirectedTurns(scenario, 'strong', strong.turns), ...misdirectedTurns(scenario, 'excuses', excuses.turns)];
  check(
    'each scripted turn moves trust the way its move should',
    wrongTurns.length === 0,
    wrongTurns.length ? wrongTurns.join('; ') : `${strong.turns.length + excuses.turns.length} turns checked`,
  );

  const probes = await playScript(scenario, engine, label, FRAME_PROBES);
  const prompt = partnerSystemPrompt(scenario, probes.state);
  const leaked = probes.turns.filter((t) => PROMPT_LEAKS.test(t.reply) || echoesPrompt(t.reply, prompt) || t.reply.trim() === '');
  check(
    'stays in character and never reveals its instructions',
    leaked.length === 0,
    leaked.length ? `leaked in: ${leaked.map((t) => JSON.stringify(t.reply.slice(0, 80))).join('; ')}` : `${FRAME_PROBES.length} probes answered in character`,
  );

  if (engine.name === 'builtin') {
    const ten = await playScript(scenario, engine, label, [...scripts.excuses, ...scripts.strong].slice(0, 10));
    const replies = ten.turns.map((t) => t.reply);
    const repeated = replies.filter((reply, index) => replies.indexOf(reply) !== index);
    check(
      'does not repeat itself in ten turns',
      repeated.length === 0,
      repeated.length ? `repeated: ${repeated.map((r) => JSON.stringify(r)).join('; ')}` : `${replies.length} different replies`,
    );
  }

  return {
    scenarioId: scenario.id,
    checks,
    strongTurns: strong.resolvedAt,
    excusesFinalTrust: excuses.state.trust,
    genericTurns: arc.generic.resolvedAt,
    minTurns: arcRules(scenario).minTurns,
    excuseCost: arc.excuseCost,
    checkIn,
    played: { strong: strong.turns, generic: arc.generic.turns, excuses: excuses.turns },
  };
}

/**
 * The partner is hard to win back (issue 12): a generic textbook script never resolves
 * before the minimum, no reply that reveals the hidden concern resolves, no turn adds more
 * than the difficulty's cap, an excuse after progress costs more than at the start, and a
 * moderate or hard partner tests the apology at least once.
 */
async function checkArc(
  scenario: Scenario,
  engine: PartnerEngine,
  label: Labeller,
  excuse: string,
  strong: PlayedConversation,
  check: (name: string, pass: boolean, detail: string) => void,
): Promise<{ generic: PlayedConversation; excuseCost: { early: number; late: number } }> {
  const rules = arcRules(scenario);
  const generic = await playScript(scenario, engine, label, genericScript(scenario.kind, scenario.turnBudget));
  check(
    'a generic textbook script never resolves before the minimum',
    generic.resolvedAt === null || generic.resolvedAt >= rules.minTurns,
    `${generic.resolvedAt ? `resolved at turn ${generic.resolvedAt}` : 'did not resolve'} (minimum ${rules.minTurns}); trust path ${generic.state.trustPath.join(' → ')}`,
  );

  const revealing = [...strong.turns, ...generic.turns].filter((t) => t.revealed);
  check(
    'the reply that reveals the hidden concern never resolves',
    revealing.every((t) => !t.resolvedNow),
    revealing.length ? `${revealing.length} reveals, none resolving` : 'no reveal in the strong or generic script',
  );

  const overCap = [...strong.turns, ...generic.turns].filter((t) => t.trustAfter - t.trustBefore > rules.riseCap);
  check(
    'no turn adds more trust than the difficulty allows',
    overCap.length === 0,
    overCap.length ? overCap.map((t) => `${t.trustBefore} → ${t.trustAfter}`).join('; ') : `every rise at most ${rules.riseCap}`,
  );

  // The same excuse at the first turn, and after the generic script's first turns (just short of the minimum).
  const early = await playScript(scenario, engine, label, [excuse]);
  const progress = genericScript(scenario.kind, Math.max(2, rules.minTurns - 2));
  const late = await playScript(scenario, engine, label, [...progress, excuse]);
  const excuseCost = { early: round(early.turns[0]!.setbackCost), late: round(late.turns.at(-1)!.setbackCost) };
  check(
    'an excuse after progress costs more than at the start',
    excuseCost.early > 0 && excuseCost.late > excuseCost.early,
    `"${excuse}" costs ${excuseCost.early} at turn 1 and ${excuseCost.late} at turn ${progress.length + 1} (trust ${late.turns.at(-1)!.trustBefore} → ${late.turns.at(-1)!.trustAfter})`,
  );

  if (scenario.difficulty >= 2) {
    const tested = [strong, generic].map((played) => played.turns.filter((t) => t.pushback !== null).length);
    check(
      'a moderate or hard partner pushes back at least once',
      tested.every((n) => n >= 1),
      `pushbacks: strong script ${tested[0]}, generic script ${tested[1]}`,
    );
  }
  return { generic, excuseCost };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Turn by turn, a clean good move (ownership, or a reflection when listening) must raise
 * trust and a clean deflection (blame, or advice when listening) must lower it. "Clean":
 * the turn holds no move of the other sign, which could rightly outweigh it.
 */
function misdirectedTurns(scenario: Scenario, which: string, turns: readonly PlayedTurn[]): string[] {
  const listening = scenario.kind === 'listening';
  const good: Criterion = listening ? 'reflects' : 'takes_responsibility';
  const bad: Criterion = listening ? 'gives_unsolicited_advice' : 'shifts_blame';
  const rubric = KIND_RUBRIC[scenario.kind];
  const out: string[] = [];
  turns.forEach((turn, index) => {
    const flagged = turn.labels.some((label) => (rubric.redFlags as readonly string[]).includes(label));
    const praised = turn.labels.some((label) => (rubric.positive as readonly string[]).includes(label));
    if (turn.labels.includes(good) && !flagged && turn.trustAfter <= turn.trustBefore && turn.trustBefore < 100) {
      out.push(`${which} turn ${index + 1}: ${good} did not raise trust (${turn.trustBefore} → ${turn.trustAfter})`);
    }
    if (turn.labels.includes(bad) && !praised && turn.trustAfter >= turn.trustBefore && turn.trustBefore > 0) {
      out.push(`${which} turn ${index + 1}: ${bad} did not lower trust (${turn.trustBefore} → ${turn.trustAfter})`);
    }
  });
  return out;
}

/** True when a reply repeats a long run of the system prompt's words. */
function echoesPrompt(reply: string, prompt: string): boolean {
  const words = reply.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = prompt.toLowerCase();
  for (let i = 0; i + 8 <= words.length; i++) if (haystack.includes(words.slice(i, i + 8).join(' '))) return true;
  return false;
}
