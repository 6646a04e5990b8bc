import { describe, expect, it } from 'vitest';
import { createFinding } from '../findings/define';
import { DATASET_CODES } from './codes';
import { createIntake } from './intake';

const valid = JSON.stringify({ type: 'student', id: 's1', grade: 1 });
const another = JSON.stringify({ type: 'student', id: 's2', grade: 1 });

describe('createIntake', () => {
  it('accounts for every line: read = checked + rejected, blank lines included', () => {
    const intake = createIntake();
    const lines = [valid, '', '{bad', JSON.stringify({ type: 'studnet' }), another];
    lines.forEach((line, index) => intake.accept(line, index + 1, { file: 'a.ndjson' }));
    const summary = intake.summary();
    expect(summary).toMatchObject({
      read: 5,
      checked: 2,
      rejected: 3,
      unlisted: 0,
      byCode: { PR8009: 1, PR8001: 1, PR8003: 1 },
    });
    expect(summary.rejections.map((rejection) => [rejection.file, rejection.line, rejection.code])).toEqual([
      ['a.ndjson', 2, 'PR8009'],
      ['a.ndjson', 3, 'PR8001'],
      ['a.ndjson', 4, 'PR8003'],
    ]);
    expect(summary.rejections[1]!.message.en).toContain('line 3');
  });

  it('lists rejections up to the limit and counts the rest', () => {
    const intake = createIntake({ listLimit: 2 });
    for (let line = 1; line <= 5; line++) intake.accept('x', line);
    expect(intake.summary()).toMatchObject({ read: 5, rejected: 5, unlisted: 3, byCode: { PR8001: 5 } });
    expect(intake.summary().rejections).toHaveLength(2);
  });

  it('moves a line whose record failed later from checked to rejected, keeping read = checked + rejected', () => {
    const intake = createIntake();
    intake.accept(valid, 1, { file: 'a.ndjson' });
    intake.accept(another, 2, { file: 'a.ndjson' });
    const failure = createFinding(
      DATASET_CODES.internalError,
      { line: 2, detail: 'bad' },
      { rule: 'dataset.record', subject: 'line 2' },
    );
    intake.reject(failure, 2, { file: 'a.ndjson' });
    expect(intake.summary()).toMatchObject({ read: 2, checked: 1, rejected: 1, byCode: { PR8020: 1 } });
    expect(intake.summary().rejections).toEqual([
      { file: 'a.ndjson', line: 2, code: 'PR8020', severity: 'error', message: failure.message },
    ]);
  });

  it("returns each line's result and does not let callers change its totals", () => {
    const intake = createIntake();
    expect(intake.accept(valid, 1)).toMatchObject({ ok: true, record: { id: 's1' } });
    const first = intake.summary();
    (first.rejections as unknown[]).push('x');
    expect(intake.summary().rejections).toEqual([]);
  });

  it('rejects an exact repeat with a warning (PR8021, counted once) and tells a conflicting record (PR8022)', () => {
    const intake = createIntake();
    const other = JSON.stringify({ type: 'student', id: 's1', grade: 2 });
    const results = [valid, valid, other, other].map((line, index) =>
      intake.accept(line, index + 1, { file: 'a.ndjson' }),
    );
    expect(results.map((result) => result.ok)).toEqual([true, false, true, false]);
    expect(results[2]).toMatchObject({
      ok: true,
      conflict: { code: 'PR8022', severity: 'error', position: { line: 3 } },
    });
    expect(intake.summary()).toMatchObject({ read: 4, checked: 2, rejected: 2, byCode: { PR8021: 2 } });
    expect(intake.summary().rejections.map(({ line, code, severity }) => [line, code, severity])).toEqual([
      [2, 'PR8021', 'warning'],
      [4, 'PR8021', 'warning'],
    ]);
    expect(intake.summary().rejections[0]!.message.en).toContain('`s1`');
  });

  it('compares nothing when asked not to', () => {
    const intake = createIntake({ duplicates: false });
    expect([valid, valid].map((line, index) => intake.accept(line, index + 1).ok)).toEqual([true, true]);
  });
});
