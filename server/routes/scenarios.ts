/** The scenario library: the list, and one scenario's public face (no reaction lines). */
import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { AppError } from '../errors.js';
import type { Scenario } from '../practice/scenarios/scenario-schema.js';
import type { ApiScenarioDetail, ApiScenarioSummary } from '../api/schemas.js';

export function scenarioSummary(scenario: Scenario): ApiScenarioSummary {
  return {
    id: scenario.id,
    title: scenario.title,
    kind: scenario.kind,
    difficulty: scenario.difficulty,
    setting: scenario.setting,
    summary: scenario.summary,
    partner: { name: scenario.partner.name, relationship: scenario.partner.relationship, temperament: scenario.partner.temperament },
  };
}

export function scenarioRoutes(ctx: AppContext) {
  return new Hono()
    .get('/', (c) => c.json(ctx.scenarios.list().map(scenarioSummary)))
    .get('/:id', (c) => {
      // The general partners of imported conversations are not in the library, but their sessions show them.
      const scenario = ctx.scenarios.played(c.req.param('id'));
      if (!scenario) throw new AppError('not_found', `no scenario with id "${c.req.param('id')}"`);
      // What a person sees before starting; what the partner hides (the concern, the lines) stays server-side.
      const detail: ApiScenarioDetail = {
        ...scenarioSummary(scenario),
        partner: { ...scenarioSummary(scenario).partner, age: scenario.partner.age ?? null, voice: scenario.partner.voice, opening: scenario.partner.opening },
        situation: { yourSide: scenario.situation.yourSide },
        turnBudget: scenario.turnBudget,
        trust: { start: scenario.trust.start, resolveAt: scenario.trust.resolveAt },
      };
      return c.json(detail);
    });
}
