import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveSource, type SourceRef } from '../sources';
import { propertyOptions } from '../../test/arbitraries';
import { APPENDED_LISTS, KEYED_LISTS, type Layer, mergeLayers, type Merged, OWN_KEYS, type Provenance } from './merge';

// mergeLayers keeps, for each value it forgets, an index of what was recorded below it, and finds
// keyed entries by a map: linear in the pack. The reference below is the first version, which
// searched every recorded path and every entry (5,000 custom rules took 49.5 s to merge); both must
// give the same values and the same provenance, in the same order, on any layers.

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function referenceMerge(layers: readonly Layer[]): Merged {
  const provenance: Record<string, Provenance> = {};

  /** Records a value set by a layer; an object's own `source:` cites it and everything inside it. */
  const record = (path: string, layer: Layer, inherited: SourceRef | undefined, value: unknown): void => {
    const source = (isPlain(value) ? (value.source as SourceRef | undefined) : undefined) ?? inherited;
    const resolved = resolveSource(source, layer.document);
    provenance[path] = { layer: layer.name, ...(resolved && { source: resolved }) };
    if (isPlain(value)) {
      for (const [key, inner] of Object.entries(value)) record(`${path}.${key}`, layer, source, inner);
    } else if (Array.isArray(value)) {
      value.forEach((inner, index) => record(`${path}.${index}`, layer, source, inner));
    }
  };

  /** Drops what a lower layer recorded below a value an upper layer replaces whole. */
  const forget = (path: string): void => {
    for (const stale of Object.keys(provenance)) if (stale.startsWith(`${path}.`)) delete provenance[stale];
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
    for (const [key, value] of Object.entries(incoming)) {
      if (prefix === '' && OWN_KEYS.has(key)) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      const keyOf = KEYED_LISTS[path];
      const current = result[key];
      if (APPENDED_LISTS.has(path) && Array.isArray(value)) {
        const before = Array.isArray(current) ? (current as unknown[]) : [];
        result[key] = [...before, ...(value as unknown[])];
        value.forEach((entry, index) => record(`${path}.${before.length + index}`, layer, source, entry));
      } else if (keyOf && Array.isArray(value)) {
        const entries = Array.isArray(current) ? [...(current as Plain[])] : [];
        for (const entry of value as Plain[]) {
          const index = entries.findIndex((existing) => keyOf(existing) === keyOf(entry));
          if (index >= 0) entries[index] = entry;
          else entries.push(entry);
        }
        result[key] = entries;
        entries.forEach((entry, index) => {
          if (!(value as Plain[]).includes(entry)) return;
          forget(`${path}.${index}`);
          record(`${path}.${index}`, layer, source, entry);
        });
      } else if (isPlain(value) && isPlain(current)) {
        result[key] = mergeInto(current, value, layer, path, source);
      } else {
        result[key] = value;
        forget(path);
        record(path, layer, source, value);
      }
    }
    return result;
  };

  let values: Plain = {};
  for (const layer of layers) values = mergeInto(values, layer.values, layer, '', undefined);
  return { values, provenance };
}

const key = fc.constantFrom('a', 'b', 'c', 'source', 'max', 'id', 'activity');
const scalar = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', '一(三)', 'pdf'));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(key, tie('node'), { maxKeys: 3 }),
  ),
})).node;
const entry = fc.record({ id: fc.constantFrom('r1', 'r2', 'r3'), when: value }, { requiredKeys: ['id'] });
const window = fc.record(
  {
    activity: fc.constantFrom('courseOutcomeUpload', 'receiptConfirmation'),
    grades: fc.constantFrom([1], [3]),
    closes: value,
  },
  { requiredKeys: ['activity'] },
);
const layerValues = fc.record(
  {
    id: scalar,
    caps: fc.dictionary(key, value, { maxKeys: 3 }),
    files: value,
    rules: fc.array(entry, { maxLength: 5 }),
    windows: fc.array(window, { maxLength: 4 }),
    windowBounds: fc.array(value, { maxLength: 3 }),
    governance: fc.record(
      {
        trainings: fc.array(fc.record({ audience: fc.constantFrom('all', 'teachers'), hours: value }), {
          maxLength: 3,
        }),
        a: value,
      },
      { requiredKeys: [] },
    ),
    notes: value,
  },
  { requiredKeys: [] },
);
const layers = fc
  .array(fc.record({ values: layerValues, document: fc.constantFrom('作業要點', '馬公補充規定') }), {
    minLength: 1,
    maxLength: 4,
  })
  .map((items) => items.map((item, index): Layer => ({ name: `layer${index}`, ...item })));

const inOrder = (merged: Merged) => [JSON.stringify(merged.values), Object.entries(merged.provenance)];

describe('mergeLayers against the reference merge', () => {
  it('gives the same values and provenance, in the same order, on any layers', () => {
    fc.assert(
      fc.property(layers, (generated) => {
        expect(inOrder(mergeLayers(generated))).toEqual(inOrder(referenceMerge(generated)));
      }),
      propertyOptions(400),
    );
  });

  it('merges 5,000 custom rules over 5,000 (the quadratic merge took minutes: see bench/pack-load.mjs)', () => {
    const rules = (layer: string) =>
      Array.from({ length: 5_000 }, (_, index) => ({
        id: `r${index}`,
        when: { '==': [1, 1] },
        source: `${layer} ${index}`,
      }));
    const lower: Layer = { name: 'overlay:x', document: '區域規定', values: { rules: rules('overlay') } };
    const upper: Layer = { name: 'school:y', document: '補充規定', values: { rules: rules('school') } };
    const merged = mergeLayers([lower, upper]);
    expect((merged.values.rules as unknown[]).length).toBe(5_000);
    expect(merged.provenance['rules.4999.when.==.1']).toMatchObject({ layer: 'school:y' });
  });
});
