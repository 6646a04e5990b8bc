import { type Pack, resolveSource, type Source, type SourceRef } from '@portfolio-rules/core';

/** One side of a rule: its key path, its value (without its `source`) and the clause that holds it. */
export interface RuleText {
  /** The rule's key path, e.g. `caps.courseOutcome.upload`, `windows[courseOutcomeUpload]`. */
  readonly path: string;
  readonly value: unknown;
  readonly source?: Source;
}

/** One difference inside a changed rule: a value, relative to the rule (`max`, `opens.weeks`; `''` for the rule itself). */
export interface Detail {
  readonly path: string;
  readonly from?: unknown;
  readonly to?: unknown;
}

/**
 * A rule that differs between the current pack and the amended one: one row of the amendment table.
 * `replaced`: a rule deleted and another added under the same clause (新竹 八: the parents' notice
 * became the sealing of graduates' records), shown side by side as the clause's amendment.
 */
export interface Change {
  readonly kind: 'added' | 'removed' | 'changed' | 'replaced';
  readonly amended?: RuleText;
  readonly current?: RuleText;
  readonly details: readonly Detail[];
}

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Keys that describe the pack itself (the table's header shows some of them) and its text: they are no rows. */
const IDENTITY_KEYS = new Set([
  '$schema',
  'id',
  'kind',
  'name',
  'school',
  'document',
  'version',
  'adopted',
  'appliesFrom',
  'appliesUntil',
  // The document's own text (clauses, annexes) is what the rows are about, not a rule of its own.
  'clauseNumbering',
  'clauses',
  'annexes',
]);

/** Lists whose entries are matched by a key, so that reordering them is no amendment. */
const KEYED_LISTS: Readonly<Record<string, (entry: Plain) => string>> = {
  windows: (entry) =>
    [
      entry.activity,
      entry.semesters && `semesters:${String(entry.semesters)}`,
      entry.grades && `grades:${String(entry.grades)}`,
    ]
      .filter(Boolean)
      .join(' '),
  rules: (entry) => String(entry.id),
  'governance.trainings': (entry) => [entry.audience, entry.kind].filter(Boolean).join(' '),
  notes: (entry) => String(entry.text),
};

interface Unit {
  readonly path: string;
  readonly value: unknown;
  readonly source?: SourceRef;
}

const withoutSource = (value: unknown): unknown => {
  if (!isPlain(value)) return value;
  const { source: _source, ...rest } = value;
  return rest;
};

const hasSourceInside = (value: unknown): boolean =>
  isPlain(value)
    ? 'source' in value || Object.values(value).some(hasSourceInside)
    : Array.isArray(value) && value.some(hasSourceInside);

/**
 * The rules of a pack, each with the clause that holds it: an entry that names its own `source`,
 * else a section's entry (`units.registration`), else a single value. Keyed lists are matched by key.
 * `stops` are paths taken as one rule whatever lies below them.
 */
function unitsOf(pack: Pack, stops: ReadonlySet<string> = new Set()): Unit[] {
  const units: Unit[] = [];
  const visit = (
    value: unknown,
    path: string,
    keyPath: string,
    depth: number,
    inherited: SourceRef | undefined,
  ): void => {
    const own = isPlain(value) ? (value.source as SourceRef | undefined) : undefined;
    const keyOf = KEYED_LISTS[keyPath];
    if (keyOf && Array.isArray(value)) {
      for (const entry of value) {
        const plain = isPlain(entry) ? entry : { value: entry };
        visit(entry, `${path}[${keyOf(plain)}]`, `${keyPath}[]`, depth + 1, inherited);
      }
      return;
    }
    const atRule =
      stops.has(path) ||
      (isPlain(value) && depth >= 1 && (own !== undefined || (depth >= 2 && !hasSourceInside(value))));
    if (!isPlain(value) || atRule) {
      units.push({
        path,
        value: withoutSource(value),
        ...((own ?? inherited) !== undefined && { source: own ?? inherited }),
      });
      return;
    }
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'source' || (depth === 0 && IDENTITY_KEYS.has(key))) continue;
      visit(inner, path ? `${path}.${key}` : key, keyPath ? `${keyPath}.${key}` : key, depth + 1, own ?? inherited);
    }
  };
  visit(pack, '', '', 0, undefined);
  return units;
}

/** JSON with sorted keys: equal values, equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isPlain(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

function leaves(value: unknown, path: string, out: Map<string, unknown>): Map<string, unknown> {
  if (isPlain(value) && Object.keys(value).length > 0) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, path ? `${path}.${key}` : key, out);
  } else {
    out.set(path, value);
  }
  return out;
}

function details(current: RuleText, amended: RuleText): Detail[] {
  const before = leaves(current.value, '', new Map());
  const after = leaves(amended.value, '', new Map());
  const paths = [...new Set([...after.keys(), ...before.keys()])];
  const changed: Detail[] = paths
    .filter((path) => canonical(before.get(path)) !== canonical(after.get(path)))
    .map((path) => ({
      path,
      ...(before.has(path) && { from: before.get(path) }),
      ...(after.has(path) && { to: after.get(path) }),
    }));
  const clause = (text: RuleText) => text.source?.clause;
  if (clause(current) !== clause(amended))
    changed.push({
      path: 'source',
      ...(clause(current) && { from: clause(current) }),
      ...(clause(amended) && { to: clause(amended) }),
    });
  return changed;
}

/**
 * Compares two versions of a pack rule by rule: what the amendment table (修正條文 / 現行條文 / 說明)
 * lists. Rules are matched by key path; the order is the amended pack's, deleted rules placed after
 * the last rule of their section.
 */
export function compareRules(current: Pack, amended: Pack): Change[] {
  const text = (unit: Unit, pack: Pack): RuleText => {
    const source = resolveSource(unit.source, pack.document);
    return { path: unit.path, value: unit.value, ...(source && { source }) };
  };
  // Where one version splits a rule the other keeps whole (a clause added to one entry), compare the whole.
  const paths = [...unitsOf(current), ...unitsOf(amended)].map((unit) => unit.path);
  const stops = new Set(
    paths.filter((path) => paths.some((other) => other.startsWith(`${path}.`) || other.startsWith(`${path}[`))),
  );
  const before = new Map(unitsOf(current, stops).map((unit) => [unit.path, text(unit, current)]));
  const after = new Map(unitsOf(amended, stops).map((unit) => [unit.path, text(unit, amended)]));
  const order = [...after.keys()];
  for (const path of before.keys()) {
    if (after.has(path)) continue;
    const section = path.split(/[.[]/)[0];
    const last = order.map((other) => other.split(/[.[]/)[0]).lastIndexOf(section ?? '');
    order.splice(last < 0 ? order.length : last + 1, 0, path);
  }
  const changes: Change[] = [];
  for (const path of order) {
    const was = before.get(path);
    const is = after.get(path);
    if (was && is) {
      const found = details(was, is);
      if (found.length > 0) changes.push({ kind: 'changed', amended: is, current: was, details: found });
    } else if (is) {
      changes.push({ kind: 'added', amended: is, details: [] });
    } else if (was) {
      changes.push({ kind: 'removed', current: was, details: [] });
    }
  }
  return pairByClause(changes);
}

const clauseKey = (text: RuleText | undefined) =>
  text?.source ? `${text.source.document}|${text.source.clause}` : undefined;

/** Joins a deleted rule and an added rule of the same clause into one row, the added rule's place. */
function pairByClause(changes: readonly Change[]): Change[] {
  const removed = changes.filter((change) => change.kind === 'removed' && clauseKey(change.current) !== undefined);
  const used = new Set<Change>();
  const paired = changes.map((change) => {
    if (change.kind !== 'added' || clauseKey(change.amended) === undefined) return change;
    const partner = removed.find(
      (candidate) => !used.has(candidate) && clauseKey(candidate.current) === clauseKey(change.amended),
    );
    if (!partner) return change;
    used.add(partner);
    return { kind: 'replaced' as const, amended: change.amended, current: partner.current, details: [] };
  });
  return paired.filter((change) => !used.has(change));
}
