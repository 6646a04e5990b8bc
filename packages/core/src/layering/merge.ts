import type { Source } from '../findings/types';
import { resolveSource, type SourceRef } from '../sources';
import { formatTerm, parseTerm } from '../term';

/** Who set a value: the layer and the clause. */
export interface Provenance {
  readonly layer: string;
  readonly source?: Source;
}

export interface Layer {
  /** `national@2022-08-01`, `overlay:taipei`, `school:magong`. */
  readonly name: string;
  /** How the layer's bare clauses are cited. */
  readonly document: string;
  readonly values: Readonly<Record<string, unknown>>;
}

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Lists whose entries merge by a key instead of being replaced whole. */
/** A window's data terms as codes, so `11102` and `'111-2'` name the same window. */
const termsKey = (terms: unknown) =>
  (Array.isArray(terms) ? terms : []).map((input) => {
    const term = parseTerm(input);
    return term ? formatTerm(term) : String(input);
  });

export const KEYED_LISTS: Readonly<Record<string, (entry: Plain) => string>> = {
  windows: (entry) =>
    `${String(entry.activity)}|${JSON.stringify(entry.semesters ?? [])}|${JSON.stringify(entry.grades ?? [])}|${JSON.stringify(termsKey(entry.terms))}`,
  rules: (entry) => String(entry.id),
  'governance.trainings': (entry) => `${String(entry.audience)}|${(entry.kind as string | undefined) ?? 'training'}`,
};

/** Lists every layer adds to: an upper layer's entries come after the lower layer's and never replace them (a bound holds whatever a school writes). */
export const APPENDED_LISTS: ReadonlySet<string> = new Set(['windowBounds']);

/** Keys that describe a layer itself and are never inherited. */
export const OWN_KEYS = new Set([
  '$schema',
  'id',
  'kind',
  'name',
  'school',
  'document',
  'version',
  'extends',
  'adopted',
  'appliesFrom',
  'appliesUntil',
  // The document's own text: a school's clauses are not its overlay's.
  'clauseNumbering',
  'clauses',
  'annexes',
]);

export interface Merged {
  readonly values: Plain;
  readonly provenance: Readonly<Record<string, Provenance>>;
}

/**
 * Merges layers bottom to top into one set of values, recording for every value the layer and
 * clause that set it. Maps merge key by key; lists are replaced whole, except the keyed lists
 * (windows, custom rules, trainings), whose entries replace the lower layer's entry with the same key,
 * and the appended lists (window bounds), to which every layer adds.
 */
export function mergeLayers(layers: readonly Layer[]): Merged {
  const provenance = new Map<string, Provenance>();
  /** The paths recorded right below each path: forgetting what a value held costs its own size, not the pack's. */
  const below = new Map<string, string[]>();

  const top = layers.at(-1);

  /**
   * Records a value set by a layer; an object's own `source:` cites it and everything inside it, so
   * that everything inside a value shares its entry unless it names a clause of its own.
   */
  const record = (
    path: string,
    parent: string | undefined,
    layer: Layer,
    inherited: SourceRef | undefined,
    value: unknown,
    cited?: Provenance,
  ): void => {
    const own = isPlain(value) ? (value.source as SourceRef | undefined) : undefined;
    const source = own ?? inherited;
    let entry = own === undefined ? cited : undefined;
    if (!entry) {
      const resolved = resolveSource(source, layer.document);
      entry = { layer: layer.name, ...(resolved && { source: resolved }) };
    }
    provenance.set(path, entry);
    // Nothing above the top layer replaces what it records: only the layers below need the index.
    if (parent !== undefined && layer !== top) {
      const siblings = below.get(parent);
      if (siblings) siblings.push(path);
      else below.set(parent, [path]);
    }
    if (isPlain(value)) {
      for (const [key, inner] of Object.entries(value)) record(`${path}.${key}`, path, layer, source, inner, entry);
    } else if (Array.isArray(value)) {
      value.forEach((inner, index) => record(`${path}.${index}`, path, layer, source, inner, entry));
    }
  };

  /** Drops what a lower layer recorded below a value an upper layer replaces whole. */
  const forget = (path: string): void => {
    const children = below.get(path);
    if (!children) return;
    below.delete(path);
    for (const child of children) {
      provenance.delete(child);
      forget(child);
    }
  };

  const mergeInto = (
    target: Plain,
    incoming: Plain,
    layer: Layer,
    prefix: string,
    inherited: SourceRef | undefined,
  ): Plain => {
    const result: Plain = { ...target };
    const source = (incoming.source as SourceRef | undefined) ?? inherited;
    const parent = prefix === '' ? undefined : prefix;
    for (const [key, value] of Object.entries(incoming)) {
      if (prefix === '' && OWN_KEYS.has(key)) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      const keyOf = KEYED_LISTS[path];
      const current = result[key];
      if (APPENDED_LISTS.has(path) && Array.isArray(value)) {
        const before = Array.isArray(current) ? (current as unknown[]) : [];
        result[key] = [...before, ...(value as unknown[])];
        value.forEach((entry, index) => record(`${path}.${before.length + index}`, path, layer, source, entry));
      } else if (keyOf && Array.isArray(value)) {
        const entries = Array.isArray(current) ? [...(current as Plain[])] : [];
        // Where each key stands: its first entry, as a search from the start would find it.
        const places = new Map<string, number>();
        entries.forEach((entry, index) => {
          const entryKey = keyOf(entry);
          if (!places.has(entryKey)) places.set(entryKey, index);
        });
        for (const entry of value as Plain[]) {
          const entryKey = keyOf(entry);
          const index = places.get(entryKey);
          if (index !== undefined) entries[index] = entry;
          else places.set(entryKey, entries.push(entry) - 1);
        }
        result[key] = entries;
        const written = new Set(value as Plain[]);
        entries.forEach((entry, index) => {
          if (!written.has(entry)) return;
          forget(`${path}.${index}`);
          record(`${path}.${index}`, path, layer, source, entry);
        });
      } else if (isPlain(value) && isPlain(current)) {
        result[key] = mergeInto(current, value, layer, path, source);
      } else {
        result[key] = value;
        forget(path);
        record(path, parent, layer, source, value);
      }
    }
    return result;
  };

  let values: Plain = {};
  for (const layer of layers) values = mergeInto(values, layer.values, layer, '', undefined);
  return { values, provenance: Object.fromEntries(provenance) };
}

/** The layer and clause that set the value at a path, or at the nearest path above it. */
export function provenanceOf(provenance: Readonly<Record<string, Provenance>>, path: string): Provenance | undefined {
  let current = path;
  for (;;) {
    const found = provenance[current];
    if (found) return found;
    const dot = current.lastIndexOf('.');
    if (dot < 0) return undefined;
    current = current.slice(0, dot);
  }
}

export function valueAtPath(values: unknown, path: string): unknown {
  let current = values;
  for (const segment of path.split('.')) {
    if (!isPlain(current) && !Array.isArray(current)) return undefined;
    current = (current as Plain)[segment];
  }
  return current;
}
