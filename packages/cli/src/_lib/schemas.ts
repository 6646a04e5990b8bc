// The JSON Schemas editors read (yaml-language-server, through the `$schema` line atop each file):
// one per kind of file a school keeps, written into the school's own folder so that the line
// resolves wherever the folder is and whichever package manager installed the CLI.
import { dirname, join, relative } from 'node:path';
import {
  calendarJsonSchema,
  type FindingBase,
  loadPack,
  packJsonSchema,
  type PackJsonSchemaOptions,
  scenarioJsonSchema,
} from '@portfolio-rules/core';
import { readText, writeText } from './files';

export const SCHEMA_KINDS = ['pack', 'scenario', 'calendar'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

const GENERATORS: Readonly<Record<SchemaKind, (options: PackJsonSchemaOptions) => Record<string, unknown>>> = {
  pack: packJsonSchema,
  scenario: () => scenarioJsonSchema(),
  calendar: () => calendarJsonSchema(),
};

/** The folder of a school's folder that holds its schemas. */
export const SCHEMAS_FOLDER = 'schemas';

/** The schema's text: without options, byte for byte the `<kind>.schema.json` core ships. */
export function schemaText(kind: SchemaKind, options: PackJsonSchemaOptions = {}): string {
  return `${JSON.stringify(GENERATORS[kind](options), null, 2)}\n`;
}

/** Where a school's folder keeps the schema of a kind, relative to the folder. */
export function schemaPath(kind: SchemaKind): string {
  return join(SCHEMAS_FOLDER, `${kind}.schema.json`);
}

/**
 * Writes the three schemas into `<school>/schemas/`; the files written, or the first that could not
 * be. The pack schema is the school's own: owners and deputies must be a known unit or role or one
 * its `pack.yaml` declares under `units:` (run again after declaring one).
 */
export async function writeSchemas(
  cwd: string,
  school: string,
): Promise<{ readonly written: readonly string[] } | { readonly finding: FindingBase }> {
  const pack = await readText(cwd, join(school, 'pack.yaml'));
  const loaded = 'text' in pack ? loadPack(pack.text).pack : undefined;
  const options = { units: Object.keys(loaded?.units ?? {}), roles: Object.keys(loaded?.roles ?? {}) };
  const written: string[] = [];
  for (const kind of SCHEMA_KINDS) {
    const file = join(school, schemaPath(kind));
    const finding = await writeText(cwd, file, schemaText(kind, options));
    if (finding) return { finding };
    written.push(file);
  }
  return { written };
}

const MODELINE = /^# yaml-language-server: \$schema=.*$/m;

/**
 * The text with its `$schema` line pointing at the school's own schema of its kind: `file` is where
 * the text goes, relative to the school's folder (`pack.yaml`, `scenarios/00-validate.yaml`). A text
 * without the line gets one on top.
 */
export function withModeline(text: string, file: string, kind: SchemaKind): string {
  const target = relative(dirname(file), schemaPath(kind)).split('\\').join('/');
  const line = `# yaml-language-server: $schema=${target}`;
  return MODELINE.test(text) ? text.replace(MODELINE, line) : `${line}\n${text}`;
}

/** The kind of a file of a school's folder, by where it sits: its scenarios, its calendar(s), else a pack. */
export function kindOf(file: string): SchemaKind {
  const parts = file.split(/[\\/]/);
  if (parts.includes('scenarios')) return 'scenario';
  return /calendar/i.test(parts.at(-1) ?? '') ? 'calendar' : 'pack';
}
