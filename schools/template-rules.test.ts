import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { effectiveFor, evaluateRules, studentTermFacts, validatePack, type PortfolioItem } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { SCHOOLS_DIR } from './_lib/packs';

const templateText = readFileSync(join(SCHOOLS_DIR, '_template', 'pack.yaml'), 'utf8');

/** The template with its commented-out `rules:` example uncommented, as a school would. */
function uncommentRules(text: string): string {
  const lines = text.split('\n');
  const start = lines.indexOf('# rules:');
  let end = start + 1;
  while (lines[end]?.startsWith('#   ')) end++;
  return [...lines.slice(0, start), ...lines.slice(start, end).map((line) => line.slice(2)), ...lines.slice(end)].join(
    '\n',
  );
}

describe('schools/_template: the commented-out custom rule', () => {
  const text = uncommentRules(templateText);
  const validation = validatePack(text, { file: 'schools/_template/pack.yaml' });
  const effective = validation.resolution && effectiveFor(validation.resolution, { year: 112, semester: 1 });
  const student = { id: 'S1', grade: 1, status: 'enrolled' } as const;
  const outcome = (id: string, state: 'certified' | 'submitted', selected: boolean): PortfolioItem => ({
    id,
    kind: 'courseOutcome',
    studentId: 'S1',
    term: '11201',
    course: '物理',
    certifier: 't1',
    state,
    entry: 'student',
    selected,
  });
  const evaluate = (items: readonly PortfolioItem[]) =>
    evaluateRules(effective!, [
      studentTermFacts({ student, term: { year: 112, semester: 1 }, items, asOf: '2024-02-20' }),
    ]);

  it('uncommented, loads and validates with no finding but its placeholders (PR1040)', () => {
    expect(text).not.toBe(templateText);
    expect(text).toContain('\nrules:\n  - id: outcomes-before-selection\n');
    expect(validation.findings.map((finding) => [finding.code, finding.subject])).toEqual([
      ['PR1040', 'name'],
      ['PR1040', 'school'],
      ['PR1040', 'document'],
    ]);
    expect(effective?.values.rules?.map((rule) => rule.id)).toEqual(['outcomes-before-selection']);
  });

  it('reads documented facts only: no PR6103, and it holds only when more are selected than certified', () => {
    // A selected item that is not certified (the engine would refuse the selection; the data may still say so).
    const fired = evaluate([outcome('c1', 'certified', true), outcome('c2', 'submitted', true)]);
    expect(fired.map((finding) => [finding.code, finding.severity, finding.subject, finding.rule])).toEqual([
      ['PR6100', 'warning', 'S1@11201', 'rules.outcomes-before-selection'],
    ]);
    expect(evaluate([outcome('c1', 'certified', true), outcome('c2', 'submitted', false)])).toEqual([]);
  });
});

describe('schools/_template: the commented-out clauses', () => {
  const lines = templateText.split('\n');
  const start = lines.indexOf('# clauseNumbering: [一、, （一）, 1、, (1)]');
  let end = start + 1;
  while (lines[end]?.startsWith('#   ') || lines[end]?.startsWith('# clauses:') || lines[end]?.startsWith('# annexes:'))
    end++;
  const text = [
    ...lines.slice(0, start),
    ...lines.slice(start, end).map((line) => line.slice(2)),
    ...lines.slice(end),
  ].join('\n');

  it('load, and the numbers they state agree with the template values that cite them', () => {
    const { findings } = validatePack(text, { file: 'schools/_template/pack.yaml' });
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(findings.filter((finding) => finding.code === 'PR1031')).toEqual([]);
    const cited = findings.filter((finding) => finding.code === 'PR1030').map((finding) => finding.data.clause);
    // The example holds 五(三)1, 五(四) and 作業流程 10 of the clauses the template cites.
    expect(cited).not.toContain('五(三)1');
    expect(cited).not.toContain('五(四)');
    expect(cited).not.toContain('作業流程 10');
    expect(cited).toContain('六(一)');
  });

  it('a changed upload cap is caught against the example clause (PR1031)', () => {
    const changed = text.replace(
      'upload: { max: 6, per: semester, source: 五(三)1 }',
      'upload: { max: 5, per: semester, source: 五(三)1 }',
    );
    const { findings } = validatePack(changed, { file: 'schools/_template/pack.yaml' });
    expect(findings.filter((finding) => finding.code === 'PR1031').map((finding) => finding.subject)).toEqual([
      'caps.courseOutcome.upload.max',
    ]);
  });
});
