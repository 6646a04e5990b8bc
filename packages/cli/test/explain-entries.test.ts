import { validatePack } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { entriesOf, keysOf } from '../src/explain/entries';
import { deepFreeze } from '../../core/test/deep-freeze';

const effective = () => {
  const text =
    'id: e\nname: 規定\ndocument: 規定\nappliesFrom: 11201\ncaps:\n  courseOutcome:\n    upload: { max: 6, per: semester, exempt: [schoolEntered], source: 五 }\nwindows:\n  - { activity: courseOutcomeUpload, closes: { anchor: closingCeremony, weeks: 2 }, source: 流程 }\n';
  const version = validatePack(text).resolution?.versions.at(-1);
  if (!version) throw new Error('the fixture pack does not resolve');
  return deepFreeze(version);
};

describe('entriesOf', () => {
  it('gives every leaf with its layer and clause, lists of values whole, sources as provenance only', () => {
    const entries = entriesOf(effective(), 'caps.courseOutcome.upload');
    expect(entries).toEqual([
      {
        path: 'caps.courseOutcome.upload.max',
        value: 6,
        layer: 'school:e',
        source: { document: '規定', clause: '五' },
      },
      {
        path: 'caps.courseOutcome.upload.per',
        value: 'semester',
        layer: 'school:e',
        source: { document: '規定', clause: '五' },
      },
      {
        path: 'caps.courseOutcome.upload.exempt',
        value: ['schoolEntered'],
        layer: 'school:e',
        source: { document: '規定', clause: '五' },
      },
    ]);
  });

  it('walks into lists of entries by index and takes a key only on a segment boundary', () => {
    const pack = effective();
    expect(entriesOf(pack, 'windows.0').map((entry) => entry.path)).toEqual([
      'windows.0.activity',
      'windows.0.closes.anchor',
      'windows.0.closes.weeks',
    ]);
    expect(entriesOf(pack, 'caps.course')).toEqual([]);
    expect(keysOf(pack)).toEqual(
      expect.arrayContaining(['caps', 'caps.courseOutcome', 'windows.0.closes', 'receipts.confirmationDays']),
    );
  });

  it('puts the national bound on the value it binds', () => {
    const [days] = entriesOf(effective(), 'receipts.confirmationDays');
    expect(days).toMatchObject({
      value: 3,
      layer: 'national@2022-08-01',
      bound: { kind: 'min', min: 3, source: { document: '學習歷程檔案QA', clause: '一(十)' } },
    });
  });
});
