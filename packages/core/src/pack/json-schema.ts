import { editorJsonSchema, walkJsonSchema } from '../_lib/json-schema';
import { IDS_META } from '../duties/schema';
import { ROLES } from '../roles';
import { COMMON_UNITS } from '../units';
import { PackSchema } from './schema';

export interface PackJsonSchemaOptions {
  /**
   * The units a school's pack declares (`units:`). Given, owners and deputies must be one of the
   * known ids — the common units, the roles and these — so that the editor flags a misspelt
   * `registraton` as `validate` does (PR5012). Left out (the schema core ships, for any pack), the
   * known ids are offered for completion and any identifier is accepted.
   */
  readonly units?: readonly string[];
  /** The roles it declares (`roles:`): owners, deputies and the roles of `permissions:` may name them. */
  readonly roles?: readonly string[];
}

/**
 * The pack's JSON Schema, for editors (yaml-language-server) and other tools. Generated from the
 * same zod schema the loader uses; the committed packages/core/pack.schema.json is checked against it.
 */
export function packJsonSchema(options: PackJsonSchemaOptions = {}): Record<string, unknown> {
  const schema = editorJsonSchema(PackSchema);
  const units = [...new Set([...Object.keys(COMMON_UNITS), ...(options.units ?? [])])];
  walkJsonSchema(schema, (node) => {
    const ids = node[IDS_META];
    if (ids === undefined) return;
    Reflect.deleteProperty(node, IDS_META);
    const roles = [...ROLES, ...(options.roles ?? [])];
    const known = ids === 'unit' ? units : ids === 'role' ? roles : [...units, ...roles];
    if (options.units) {
      for (const key of ['type', 'pattern', 'patternErrorMessage']) Reflect.deleteProperty(node, key);
      node.enum = known;
    } else {
      const { description, ...identifier } = node;
      for (const key of Object.keys(node)) Reflect.deleteProperty(node, key);
      Object.assign(node, { description, anyOf: [{ enum: known }, identifier] });
    }
  });
  const properties = (schema as { properties?: Record<string, Record<string, unknown>> }).properties;
  // The modeline comment names the schema; a `$schema:` key is allowed but never offered.
  if (properties?.$schema) properties.$schema.doNotSuggest = true;
  return schema;
}
