// The packs that carry their document's text: every value cites a clause the pack holds, and every
// number the clause states is checked against the value it sets — a changed value is caught (PR1031).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clauseEntries, loadPack, validatePack } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { REPO_DIR } from './_lib/packs';

const CAPS = ['upload', 'select'].flatMap((action) =>
  ['courseOutcome', 'diversePerformance'].map((kind) => `caps.${kind}.${action}.max`),
);
const trainings = (count: number) =>
  Array.from({ length: count }, (_, index) => `governance.trainings.${index}.perAcademicYear`);
const HSINCHU_111 = [...CAPS, 'governance.workingGroup.size', 'governance.meetings.perSemester', ...trainings(7)];

/** Each pack with the number of clauses it holds and the values whose clause states their number. */
const PACKS: Record<string, { readonly clauses: number; readonly stated: readonly string[] }> = {
  'schools/magong/pack.yaml': {
    clauses: 51,
    stated: [...CAPS, 'governance.workingGroup.size', 'governance.meetings.perSemester', ...trainings(4)],
  },
  // Point 八 of the amended version seals graduates' records for 5 years (封存5年).
  'schools/hsinchu-vocational/pack.yaml': { clauses: 52, stated: [...HSINCHU_111, 'retention.sealYears'] },
  'schools/hsinchu-vocational/versions/111.yaml': { clauses: 52, stated: HSINCHU_111 },
  'schools/pingrong/pack.yaml': {
    clauses: 21,
    stated: [
      'caps.courseOutcome.upload.min',
      'caps.courseOutcome.upload.max',
      'governance.meetings.perSemester',
      ...trainings(4),
    ],
  },
};

const clauseCodes = (text: string, file: string) =>
  validatePack(text, { file }).findings.filter((finding) => finding.code === 'PR1030' || finding.code === 'PR1031');

describe.each(Object.entries(PACKS))('%s carries its clauses', (file, expected) => {
  const text = readFileSync(join(REPO_DIR, file), 'utf8');

  it('holds every clause of the document, and every value cites one it holds (no PR1030)', () => {
    expect(clauseEntries(loadPack(text).pack!)).toHaveLength(expected.clauses);
    expect(clauseCodes(text, file)).toEqual([]);
  });

  it.each(expected.stated)('a changed %s disagrees with its clause (PR1031, at both places)', (path) => {
    const document = parseDocument(text);
    const segments = path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
    document.setIn(segments, (document.getIn(segments) as number) + 1);
    const found = clauseCodes(document.toString(), file);
    expect(found.map((finding) => [finding.code, finding.subject])).toEqual([['PR1031', path]]);
    expect(found[0]!.position?.line).toBeGreaterThan(0);
    expect(found[0]!.related?.[0]?.position?.line).toBeGreaterThan(found[0]!.position!.line);
  });
});
