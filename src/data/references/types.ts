/**
 * The catalogue's types, inferred from the zod schema in `schema.ts`, so the
 * shape is written once and the type cannot drift from what is validated.
 */
import type * as z from 'zod';
import type {referenceSchema} from './schema';

export type Reference = z.infer<typeof referenceSchema>;
export type Status = Reference['status'];
/** The public evidence a status rests on. */
export type Evidence = Status['evidence'];
