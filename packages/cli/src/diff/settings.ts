import { type EffectivePack, jsonOf, provenanceOf, type Source, unreachable } from '@portfolio-rules/core/internal';

/**
 * One setting of an effective pack: a value the rules set, with a key that names it whatever its
 * place in a list (`windows[courseOutcomeUpload|2|3].closes`), the object around it (for the words:
 * a cap's `per`, a window's activity), who set it and the clause it rests on.
 */
export interface Setting {
  /** Stable across versions: list entries are keyed by what they are about, not by their index. */
  readonly key: string;
  /** The section and the name of the setting inside its object: `caps`, `max`. */
  readonly section: string;
  readonly name: string;
  readonly value: unknown;
  /** The object that holds the value (a cap, a window, a duty). */
  readonly holder: Readonly<Record<string, unknown>>;
  /** The path of the holder in the effective values, index paths and all: `windows.3`, `duties.basicData`. */
  readonly holderPath: readonly string[];
  readonly layer: string;
  readonly source?: Source;
}

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const list = (value: unknown) => (Array.isArray(value) ? value.join('+') : '');

/**
 * Lists whose entries are matched by what they are about (the fields named here, which are the
 * entry's identity rather than settings of it), so that reordering them is no amendment.
 */
const KEYED_LISTS: Readonly<Record<string, readonly string[]>> = {
  windows: ['activity', 'semesters', 'grades', 'terms'],
  windowBounds: ['activity', 'semesters', 'grades', 'terms'],
  'governance.trainings': ['audience', 'kind'],
  rules: ['id'],
  'permissions.narrow': ['role', 'permission'],
  'permissions.grant': ['role', 'permission'],
};

/** A pack value as the words show it: text as it is, anything else as its JSON. */
export const textOf = (value: unknown): string => (typeof value === 'string' ? value : (jsonOf(value) ?? 'undefined'));

const keyOf = (fields: readonly string[], entry: Plain) =>
  fields.map((field) => (Array.isArray(entry[field]) ? list(entry[field]) : textOf(entry[field] ?? ''))).join('|');

/** Sections that are no rule: the pack's remarks and its own document (compared as text). */
const SKIPPED = new Set(['notes', 'clauses', 'annexes', 'clauseNumbering', 'adopted', 'appliesFrom', 'appliesUntil']);

/** Every setting of the effective pack, in its order. */
export function settingsOf(effective: EffectivePack): Setting[] {
  const settings: Setting[] = [];
  const visit = (
    holder: Plain,
    key: string,
    keyPath: string,
    holderPath: readonly string[],
    identity: readonly string[] = [],
  ) => {
    for (const [name, value] of Object.entries(holder)) {
      if (name === 'source' || identity.includes(name) || (holderPath.length === 0 && SKIPPED.has(name))) continue;
      const path = [...holderPath, name];
      const childKey = key ? `${key}.${name}` : name;
      const childKeyPath = keyPath ? `${keyPath}.${name}` : name;
      const fields = KEYED_LISTS[childKeyPath];
      if (Array.isArray(value) && fields && value.every(isPlain)) {
        value.forEach((entry, index) =>
          visit(entry, `${childKey}[${keyOf(fields, entry)}]`, `${childKeyPath}[]`, [...path, String(index)], fields),
        );
      } else if (isPlain(value) && !isLeafObject(childKeyPath)) {
        visit(value, childKey, childKeyPath, path);
      } else {
        const provenance = provenanceOf(effective.provenance, path.join('.'));
        settings.push({
          key: childKey,
          section: path[0] ?? unreachable(`section of ${key}`),
          name,
          value,
          holder,
          holderPath,
          layer: provenance?.layer ?? effective.national.layer,
          ...(provenance?.source && { source: provenance.source }),
        });
      }
    }
  };
  visit(effective.values, '', '', []);
  return settings;
}

/** Objects read as one value: a date rule (`{ anchor, weeks }`), a unit's or a declared role's definition, a custom rule's condition and message. */
function isLeafObject(keyPath: string): boolean {
  return (
    /(^|\.)(opens|closes|closesAfter)$/.test(keyPath) ||
    /^units\.[^.]+$/.test(keyPath) ||
    /^roles\.[^.]+$/.test(keyPath) ||
    /^rules\[\]\.(when|message)$/.test(keyPath)
  );
}
