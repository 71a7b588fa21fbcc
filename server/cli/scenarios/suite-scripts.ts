/**
 * The partner-suite scripts (`evals/suites/scripts/<scenario-id>.yaml`): for each scenario a
 * `strong` conversation that should resolve within its turn budget and an `excuses` one that
 * never should. This module reads them and plays them through a labeller (the offline
 * scorer in practice) and the built-in partner, reporting what the partner did each turn.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { KIND_RUBRIC, type Criterion } from '../../practice/criteria.js';
import type { Labeller } from '../../practice/partner/builtin-partner.js';
import type { LabelledTurn } from '../../practice/partner/partner-state.js';
import { planReplies } from '../../practice/partner/reaction-picker.js';
import type { Scenario } from '../../practice/scenarios/scenario-schema.js';

export const DEFAULT_SCRIPT_DIR = 'evals/suites/scripts';

export const suiteScriptSchema = z
  .object({
    strong: z.array(z.string().trim().min(1)).min(1),
    excuses: z.array(z.string().trim().min(8)).min(8),
  })
  .strict();
export type SuiteScript = z.infer<typeof suiteScriptSchema>;

export async function readSuiteScript(dir: string, scenarioId: string): Promise<SuiteScript> {
  const file = path.join(dir, `${scenarioId}.yaml`);
  const parsed = suiteScriptSchema.safeParse(parse(await readFile(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  return parsed.data;
}

export interface PlayedTurn {
  text: string;
  labels: Criterion[];
  trustBefore: number;
  trustAfter: number;
  reply: string;
}

export interface PlayedScript {
  turns: PlayedTurn[];
  trustPath: number[];
  /** 1-based turn at which the partner resolved, if it did. */
  resolvedAt?: number;
  hiddenConcernAt?: number;
}

/** Plays the person's turns in order; each is labelled with the partner's previous line as context. */
export async function playScript(scenario: Scenario, texts: readonly string[], label: Labeller): Promise<PlayedScript> {
  const labelled: LabelledTurn[] = [];
  let context = scenario.partner.opening;
  for (const text of texts) {
    labelled.push({ text, ...(await label({ kind: scenario.kind, context, reply: text })) });
    context = planReplies(scenario, labelled).at(-1)!.text;
  }
  const replies = planReplies(scenario, labelled);
  const turns = replies.map((reply, index) => ({
    text: labelled[index]!.text,
    labels: labelled[index]!.labels,
    trustBefore: reply.state.last!.trustBefore,
    trustAfter: reply.state.last!.trustAfter,
    reply: reply.text,
  }));
  const resolvedIndex = replies.findIndex((reply) => reply.state.resolved);
  const concernIndex = replies.findIndex((reply) => reply.state.hiddenConcernReached);
  return {
    turns,
    trustPath: replies.at(-1)?.state.trustPath ?? [scenario.trust.start],
    ...(resolvedIndex >= 0 ? { resolvedAt: resolvedIndex + 1 } : {}),
    ...(concernIndex >= 0 ? { hiddenConcernAt: concernIndex + 1 } : {}),
  };
}

/**
 * What a script must show: strong resolves within budget; excuses never resolves; and turn
 * by turn, a clean good move (ownership, or a reflection when listening) raises trust while
 * a clean deflection (blame, or advice when listening) lowers it. "Clean" means the turn has
 * no move of the other sign, whose weight could rightly outweigh it.
 */
export function judgeScripts(scenario: Scenario, strong: PlayedScript, excuses: PlayedScript): string[] {
  const failures: string[] = [];
  if (strong.resolvedAt === undefined) failures.push(`strong: never resolved (trust ${strong.trustPath.join('→')}, needs ${scenario.trust.resolveAt})`);
  else if (strong.resolvedAt > scenario.turnBudget) failures.push(`strong: resolved at turn ${strong.resolvedAt}, over the budget of ${scenario.turnBudget}`);
  if (excuses.resolvedAt !== undefined) failures.push(`excuses: resolved at turn ${excuses.resolvedAt}`);

  const listening = scenario.kind === 'listening';
  const good: Criterion = listening ? 'reflects' : 'takes_responsibility';
  const bad: Criterion = listening ? 'gives_unsolicited_advice' : 'shifts_blame';
  const redFlags = KIND_RUBRIC[scenario.kind].redFlags as readonly Criterion[];
  const positives = KIND_RUBRIC[scenario.kind].positive as readonly Criterion[];
  for (const [which, played] of [['strong', strong], ['excuses', excuses]] as const) {
    played.turns.forEach((turn, index) => {
      const flagged = turn.labels.some((label) => redFlags.includes(label));
      const praised = turn.labels.some((label) => positives.includes(label));
      if (turn.labels.includes(good) && !flagged && turn.trustAfter <= turn.trustBefore && turn.trustBefore < 100) {
        failures.push(`${which} turn ${index + 1}: ${good} did not raise trust (${turn.trustBefore}→${turn.trustAfter})`);
      }
      if (turn.labels.includes(bad) && !praised && turn.trustAfter >= turn.trustBefore && turn.trustBefore > 0) {
        failures.push(`${which} turn ${index + 1}: ${bad} did not lower trust (${turn.trustBefore}→${turn.trustAfter})`);
      }
    });
  }
  return failures;
}
