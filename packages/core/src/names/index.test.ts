import { describe, expect, it } from 'vitest';
import { DUTIES } from '../duties';
import { ENROLMENT_CHANGES } from '../enrolment/schema';
import { RECORD_KINDS } from '../records';
import { PERMISSIONS, ROLES } from '../roles';
import { ACTIVITIES, ANCHORS } from '../windows/schema';
import {
  ACTIVITY_NAMES,
  ANCHOR_NAMES,
  chainWords,
  DUTY_NAMES,
  ENROLMENT_CHANGE_NAMES,
  linkName,
  nameIn,
  ownNames,
  ownNamesOf,
  PERMISSION_NAMES,
  RECORD_KIND_NAMES,
  ROLE_NAMES,
  roleName,
  unitName,
} from '.';

describe('the names of the vocabulary', () => {
  it.each([
    ['duties', DUTIES, DUTY_NAMES],
    ['roles', ROLES, ROLE_NAMES],
    ['permissions', PERMISSIONS, PERMISSION_NAMES],
    ['record kinds', RECORD_KINDS, RECORD_KIND_NAMES],
    ['activities', ACTIVITIES, ACTIVITY_NAMES],
    ['anchors', ANCHORS, ANCHOR_NAMES],
    ['enrolment changes', ENROLMENT_CHANGES, ENROLMENT_CHANGE_NAMES],
  ] as const)('names every one of the %s in Chinese without Latin letters, and in English', (_, ids, table) => {
    expect(Object.keys(table).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const name = (table as Record<string, { 'zh-TW': string; en: string }>)[id]!;
      expect(name['zh-TW']).not.toMatch(/[A-Za-z]/);
      expect(name.en).toMatch(/^[^A-Z]*[a-z][^A-Z]*$/); // words, not a camelCase identifier
    }
  });

  it('names a unit by the pack first, then the common units, then the roles; an unknown id stays', () => {
    const units = { ceAcademic: { name: '進修部教務組' } };
    expect(unitName('ceAcademic', 'zh-TW', { units })).toBe('進修部教務組');
    expect(unitName('ceAcademic', 'en', { units })).toBe('進修部教務組 (ceAcademic)');
    expect(unitName('registration', 'zh-TW')).toBe('註冊組');
    expect(unitName('registration', 'en')).toBe('registration section');
    expect(unitName('departmentTeacher', 'zh-TW')).toBe('科內教師');
    expect(unitName('S01-T068', 'zh-TW')).toBe('S01-T068');
    expect(unitName('constructor', 'zh-TW')).toBe('constructor');
  });

  it('names a role the pack declares by its own name, in every place a unit or role is named', () => {
    const own = ownNames({
      units: { library: { name: '圖書館' } },
      roles: {
        dataQuery: { name: '資料查詢人員', en: 'data-query staff', permissions: [], source: '三' },
        roster: { name: '名冊提交人員', permissions: [] },
      },
    });
    expect(unitName('dataQuery', 'zh-TW', own)).toBe('資料查詢人員');
    expect(unitName('dataQuery', 'en', own)).toBe('data-query staff');
    expect(unitName('roster', 'en', own)).toBe('名冊提交人員 (roster)');
    expect(linkName('designatedBy:library', 'zh-TW', own)).toBe('圖書館主管指定之人員');
    expect(chainWords(['courseTeacher', 'dataQuery', 'library'], 'zh-TW', own)).toBe(
      '任課教師 → 資料查詢人員 → 圖書館',
    );
    expect(roleName('dataQuery', 'zh-TW', own.roles)).toBe(unitName('dataQuery', 'zh-TW', own));
    expect(unitName('dataQuery', 'zh-TW')).toBe('dataQuery');
  });

  it('gives a finding only the own names its message uses', () => {
    const values = {
      units: { library: { name: '圖書館' }, lab: { name: '實驗室' } },
      roles: { dataQuery: { name: '資料查詢人員', permissions: [] } },
    };
    expect(ownNames(values, ['designatedBy:library', 'registration'])).toEqual({
      units: { library: { name: '圖書館' } },
    });
    expect(ownNamesOf(values, ['dataQuery'])).toEqual({
      own: { roles: { dataQuery: { 'zh-TW': '資料查詢人員', en: '資料查詢人員 (dataQuery)' } } },
    });
    expect(ownNamesOf(values, ['registration'])).toEqual({});
  });

  it('reads a deputy chain in words, a designated deputy included (新竹 十一(三))', () => {
    expect(chainWords(['courseTeacher', 'departmentTeacher', 'domainTeacher'], 'zh-TW')).toBe(
      '任課教師 → 科內教師 → 領域教師',
    );
    expect(linkName('designatedBy:registration', 'zh-TW')).toBe('註冊組主管指定之人員');
    expect(linkName('designatedBy:registration', 'en')).toBe('a person the head of registration section designates');
  });

  it('leaves an id the table does not know as it is, own properties only', () => {
    expect(nameIn(ROLE_NAMES, 'toString', 'zh-TW')).toBe('toString');
    expect(nameIn(ROLE_NAMES, 'courseTeacher', 'en')).toBe('course teacher');
  });
});

describe('units and deputy links as documents write them (render, diff and messages share them)', () => {
  const units = { ceAcademic: { name: '進修部教務組', office: '進修部' } };

  it("a unit with its office first, as 馬公's 分工表 writes it; an office already in the name is not repeated", () => {
    expect(unitName('registration', 'zh-TW', undefined, { office: true })).toBe('教務處 註冊組');
    expect(unitName('registration', 'zh-TW')).toBe('註冊組');
    expect(unitName('ceAcademic', 'zh-TW', { units }, { office: true })).toBe('進修部教務組');
    expect(unitName('ceAcademic', 'en', { units }, { office: true })).toBe('進修部教務組 (ceAcademic)');
    expect(unitName('registration', 'en', undefined, { office: true })).toBe('registration section');
  });

  it('a designated deputy: in a sentence, and as a table cell', () => {
    expect(linkName('designatedBy:registration', 'zh-TW')).toBe('註冊組主管指定之人員');
    expect(linkName('designatedBy:ceAcademic', 'zh-TW', { units }, { cell: true })).toBe('由進修部教務組主管指定');
    expect(linkName('designatedBy:ceAcademic', 'en', { units }, { cell: true })).toBe(
      'designated by the head of 進修部教務組 (ceAcademic)',
    );
    expect(linkName('equipment', 'zh-TW', undefined, { cell: true })).toBe('設備組');
  });
});
