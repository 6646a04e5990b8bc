import * as z from 'zod';
import { PackSchema } from './schema';

/**
 * The pack's JSON Schema, for editors (yaml-language-server) and other tools. Generated from the
 * same zod schema the loader uses; the committed packages/core/pack.schema.json is checked against it.
 */
export function packJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PackSchema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}
