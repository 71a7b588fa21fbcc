/**
 * The partner's arc, as the LLM engine is told it: a typed brief built from the same folded
 * state the built-in engine answers from, and the instructions written from that brief. The
 * model plays the moment (a test, a reveal, a guarded thaw); the state alone decides whether
 * the conversation resolves, so the model is told never to forgive or wrap up before it has.
 */
import type { Scenario, TrustBand } from '../scenarios/scenario-schema.js';
import { ARC_WAIT_LABELS, type ArcWait } from './arc-stages.js';
import { arcRules } from './emotional-arc.js';
import { missingNeeds, requiredTests, type PartnerState } from './partner-state.js';
import { trustBand } from './reaction-picker.js';

export type ArcMoment = 'guarded' | 'testing' | 'revealing' | 'underneath' | 'rebuilding' | 'resolving' | 'resolved';

export interface ArcBrief {
  moment: ArcMoment;
  band: TrustBand;
  trustBefore: number;
  trust: number;
  resolveAt: number;
  /** The most trust one turn can add at this difficulty. */
  riseCap: number;
  tests: { required: number; held: number; broke: number };
  /** The pushback to make in this reply, or null. */
  pushbackNow: string | null;
  /** How the person met the last pushback in their latest turn, if they were answering one. */
  testOutcome: 'held' | 'broke' | null;
  hiddenConcern: 'none' | 'hidden' | 'revealing-now' | 'unanswered' | 'answered';
  /** What the person still has not said, in the scenario's words. */
  unmetNeeds: string[];
  /** What the arc still waits for before it can resolve. */
  waitingFor: ArcWait[];
  resolvedNow: boolean;
}

export function arcBrief(scenario: Scenario, state: PartnerState): ArcBrief {
  const effect = state.last;
  const concern = !scenario.hiddenConcern
    ? 'none'
    : effect?.revealedHiddenConcern
      ? 'revealing-now'
      : state.arc.hiddenConcernTurn === null
        ? 'hidden'
        : state.arc.answeredTurn === null
          ? 'unanswered'
          : 'answered';
  const band = trustBand(scenario, state.trust);
  const moment: ArcMoment = state.resolved
    ? effect?.resolvedNow
      ? 'resolving'
      : 'resolved'
    : effect?.pushback
      ? 'testing'
      : concern === 'revealing-now'
        ? 'revealing'
        : concern === 'unanswered'
          ? 'underneath'
          : band === 'low'
            ? 'guarded'
            : 'rebuilding';
  return {
    moment,
    band,
    trustBefore: effect?.trustBefore ?? state.trust,
    trust: state.trust,
    resolveAt: scenario.trust.resolveAt,
    riseCap: arcRules(scenario).riseCap,
    tests: {
      required: requiredTests(scenario),
      held: state.arc.pushbacks.filter((p) => p.outcome === 'held').length,
      broke: state.arc.pushbacks.filter((p) => p.outcome === 'broke').length,
    },
    pushbackNow: effect?.pushback ?? null,
    testOutcome: effect?.testOutcome ?? null,
    hiddenConcern: concern,
    unmetNeeds: missingNeeds(scenario, state).map((need) => need.says),
    waitingFor: state.resolved ? [] : state.arc.waitingFor,
    resolvedNow: effect?.resolvedNow ?? false,
  };
}

/** The prompt's lines for this moment of the arc. */
export function arcInstructions(brief: ArcBrief, partnerName: string): string[] {
  const lines: string[] = [];
  const moved = brief.trust - brief.trustBefore;
  lines.push(
    moved > 0
      ? `Their latest message moved you a little (trust ${brief.trustBefore} → ${brief.trust}). Show only that much more warmth: a real person thaws a step at a time, never all at once.`
      : moved < 0
        ? `Their latest message set you back (trust ${brief.trustBefore} → ${brief.trust}). Let it show; what was rebuilt is lost faster than it was gained.`
        : `Their latest message did not move you (trust stays at ${brief.trust}). Do not warm up on your own.`,
  );
  lines.push(`No single message moves you more than ${brief.riseCap} points of trust, however good; a setback can move you much further.`);
  if (brief.testOutcome === 'held') lines.push('You tested them and they held steady without excuses. You can believe them a little more.');
  if (brief.testOutcome === 'broke') lines.push('You tested them and they slipped back into defending themselves. That confirms your doubt: pull back.');
  if (brief.tests.required > 0) {
    lines.push(`You have tested their apology ${brief.tests.held} of the ${brief.tests.required} times you need before you believe it.`);
  }
  switch (brief.moment) {
    case 'testing':
      lines.push(
        `Test them now, before you believe it: push back once, in your own words, along the lines of "${brief.pushbackNow}". Do not accept the apology in this reply.`,
      );
      break;
    case 'revealing':
      lines.push(
        'Now, for the first time, let what is underneath come out, in your own words. This reply is only that: do not forgive them, and do not wrap the conversation up.',
      );
      break;
    case 'underneath':
      lines.push('You have told them what is underneath. Notice whether they answer that, not just the surface; you cannot settle until they do.');
      break;
    case 'resolving':
      lines.push(`You are ready to close this conversation warmly, in your own words, as ${partnerName} would.`);
      break;
    case 'resolved':
      lines.push('You have made up. Stay warm, and talk about what happens next.');
      break;
    default:
      break;
  }
  if (!brief.resolvedNow && brief.moment !== 'resolved') {
    lines.push(
      `Do not forgive them, say it is all right, or close the conversation in this reply: you are not there yet. You still need ${brief.waitingFor.map((w) => ARC_WAIT_LABELS[w]).join('; ') || 'more before you can settle'}.`,
    );
  }
  return lines;
}
