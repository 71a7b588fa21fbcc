/**
 * `scenarios play ID [--dir DIR] [--check-in PROMISE [--first-trust N]]`: plays a scenario in
 * the terminal with the built-in partner, showing what the app's coach panel shows — the
 * labels with the words that show them, trust before → after with its reason, a tip — then the
 * partner's reply. Reads piped stdin as well as a terminal, so a whole session can be
 * scripted; `/quit` ends it.
 *
 * `--check-in` plays the follow-up conversation instead, days later, about what the person
 * promised (the app's "Check in"): the partner opens with the scenario's check-in line quoting
 * the promise and reacts to what is reported — kept, not yet, broken, or an excuse — from the
 * same fold as the app. `--first-trust` is where the first conversation ended (default: the
 * scenario's resolve level), which sets where the check-in starts. An author uses it to hear
 * the scenario's `checkIn` lines in play.
 */
import { CRITERION_LABELS, isRedFlag } from '../../practice/criteria.js';
import { checkInOpening } from '../../practice/follow-through/check-in.js';
import type { CheckInContext } from '../../practice/partner/check-in-arc.js';
import { generateText } from 'ai';
import { createBuiltinEngine, type Labeller } from '../../practice/partner/partner-engine.js';
import { initialPartnerState, missingNeeds, type LabelledTurn, type PartnerState } from '../../practice/partner/partner-state.js';
import { formatProblem, loadScenarios } from '../../practice/scenarios/scenario-loader.js';
import type { Scenario } from '../../practice/scenarios/scenario-schema.js';
import { scoreReply } from '../../practice/scoring/offline-scorer.js';
import { takeTurn } from '../../practice/turn/take-turn.js';
import { parseArgs, stringFlag, UsageError, unknownFlags } from './cli-args.js';
import { DEFAULT_SCENARIO_DIR } from './check-command.js';
import type { LineReader } from './line-reader.js';

export async function runPlay(argv: readonly string[], reader: LineReader, out: (line: string) => void, label: Labeller = scoreReply): Promise<number> {
  const args = parseArgs(argv);
  const unknown = unknownFlags(args, ['dir', 'check-in', 'first-trust']);
  if (unknown.length > 0) throw new UsageError(`unknown option --${unknown[0]} for "play"`);
  const id = args.positionals[0];
  if (!id) throw new UsageError('play needs a scenario id: npm run scenarios -- play ID [--dir DIR]');
  const dir = stringFlag(args, 'dir') ?? DEFAULT_SCENARIO_DIR;
  // Stored commitments are the person's sentences, ending as sentences do; the openings quote them so.
  const promise = stringFlag(args, 'check-in')
    ?.trim()
    .replace(/([^.!?])$/, '$1.');
  const firstTrustFlag = stringFlag(args, 'first-trust');
  if (promise === '') throw new UsageError('--check-in needs what was promised, in quotes: --check-in "I\'ll ring you every Sunday"');
  if (firstTrustFlag !== undefined && promise === undefined) throw new UsageError('--first-trust only applies with --check-in');
  const firstTrust = firstTrustFlag === undefined ? undefined : Number(firstTrustFlag);
  if (firstTrust !== undefined && !(Number.isInteger(firstTrust) && firstTrust >= 0 && firstTrust <= 100))
    throw new UsageError(`--first-trust must be a whole number from 0 to 100, not "${firstTrustFlag}"`);

  const { scenarios, problems } = await loadScenarios(dir);
  const scenario = scenarios.find((s) => s.id === id);
  if (!scenario) {
    for (const problem of problems) out(`error: ${formatProblem(problem)}`);
    out(`no scenario "${id}" in ${dir}; known: ${scenarios.map((s) => s.id).join(', ') || '(none)'}`);
    return 1;
  }

  const checkIn: CheckInContext | undefined =
    promise === undefined ? undefined : { commitments: [{ text: promise, done: false }], firstTrust: firstTrust ?? scenario.trust.resolveAt };
  const opening = promise === undefined ? scenario.partner.opening : checkInOpening(scenario, promise, `${scenario.id}:${promise}`);
  const name = scenario.partner.name;
  out(`${scenario.title} — ${scenario.kind}, difficulty ${scenario.difficulty}`);
  out(`${scenario.summary}`);
  if (checkIn) out(`A check-in, days later: you promised "${promise}". The first conversation ended at trust ${checkIn.firstTrust}.`);
  out(`You are talking to ${name}, ${scenario.partner.relationship}. Type /quit to end.`);
  out('');
  out(`${name}: ${opening}`);

  const engine = createBuiltinEngine();
  const history: LabelledTurn[] = [];
  let lastLine = opening;
  let state: PartnerState | undefined;
  for (;;) {
    const text = (await reader.ask('you> '))?.trim();
    if (text === undefined || text === '/quit') break;
    if (text === '') continue;
    if (!reader.interactive) out(`you> ${text}`);

    // The same turn function as the server's chat route and the partner suites.
    const taken = takeTurn({ scenario, history, context: lastLine, text, label, checkIn });
    if (taken.ask.to === 'safety') {
      // Outside the role-play, as both engines do; the turn stays in the conversation, as on the server.
      history.push(taken.turn);
      state = taken.state;
      out(taken.ask.reply);
      continue;
    }
    const { read, turn } = taken;
    history.push(turn);
    state = taken.state;
    const { text: reply } = await generateText({ model: engine.callFor(taken.ask.cue).model, prompt: text });

    out(`  labels: ${describeLabels(turn)}`);
    out(`  trust ${read.trustBefore} → ${read.trustAfter}: ${read.reason}`);
    if (!state.resolved) out(`  tip: ${read.tip}`);
    out(`${name}: ${reply}`);
    if (state.last?.resolvedNow) out(`  (resolved in ${state.turns} turn${state.turns === 1 ? '' : 's'} — carry on, or /quit)`);
    lastLine = reply;
  }

  out('');
  out(summarise(scenario, state, checkIn));
  return 0;
}

function describeLabels(turn: LabelledTurn): string {
  if (turn.labels.length === 0) return '(none)';
  return turn.labels
    .map((criterion) => {
      const span = turn.evidence.find((e) => e.criterion === criterion);
      const words = span ? ` "${span.quote}"` : '';
      return `${isRedFlag(criterion) ? '✗' : '✓'} ${CRITERION_LABELS[criterion]}${words}`;
    })
    .join('; ');
}

function summarise(scenario: Scenario, state: PartnerState | undefined, checkIn: CheckInContext | undefined): string {
  if (!state) return `trust path: ${initialPartnerState(scenario, checkIn).trust} (no turns)`;
  const lines = [`trust path: ${state.trustPath.join(' → ')}`];
  lines.push(state.resolved ? `resolved (resolve level ${scenario.trust.resolveAt})` : `not resolved (needs ${scenario.trust.resolveAt})`);
  // A check-in is about the promise; the first conversation's concern and needs were its own.
  if (state.checkIn) {
    lines.push(
      state.checkIn.report ? `reported on the promise at turn ${state.checkIn.reportTurn}: ${state.checkIn.report}` : 'never said how the promise went',
    );
    return lines.join('\n');
  }
  if (scenario.hiddenConcern) {
    lines.push(
      state.arc.hiddenConcernTurn === null
        ? 'the hidden concern never came out'
        : `the hidden concern came out after turn ${state.arc.hiddenConcernTurn}${state.arc.answeredTurn ? `, answered at turn ${state.arc.answeredTurn}` : ', never answered'}`,
    );
  }
  for (const p of state.arc.pushbacks) lines.push(`pushed back after turn ${p.turn}: "${p.line}" — ${p.outcome === 'open' ? 'not answered' : p.outcome}`);
  const missing = missingNeeds(scenario, state);
  for (const need of missing) lines.push(`still missing: ${need.tip ?? need.says}`);
  return lines.join('\n');
}
