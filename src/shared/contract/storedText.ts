import { z } from 'zod';

/**
 * Text the store keeps under a "not empty" CHECK. SQLite's length() stops at a NUL, so "\u0000x"
 * passes a JavaScript check and then fails the store's, which came back as "internal" (found by the
 * XSS run through the comment door); refused here instead, naming the field like every other rule.
 */
export const storedText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !v.includes('\u0000'), 'must not contain a NUL character');
