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

  it('says a declared role in words on its first value: its name, what it may do and within which scope, as in effect', () => {
    const text = [
      'id: p',
      'name: 規定',
      'document: 規定',
      'appliesFrom: 11201',
      'roles:',
      '  dataQuery:',
      '    name: 資料查詢人員',
      '    en: data-query staff',
      '    permissions: [{ permission: viewPortfolio, scope: all }, { permission: viewStatistics, scope: all }]',
      '    source: 三',
      '  roster: { name: 名冊提交人員, permissions: [{ permission: certifyCourseOutcomes, scope: all }], source: 五 }',
      'permissions:',
      '  narrow: [{ role: dataQuery, permission: viewPortfolio, scope: ownClass, source: 六 }]',
      '',
    ].join('\n');
    const validation = validatePack(text);
    const version = deepFreeze(validation.resolution!.versions.at(-1)!);
    const worded = entriesOf(version, 'roles').filter((entry) => entry.words);
    expect(worded.map((entry) => [entry.path, entry.words])).toEqual([
      [
        'roles.dataQuery.name',
        {
          'zh-TW': '宣告之角色「資料查詢人員」：檢視學習歷程 (本班)、查看統計 (全部)',
          en: "declared role data-query staff: viewing portfolios (one's own class), viewing statistics (all)",
        },
      ],
      // Certification is never a declared role's (PR5109): the engine refuses it, and so the words do not list it.
      [
        'roles.roster.name',
        {
          'zh-TW': '宣告之角色「名冊提交人員」：沒有任何權限',
          en: 'declared role 名冊提交人員 (roster): no permissions',
        },
      ],
    ]);
    expect(entriesOf(version, 'roles.dataQuery.permissions.1')[0]?.words?.['zh-TW']).toContain('資料查詢人員');
    expect(entriesOf(version, 'caps').some((entry) => entry.words)).toBe(false);
  });
});
