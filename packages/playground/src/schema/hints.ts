// What the pack's JSON Schema (the one `portfolio-rules schema` writes for VS Code's YAML extension)
// offers where the cursor is: the keys allowed there with their bilingual descriptions, the values
// an enumeration allows, and the description of the key under the mouse. Plain data, no editor:
// complete.ts hands it to CodeMirror.
import { descriptionOf, type JsonSchema, keyHints, schemasAt, valueHints } from './lookup';
import { placeAt } from './path';

export interface Completions {
  /** Where the word being replaced starts. */
  readonly from: number;
  readonly options: readonly {
    readonly label: string;
    readonly type: 'property' | 'enum';
    /** What is inserted: `key: ` for a key. */
    readonly apply?: string;
    readonly info?: string;
    /** Required keys first. */
    readonly boost?: number;
  }[];
  /** The characters that keep the same list valid while typing. */
  readonly validFor: RegExp;
}

/** What completion offers at `offset` in `text`: keys (applied as `key: `) or values. */
export function completionsAt(schema: JsonSchema, text: string, offset: number): Completions | null {
  const place = placeAt(text, offset);
  if (place.kind === 'none') return null;
  if (place.kind === 'key') {
    const options = keyHints(schema, schemasAt(schema, place.path)).map((hint) => ({
      label: hint.name,
      type: 'property' as const,
      apply: `${hint.name}: `,
      boost: hint.required ? 1 : 0,
      ...(hint.description !== undefined && { info: hint.description }),
    }));
    return options.length > 0 ? { from: place.from, options, validFor: /^[\w$-]*$/ } : null;
  }
  const schemas = schemasAt(schema, place.key === undefined ? place.path : [...place.path, place.key]);
  const options = valueHints(schemas).map((value) => ({ label: value, type: 'enum' as const }));
  return options.length > 0 ? { from: place.from, options, validFor: /^[\w.-]*$/ } : null;
}

/** The key at `offset` and its description (with the values it allows), or undefined off a key. */
export function hoverAt(
  schema: JsonSchema,
  text: string,
  offset: number,
): { readonly from: number; readonly to: number; readonly text: string } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  const key = /^(\s*(?:-\s+)*)([\w$-]+)\s*:/.exec(line);
  if (!key?.[2]) return undefined;
  const from = lineStart + (key[1]?.length ?? 0);
  const to = from + key[2].length;
  if (offset < from || offset > to) return undefined;
  const place = placeAt(text, to);
  const schemas = schemasAt(schema, [...place.path, key[2]]);
  const description = descriptionOf(schemas);
  if (description === undefined) return undefined;
  const values = valueHints(schemas);
  return { from, to, text: values.length > 0 ? `${description}\n${values.join(' | ')}` : description };
}
