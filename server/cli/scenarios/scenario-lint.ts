/**
 * Checks a loaded scenario beyond what the schema can say: things the trust fold would
 * silently ignore or that make a scenario worse to practise with. Errors fail `check`;
 * warnings are printed and let it pass (an author may mean them, e.g. a scaffold's TODOs).
 */
import path from 'node:path';
import { KIND_RUBRIC, POSITIVE_CRITERIA, type Criterion } from '../../practice/criteria.js';
import type { Scenario } from '../../practice/scenarios/scenario-schema.js';
import type { ScenarioProblem } from '../../practice/scenarios/scenario-loader.js';

/** Below this many reaction lines a ten-turn session starts to repeat itself. */
export const MIN_REACTION_LINES = 40;

export interface LintResult {
  errors: ScenarioProblem[];
  warnings: ScenarioProblem[];
}

export function lintScenario(scenario: Scenario, file: string): LintResult {
  const errors: ScenarioProblem[] = [];
  const warnings: ScenarioProblem[] = [];
  const rubric = KIND_RUBRIC[scenario.kind];
  const scored = new Set<Criterion>([...rubric.positive, ...rubric.redFlags]);

  for (const [criterion, weight] of Object.entries(scenario.trust.weights) as [Criterion, number | undefined][]) {
    const field = `trust.weights.${criterion}`;
    if ((POSITIVE_CRITERIA as readonly string[]).includes(criterion) && weight !== undefined && weight < 0) {
      errors.push({ file, field, message: 'a good move must never lower trust (use a weight of 0 or more)' });
    }
    if (!scored.has(criterion)) {
      warnings.push({ file, field, message: `"${criterion}" is not scored in ${scenario.kind} scenarios, so this weight is ignored` });
    }
  }

  scenario.needs.forEach((need, index) => {
    const unlocks = scenario.hiddenConcern?.unlockedBy ?? [];
    if (!scored.has(need.criterion) && !unlocks.includes(need.criterion)) {
      warnings.push({ file, field: `needs.${index}.criterion`, message: `"${need.criterion}" is not scored in ${scenario.kind} scenarios` });
    }
    if (!need.tip) warnings.push({ file, field: `needs.${index}.tip`, message: 'no tip: the coach has nothing to suggest while this need is missing' });
  });

  const concern = scenario.hiddenConcern;
  if (!concern) {
    warnings.push({ file, field: 'hiddenConcern', message: 'no hidden concern: the partner has nothing underneath to reach' });
  } else {
    if (concern.minTrust >= scenario.trust.resolveAt && (concern.requiredToResolve ?? scenario.difficulty === 3)) {
      errors.push({ file, field: 'hiddenConcern.minTrust', message: 'must be below trust.resolveAt, or the scenario can never resolve' });
    }
    const answerable = concern.answeredBy.filter((criterion) => scored.has(criterion) || concern.unlockedBy.includes(criterion));
    if (answerable.length === 0) {
      errors.push({
        file,
        field: 'hiddenConcern.answeredBy',
        message: `none of these moves is read in ${scenario.kind} scenarios, so the hidden concern could never be answered`,
      });
    }
  }

  const count = countReactionLines(scenario);
  if (count < MIN_REACTION_LINES) {
    warnings.push({ file, field: 'reactions', message: `only ${count} reaction lines; aim for ${MIN_REACTION_LINES}+ so a session never repeats` });
  }
  const todos = countPlaceholders(scenario);
  if (todos > 0) warnings.push({ file, field: '(file)', message: `${todos} TODO placeholders left to replace` });
  if (path.basename(file, '.md') !== scenario.id) {
    warnings.push({ file, field: 'id', message: `the id "${scenario.id}" differs from the file name; name the file ${scenario.id}.md` });
  }
  return { errors, warnings };
}

/** Reaction lines plus the hidden concern's reveal lines and the pushback lines: every line the partner can say. */
export function countReactionLines(scenario: Scenario): number {
  let count = (scenario.hiddenConcern?.reveal.length ?? 0) + (scenario.pushback?.length ?? 0);
  for (const byBand of Object.values(scenario.reactions)) {
    for (const texts of Object.values(byBand ?? {})) count += texts?.length ?? 0;
  }
  return count;
}

function countPlaceholders(scenario: Scenario): number {
  return (JSON.stringify(scenario).match(/TODO/g) ?? []).length;
}
