/**
 * The twelve rubric criteria (see RUBRIC-CRITERIA.md): the one vocabulary shared by the
 * scorers, the partner's trust model, the datasets and the API. The ids and words live in
 * rubric.ts (dependency-free, shared with the web page); this module adds their schemas.
 */
import { z } from 'zod';
import { CRITERIA, KINDS } from './rubric.js';

export * from './rubric.js';

export const criterionSchema = z.enum(CRITERIA);
export const kindSchema = z.enum(KINDS);
