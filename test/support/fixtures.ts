import path from 'node:path';

/** Scenario files owned by the tests, so shipped scenarios can change without breaking them. */
export const FIXTURE_SCENARIOS = path.resolve(import.meta.dirname, '../fixtures/scenarios');
/** Real recorded OpenAI streams (Apache-2.0, from vercel/ai; see the folder's README). */
export const OPENAI_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/openai');
/** The rubric every scorer uses, as the project keeps it in docs/. */
export const RUBRIC_FILE = path.resolve(import.meta.dirname, '../../docs/rubric-criteria.md');
