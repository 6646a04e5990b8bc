// The part of the pack's JSON Schema (the one the CLI ships, `portfolio-rules schema`) that applies
// at a path of keys: the keys it allows there, the values it allows, and its description.

export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean | JsonSchema;
  /** The names a map's keys may take (`duties:` by duty). */
  readonly propertyNames?: JsonSchema;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly required?: readonly string[];
  readonly definitions?: Readonly<Record<string, JsonSchema>>;
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
  /** yaml-language-server's: a key completion leaves out. */
  readonly doNotSuggest?: boolean;
}

/** How deep `$ref`s and combinators are followed: the shipped schemas need 4; a cycle stops here. */
const DEPTH = 32;

/** A local `$ref` (`#/definitions/clause`) resolved against the root, or undefined. */
function target(root: JsonSchema, ref: string): JsonSchema | undefined {
  const [, folder, name] = /^#\/(definitions|\$defs)\/(.+)$/.exec(ref) ?? [];
  if (folder === undefined || name === undefined) return undefined;
  return (folder === 'definitions' ? root.definitions : root.$defs)?.[name];
}

/** The schema and every schema it stands for through `$ref`, `anyOf`, `oneOf` and `allOf`. */
function branches(root: JsonSchema, schema: JsonSchema, depth = 0): JsonSchema[] {
  if (depth > DEPTH) return [];
  const referred = schema.$ref === undefined ? undefined : target(root, schema.$ref);
  const inner = [
    ...(referred ? [referred] : []),
    ...(schema.anyOf ?? []),
    ...(schema.oneOf ?? []),
    ...(schema.allOf ?? []),
  ];
  return [schema, ...inner.flatMap((branch) => branches(root, branch, depth + 1))];
}

/** The schemas that apply at `path` (keys, `[]` for a sequence item); none where the schema allows nothing. */
export function schemasAt(root: JsonSchema, path: readonly string[]): JsonSchema[] {
  let current = branches(root, root);
  for (const segment of path) {
    current = current.flatMap((schema): JsonSchema[] => {
      if (segment === '[]') return schema.items ? branches(root, schema.items) : [];
      const property = schema.properties?.[segment];
      if (property) return branches(root, property);
      const other = schema.additionalProperties;
      return typeof other === 'object' ? branches(root, other) : [];
    });
  }
  return current;
}

export interface KeyHint {
  readonly name: string;
  readonly description?: string;
  readonly required: boolean;
}

/** The keys an object may have there, in the schema's order, each once: its properties, then the names its keys may take. */
export function keyHints(root: JsonSchema, schemas: readonly JsonSchema[]): KeyHint[] {
  const hints = new Map<string, KeyHint>();
  const required = new Set(schemas.flatMap((schema) => schema.required ?? []));
  const add = (name: string, description: string | undefined) => {
    if (!hints.has(name))
      hints.set(name, { name, required: required.has(name), ...(description !== undefined && { description }) });
  };
  for (const schema of schemas)
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (property.doNotSuggest === true) continue;
      add(name, property.description ?? schemas.find((other) => other.properties?.[name]?.description)?.description);
    }
  for (const schema of schemas) {
    if (!schema.propertyNames) continue;
    const names = branches(root, schema.propertyNames);
    for (const name of valueHints(names)) add(name, descriptionOf(names));
  }
  return [...hints.values()];
}

/** The values allowed there, as YAML writes them: enumerations, constants and booleans. */
export function valueHints(schemas: readonly JsonSchema[]): string[] {
  const values = new Set<string>();
  for (const schema of schemas) {
    for (const value of [...(schema.enum ?? []), ...(schema.const === undefined ? [] : [schema.const])])
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        values.add(String(value));
    if (schema.type === 'boolean') ['true', 'false'].forEach((value) => values.add(value));
  }
  return [...values];
}

/** The first description there. */
export function descriptionOf(schemas: readonly JsonSchema[]): string | undefined {
  return schemas.find((schema) => schema.description !== undefined)?.description;
}
