import { expect } from 'vitest';

/**
 * `expect.objectContaining` for a matcher inside an expected object. vitest types its asymmetric
 * matchers `any`, which would make the enclosing object an unchecked `any` assignment; to the type
 * system a matcher is an `unknown` value, and so it is here.
 */
export const containing = (expected: Readonly<Record<string, unknown>>): unknown => expect.objectContaining(expected);
