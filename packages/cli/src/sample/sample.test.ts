import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DatasetRecord, parseRecord, validatePack } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { generateSample, type SampleOptions } from './generate';
import { defaultYear, planFrom } from './plan';
import { noViolations, type ViolationCounts } from './violations';

const MAGONG = fileURLToPath(new URL('../../../../schools/magong/pack.yaml', import.meta.url));
const resolution = validatePack(readFileSync(MAGONG, 'utf8'), { file: 'magong/pack.yaml' }).resolution!;
const plan = planFrom(resolution, defaultYear(resolution));

async function generate(options: Partial<SampleOptions> = {}) {
  const chunks: string[] = [];
  const report = await generateSample({ students: 600, seed: 1, schools: 2, violations: 0.2, ...options }, plan, {
    write: (text) => void chunks.push(text),
  });
  return { text: chunks.join(''), chunks, report };
}

/**
 * Recounts the violations in the output with the rules of 馬公補充規定 written out here, independently
 * of the generator: 五(三)1 6 uploads per semester, 五(四) 15 per academic year, 六(一) 6 and 10
 * selections per academic year (school-entered exempt), receipts at least 3 days, a 5-year seal,
 * a meeting per semester, 九(三) submitters.
 */
function recount(records: readonly DatasetRecord[]): ViolationCounts {
  const counts = noViolations();
  const tally = new Map<string, number>();
  const bump = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
  const submitters: Record<string, string[]> = {
    basicData: ['registration', 'specialEducation', 'examinations'],
    courseRecord: ['registration', 'examinations', 'teaching'],
    courseOutcome: ['teaching', 'registration', 'equipment'],
    diversePerformance: ['discipline', 'studentLife', 'activities'],
    cadre: ['studentLife', 'activities', 'discipline'],
  };
  const graduated = new Map<string, string>();
  const meetings = new Set<string>();
  const rounds = new Map<string, { ends: number[]; finals: number[] }>();
  const schools = new Set<string>();
  const day = (text: string) => Date.parse(text) / 86_400_000;
  for (const record of records) {
    switch (record.type) {
      case 'courseOutcome': {
        const year = record.term.slice(0, 3);
        if (!record.withdrawn) bump(`coUp|${record.studentId}|${record.term}`);
        if (record.selected && !record.withdrawn) bump(`coSel|${record.studentId}|${year}`);
        if (record.selected && record.state !== 'certified') counts.selectedUncertified++;
        // 作業流程 11: certification closes two weeks after the closing ceremony (the sample's: 20 January, 30 June).
        const closes = record.term.endsWith('1') ? `${Number(year) + 1912}-02-03` : `${Number(year) + 1912}-07-14`;
        if (record.state === 'certified' && day(record.certifiedOn!) > day(closes)) counts.lateCertification++;
        if (record.state === 'rejected' && record.rejectionReason === undefined) counts.rejectedWithoutReason++;
        if (record.state === 'submitted') counts.overdueCertification++;
        break;
      }
      case 'diversePerformance':
        if (record.entry === 'student' && !record.withdrawn) bump(`dpUp|${record.studentId}|${record.academicYear}`);
        if (record.entry === 'student' && record.selected && !record.withdrawn)
          bump(`dpSel|${record.studentId}|${record.academicYear}`);
        break;
      case 'receipt':
        if (record.status === 'disputed' && record.resolvedOn === undefined) counts.unresolvedDispute++;
        break;
      case 'student':
        if (record.graduatedOn) graduated.set(record.id, record.graduatedOn);
        schools.add(record.school!);
        break;
      case 'deletion': {
        const on = graduated.get(record.studentId)!;
        const sealEnds = `${Number(on.slice(0, 4)) + 5}${on.slice(4)}`;
        if (record.deletedOn < sealEnds) counts.deletionBeforeSealEnds++;
        break;
      }
      case 'meeting':
        meetings.add(`${record.school}|${record.term}`);
        break;
      case 'submission':
        if (record.stage === 'submit' && !submitters[record.category]!.includes(record.unit))
          counts.wrongSubmittingUnit++;
        if (record.receiptOpens && day(record.receiptCloses!) - day(record.receiptOpens) + 1 < 3)
          counts.shortReceiptPeriod++;
        {
          const key = `${record.school}|${record.category}|${record.term}|${record.division ?? 'day'}`;
          const entry = rounds.get(key) ?? { ends: [] as number[], finals: [] as number[] };
          if (record.stage === 'submit') entry.ends.push(day(record.receiptCloses ?? record.on));
          if (record.stage === 'final') entry.finals.push(day(record.on));
          rounds.set(key, entry);
        }
        break;
      default:
        break;
    }
  }
  const caps = { coUp: 6, coSel: 6, dpUp: 15, dpSel: 10 };
  const kinds = {
    coUp: 'courseOutcomeOverUpload',
    coSel: 'courseOutcomeOverSelection',
    dpUp: 'diversePerformanceOverUpload',
    dpSel: 'diversePerformanceOverSelection',
  } as const;
  for (const [key, count] of tally) {
    const cap = key.split('|')[0] as keyof typeof caps;
    if (count > caps[cap]) counts[kinds[cap]]++;
  }
  for (const school of schools)
    for (const term of plan.terms.keys()) if (!meetings.has(`${school}|${term}`)) counts.missingMeeting++;
  // Only second rounds can end after their final submission: a first round's period always ends before it.
  for (const { ends, finals } of rounds.values())
    if (ends.length > 1 && finals.some((final) => final <= Math.max(...ends))) counts.finalBeforeLatestRound++;
  return counts;
}

function parseAll(text: string): DatasetRecord[] {
  return text
    .trimEnd()
    .split('\n')
    .map((line, index) => {
      const result = parseRecord(line, index + 1);
      if (!result.ok) throw new Error(`line ${index + 1}: ${result.finding.message.en}`);
      return result.record;
    });
}

describe('generateSample', { timeout: 30_000 }, () => {
  const dirty = generate({ students: 600, violations: 0.4 });
  const clean = generate({ students: 900, schools: 1, violations: 0 });

  it('is deterministic: the same seed gives the same bytes, another seed other bytes', async () => {
    const [first, again, other] = await Promise.all([
      generate({ students: 120 }),
      generate({ students: 120 }),
      generate({ students: 120, seed: 2 }),
    ]);
    expect(again.text).toBe(first.text);
    expect(other.text).not.toBe(first.text);
  });

  it('writes only records the dataset reader accepts, and counts them right', async () => {
    const { text, report } = await dirty;
    const records = parseAll(text);
    expect(records.length).toBe(report.lines);
    const byType: Record<string, number> = {};
    for (const record of records) byType[record.type] = (byType[record.type] ?? 0) + 1;
    expect(byType).toEqual(report.records);
    expect(byType.student).toBe(600);
    expect(new Set(records.map((record) => record.school))).toEqual(new Set(['S01', 'S02']));
  });

  it('reports exactly the violations found in the output, kind by kind', async () => {
    const { text, report } = await dirty;
    const found = recount(parseAll(text));
    expect(found).toEqual(report.violations);
    expect(report.violationsTotal).toBe(Object.values(found).reduce((sum, count) => sum + count, 0));
    for (const [kind, count] of Object.entries(report.violations)) expect.soft(count, kind).toBeGreaterThan(0);
  });

  it('injects nothing at --violations 0', async () => {
    const { text, report } = await clean;
    expect(report.violationsTotal).toBe(0);
    expect(recount(parseAll(text))).toEqual(noViolations());
  });

  it('streams in chunks rather than building the whole output', async () => {
    const { chunks, text } = await clean;
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(text.length / 5);
  });

  it("shapes the data around seed 004's Taipei figures: about 10 course outcomes, 11 diverse performances, 25 consultations a student", async () => {
    const { report } = await clean;
    const perStudent = (type: string) => report.records[type]! / 900;
    expect(perStudent('courseOutcome')).toBeGreaterThan(8.5);
    expect(perStudent('courseOutcome')).toBeLessThan(11.5);
    expect(perStudent('diversePerformance')).toBeGreaterThan(9.5);
    expect(perStudent('diversePerformance')).toBeLessThan(12.5);
    expect(perStudent('consultation')).toBeGreaterThan(21);
    expect(perStudent('consultation')).toBeLessThan(29);
  });
});
