import path from 'node:path';

/** Scenario files owned by the tests, so shipped scenarios can change without breaking them. */
export const FIXTURE_SCENARIOS = path.resolve(import.meta.dirname, '../fixtures/scenarios');
export const OPENAI_FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/openai');
