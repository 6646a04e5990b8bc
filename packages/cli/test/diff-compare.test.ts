import { loadPack, type Pack } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { compareRules } from '../src/diff/compare';
import { deepFreeze } from '../../core/test/deep-freeze';

const pack = (yaml: string): Pack => {
  const loaded = loadPack(`id: p\nname: 規定\ndocument: 規定\n${yaml}`);
  if (!loaded.pack) throw new Error(loaded.findings.map((finding) => finding.message.en).join('\n'));
  return deepFreeze(loaded.pack);
};

describe('compareRules', () => {
  it('finds nothing between a pack and itself, and does not mutate its inputs', () => {
    const current = pack(
      'caps:\n  courseOutcome:\n    upload: { max: 6, per: semester, source: 五 }\nunits:\n  registration: { name: 註冊組 }\n',
    );
    expect(compareRules(current, current)).toEqual([]);
  });

  it('names the changed values and the clause of each side', () => {
    const changes = compareRules(
      pack('caps:\n  courseOutcome:\n    upload: { max: 6, per: semester, source: 五 }\n'),
      pack('caps:\n  courseOutcome:\n    upload: { max: 5, per: semester, source: 六 }\n'),
    );
    expect(changes).toEqual([
      {
        kind: 'changed',
        current: {
          path: 'caps.courseOutcome.upload',
          value: { max: 6, per: 'semester' },
          source: { document: '規定', clause: '五' },
        },
        amended: {
          path: 'caps.courseOutcome.upload',
          value: { max: 5, per: 'semester' },
          source: { document: '規定', clause: '六' },
        },
        details: [
          { path: 'max', from: 6, to: 5 },
          { path: 'source', from: '五', to: '六' },
        ],
      },
    ]);
  });

  it('compares a rule whole when one version splits it by clause and the other does not', () => {
    const changes = compareRules(
      pack('caps:\n  courseOutcome:\n    upload: { max: 6 }\n    select: { max: 6 }\n'),
      pack('caps:\n  courseOutcome:\n    upload: { max: 6, source: 五 }\n    select: { max: 6 }\n'),
    );
    expect(changes.map((change) => [change.kind, change.current?.path, change.amended?.path])).toEqual([
      ['changed', 'caps.courseOutcome', 'caps.courseOutcome'],
    ]);
    expect(changes[0]!.details).toEqual([{ path: 'upload.source', to: '五' }]);
  });

  it('matches windows by activity, semesters and grades: reordering is no amendment', () => {
    const a = '  - { activity: courseOutcomeUpload, closes: { anchor: closingCeremony, weeks: 2 } }\n';
    const b = '  - { activity: courseOutcomeUpload, grades: [3], closes: 2024-04-10 }\n';
    expect(compareRules(pack(`windows:\n${a}${b}`), pack(`windows:\n${b}${a}`))).toEqual([]);
  });

  it('joins a deleted and an added rule of the same clause into one row', () => {
    const changes = compareRules(
      pack('notes:\n  - { text: 家長通知書, source: 八 }\n'),
      pack('retention: { sealYears: 5, source: 八 }\n'),
    );
    expect(changes.map((change) => [change.kind, change.current?.path, change.amended?.path])).toEqual([
      ['replaced', 'notes[家長通知書]', 'retention'],
    ]);
  });
});
