// The packs that carry their document's text: every value cites a clause the pack holds, and every
// number the clause states is checked against the value it sets — a changed value is caught (PR1031).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clauseEntries, loadPack, validatePack } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { REPO_DIR } from './_lib/packs';

/** Each pack with its text, and the values whose clause states their number. */
const PACKS: Record<string, { readonly clauses: number; readonly stated: readonly string[] }> = {
  'schools/magong/pack.yaml': {
    clauses: 51,
    stated: [
      'caps.courseOutcome.upload.max',
      'caps.courseOutcome.select.max',
      'caps.diversePerformance.upload.max',
      'caps.diversePerformance.select.max',
      'governance.workingGroup.size',
      'governance.meetings.perSemester',
      'governance.trainings.0.perAcademicYear',
      'governance.trainings.1.perAcademicYear',
      'governance.trainings.2.perAcademicYear',
      'governance.trainings.3.perAcademicYear',
    ],
  },
  'schools/hsinchu-vocational/pack.yaml': {
    clauses: 52,
    stated: [
      'caps.courseOutcome.upload.max',
      'caps.courseOutcome.select.max',
      'caps.diversePerformance.upload.max',
      'caps.diversePerformance.select.max',
      'retention.sealYears',
      'governance.workingGroup.size',
      'governance.meetings.perSemester',
      ...[0, 1, 2, 3, 4, 5, 6].map((index) => `governance.trainings.${index}.perAcademicYear`),
    ],
  },
  'schools/hsinchu-vocational/versions/111.yaml': {
    clauses: 52,
    stated: [
      'caps.courseOutcome.upload.max',
      'caps.courseOutcome.select.max',
      'caps.diversePerformance.upload.max',
      'caps.diversePerformance.select.max',
      'governance.workingGroup.size',
      'governance.meetings.perSemester',
      ...[0, 1, 2, 3, 4, 5, 6].map((index) => `governance.trainings.${index}.perAcademicYear`),
    ],
  },
  'schools/pingrong/pack.yaml': {
    clauses: 21,
    stated: [
      'caps.courseOutcome.upload.min',
      'caps.courseOutcome.upload.max',
      'governance.meetings.perSemester',
      'governance.trainings.0.perAcademicYear',
      'governance.trainings.1.perAcademicYear',
      'governance.trainings.2.perAcademicYear',
      'governance.trainings.3.perAcademicYear',
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
