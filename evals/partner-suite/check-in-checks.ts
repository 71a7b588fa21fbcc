/**
 * The three check-in reactions (issue 13), played through `takeTurn` and the engine like any
 * script: after the strong script's conversation and its promise, reporting it kept raises
 * trust; an excuse for breaking it costs more than the same excuse did as the first
 * conversation's first turn; an honest "not yet, here is when" holds trust (±2). With the
 * built-in engine the reply must be the scenario's own reaction line for that report.
 */
import { checkInOpening } from '../../server/practice/follow-through/check-in.js';
import type { Labeller, PartnerEngine } from '../../server/practice/partner/partner-engine.js';
import { NOT_YET_HOLD, type CheckInContext } from '../../server/practice/partner/check-in-arc.js';
import { DEFAULT_CHECK_IN } from '../../server/practice/scenarios/check-in-schema.js';
import type { Scenario } from '../../server/practice/scenarios/scenario-schema.js';
import { playScript, type PlayedConversation, type PlayedTurn } from './play.js';

/** One promise every scenario's person could have made, and the three ways of reporting on it. */
export const CHECK_IN_PROMISE = "I'll ring you on Saturday and we'll talk it through properly.";
export const CHECK_IN_REPORTS = {
  kept: 'I rang you on Saturday like I said, and we talked it through properly.',
  excuse: "I didn't ring. Work has been mad all week, I just had no time.",
  notYet: "I haven't rung you yet, and that's on me. I'll ring you tomorrow at seven.",
} as const;

export interface CheckInFigures {
  start: number;
  kept: number;
  excuse: number;
  notYet: number;
  /** The same excuse as the first turn of the first conversation. */
  firstExcuse: number;
}

type Check = (name: string, pass: boolean, detail: string) => void;

export async function checkCheckIns(
  scenario: Scenario,
  engine: PartnerEngine,
  label: Labeller,
  strong: PlayedConversation,
  check: Check,
): Promise<CheckInFigures> {
  const checkIn: CheckInContext = { commitments: [{ text: CHECK_IN_PROMISE, done: false }], firstTrust: strong.state.trust };
  const opening = checkInOpening(scenario, CHECK_IN_PROMISE, 'suite');
  const play = async (text: string) => (await playScript(scenario, engine, label, [text], { checkIn, opening })).turns[0]!;
  const [kept, excuse, notYet] = [await play(CHECK_IN_REPORTS.kept), await play(CHECK_IN_REPORTS.excuse), await play(CHECK_IN_REPORTS.notYet)];
  const first = (await playScript(scenario, engine, label, [CHECK_IN_REPORTS.excuse])).turns[0]!;
  const move = (t: PlayedTurn) => t.trustAfter - t.trustBefore;
  const figures = { start: kept.trustBefore, kept: move(kept), excuse: move(excuse), notYet: move(notYet), firstExcuse: move(first) };
  const said = (t: PlayedTurn) => `"${t.text}" read as ${t.checkInReport ?? 'nothing'} [${t.labels.join(', ')}], trust ${t.trustBefore} → ${t.trustAfter}`;

  check('a check-in reporting the promise kept raises trust', kept.checkInReport === 'kept' && figures.kept > 0, said(kept));
  check(
    'an excuse for a broken promise costs more than the same excuse in the first conversation',
    excuse.checkInReport === 'excuse' && figures.excuse < 0 && figures.excuse < figures.firstExcuse,
    `${said(excuse)}; in the first conversation ${first.trustBefore} → ${first.trustAfter}`,
  );
  check('an honest "not yet, here is when" holds trust', notYet.checkInReport === 'not-yet' && Math.abs(figures.notYet) <= NOT_YET_HOLD, said(notYet));
  if (engine.name === 'builtin') {
    const lines = (scenario.checkIn ?? DEFAULT_CHECK_IN).reactions;
    const fill = (line: string) => line.replace(/\{commitment\}/g, CHECK_IN_PROMISE);
    const wrong = (
      [
        [kept, lines.kept],
        [excuse, lines.brokenWithExcuse],
        [notYet, lines.honestNotYet],
      ] as const
    ).filter(([t, pool]) => !pool.map(fill).some((line) => t.reply.includes(line.replace(/\{[a-z_]+\}/g, '').slice(0, 12))));
    check(
      "answers each report with the scenario's own check-in reaction",
      wrong.length === 0,
      wrong.length ? wrong.map(([t]) => `"${t.reply}" to ${t.checkInReport}`).join('; ') : 'kept, excuse and not-yet each answered in its own words',
    );
  }
  return figures;
}
