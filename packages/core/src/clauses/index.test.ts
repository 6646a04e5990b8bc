import type { FindingBase } from '../findings/types';
import { describe, expect, it } from 'vitest';
import { validatePack } from '../pack';
import { citationsOf, clauseEntries, parseNumber, printedNumber, readCitation, statedNumbers } from '.';
import { loadPack } from '../pack/load';

const PACK = `id: demo
name: 示範高中學生學習歷程檔案作業補充規定
document: 示範補充規定
appliesFrom: 11101
caps:
  courseOutcome:
    upload: { max: 6, per: semester, source: 五(三)1 }
    select: { max: 6, per: academicYear, source: 六(一) }
  diversePerformance:
    select: { max: 10, per: academicYear, source: 六(一) }
windows:
  - { activity: gradeEntry, closes: { anchor: makeUpExam, weeks: 2 }, source: 作業流程 15 }
  - { activity: submission, opens: { anchor: nationalSubmissionOpens }, closes: { anchor: nationalSubmissionCloses }, source: 作業流程 17–18 }
  - { activity: cadreEntry, closes: { anchor: termEnd, weeks: 2 }, source: 作業流程 15、16 }
clauseNumbering: [一、, （一）, 1、, (1)]
clauses:
  - number: 五
    text: 其建置資料內容如下：
    clauses:
      - number: 三
        heading: 課程學習成果
        clauses:
          - { number: 1, text: 學生於本校規定時間內上傳；每學期其上傳件數至多6件。 }
  - number: 六
    clauses:
      - { number: 一, text: 學生完成資料勾選；其中課程學習成果每學年至多 6 件，多元表現每學年至多 10 件。 }
annexes:
  - name: 作業流程
    columns: [序號, 項目, 日期]
    rows:
      - ['15', 學業成績, 學期補考後 2周內]
      - ['16', 幹部登錄, 學期結束後 2週內]
      - ['17', 提交, 依規定期限]
      - ['18', 收訖明細確認, 依規定期限]
`;

const findings = (text: string) => validatePack(text, { file: 'demo.yaml' }).findings;

describe('clauses — a pack carries its document word for word', () => {
  it('numbers each clause as values cite it: depths 2 and 4 in parentheses; prints it as the document does', () => {
    const { pack } = loadPack(PACK);
    expect(clauseEntries(pack!).map((entry) => [entry.key, entry.label, entry.path])).toEqual([
      ['五', '五、', 'clauses.0'],
      ['五(三)', '（三）', 'clauses.0.clauses.0'],
      ['五(三)1', '1、', 'clauses.0.clauses.0.clauses.0'],
      ['六', '六、', 'clauses.1'],
      ['六(一)', '（一）', 'clauses.1.clauses.0'],
    ]);
    expect(printedNumber(undefined, 2, '三')).toBe('(三)');
    expect(printedNumber(['1、', '(1)', '1.'], 3, '2')).toBe('2.');
  });

  it('reads citations: clauses joined by 、, annex rows, ranges, and a row after an annex row', () => {
    const { pack } = loadPack(PACK);
    const read = (citation: string) =>
      readCitation(citation, pack!).map(({ part, cited }) =>
        cited === undefined
          ? [part, null]
          : cited.kind === 'clause'
            ? [part, cited.entry.key]
            : [part, cited.annex.name, cited.rows],
      );
    expect(read('五(三)1、六(一)')).toEqual([
      ['五(三)1', '五(三)1'],
      ['六(一)', '六(一)'],
    ]);
    expect(read('作業流程 15、16')).toEqual([
      ['作業流程 15', '作業流程', [0]],
      ['16', '作業流程', [1]],
    ]);
    expect(read('作業流程 15–18')).toEqual([['作業流程 15–18', '作業流程', [0, 1, 2, 3]]]);
    expect(read('作業流程')).toEqual([['作業流程', '作業流程', []]]);
    expect(read('五(七)、作業流程 40')).toEqual([
      ['五(七)', null],
      ['作業流程 40', null],
    ]);
  });

  it('says which values each clause sets: the sources that name it', () => {
    const { pack } = loadPack(PACK);
    const setBy = (key: string) =>
      citationsOf(pack!)
        .filter(({ parts }) => parts.some(({ cited }) => cited?.kind === 'clause' && cited.entry.key === key))
        .map(({ path }) => path);
    expect(setBy('六(一)')).toEqual(['caps.courseOutcome.select', 'caps.diversePerformance.select']);
    expect(setBy('五(三)1')).toEqual(['caps.courseOutcome.upload']);
  });

  it('a pack whose values cite clauses it holds, with the numbers the clauses state, raises nothing', () => {
    expect(findings(PACK)).toEqual([]);
  });

  it('a value citing a clause the pack does not hold is PR1030, at the source, with a suggestion', () => {
    const text = PACK.replace('source: 五(三)1 }', 'source: 五(三)2 }');
    expect(findings(text)).toMatchObject([
      {
        code: 'PR1030',
        severity: 'warning',
        subject: 'caps.courseOutcome.upload.source',
        source: { document: '示範補充規定', clause: '五(三)2' },
        data: { clause: '五(三)2', suggestion: '五(三)' },
        position: { file: 'demo.yaml', line: 7, column: 46 },
      },
    ]);
    expect(
      findings(PACK.replace('作業流程 15、16', '作業流程 15、19')).map((f: FindingBase) => [f.code, f.data.clause]),
    ).toEqual([['PR1030', '19']]);
  });

  it('echoes at most 200 characters of a huge citation (the long fuzz run, pack seeds 20261404, 20261505)', () => {
    const huge = 'x'.repeat(70_000);
    const [finding] = findings(
      PACK.replace('source: 五(三)1 }', `source: ${huge} }`).replace('示範補充規定', `示範${huge}`),
    );
    expect(finding).toMatchObject({ code: 'PR1030' });
    for (const message of [finding!.message['zh-TW'], finding!.message.en]) {
      expect(message.length).toBeLessThan(1_000);
      expect(message).toContain('xxx…');
    }
  });

  it('without clauses or annexes nothing is checked: citations are the pack’s word', () => {
    const bare = PACK.slice(0, PACK.indexOf('clauseNumbering'));
    expect(findings(bare.replace('source: 五(三)1 }', 'source: 五(七) }'))).toEqual([]);
  });

  it('a value its clause states otherwise is PR1031, with the position of the value and of the words in the clause', () => {
    const text = PACK.replace('upload: { max: 6,', 'upload: { max: 5,').replace(
      'select: { max: 10,',
      'select: { max: 12,',
    );
    const found = findings(text).filter((f) => f.code === 'PR1031');
    expect(found.map((f) => [f.subject, f.data.value, f.data.stated, f.data.phrase])).toEqual([
      ['caps.courseOutcome.upload.max', 5, 6, '至多6件'],
      ['caps.diversePerformance.select.max', 12, 10, '至多 10 件'],
    ]);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      position: { file: 'demo.yaml', line: 7, column: 20 },
      related: [{ source: { clause: '五(三)1' }, value: 6, position: { file: 'demo.yaml', line: 23, column: 53 } }],
    });
    expect(found[0]!.message['zh-TW']).toContain('第 23 行第 53 欄');
  });

  it('the number a clause states belongs to the record kind and action named before it', () => {
    const clause = '學生完成資料勾選；其中課程學習成果每學年至多 6 件，多元表現每學年至多 10 件。';
    expect(statedNumbers('caps.courseOutcome.select.max', clause).map((s) => s.value)).toEqual([6]);
    expect(statedNumbers('caps.diversePerformance.select.max', clause).map((s) => s.value)).toEqual([10]);
    expect(statedNumbers('caps.courseOutcome.upload.max', clause)).toEqual([]);
    expect(statedNumbers('caps.courseOutcome.upload.min', '學習成果1-6份')).toMatchObject([{ value: 1 }]);
    expect(statedNumbers('governance.workingGroup.size', '合計 15人組成')).toMatchObject([{ value: 15 }]);
    expect(statedNumbers('governance.meetings.perSemester', '每學期應至少召開一次會議')).toMatchObject([{ value: 1 }]);
    expect(statedNumbers('governance.trainings.2.perAcademicYear', '每學年至少一場次')).toMatchObject([{ value: 1 }]);
    expect(statedNumbers('retention.sealYears', '封存5年')).toMatchObject([{ value: 5 }]);
    expect(statedNumbers('windowBounds.0.minDays', '至少保留3日作為高三學生勾選')).toMatchObject([{ value: 3 }]);
    expect(statedNumbers('windows.0.closes.weeks', '休業式後 2週內')).toEqual([]);
    expect([
      parseNumber('十五'),
      parseNumber('二十一'),
      parseNumber('６'),
      parseNumber('兩'),
      parseNumber('十十'),
    ]).toEqual([15, 21, 6, 2, undefined]);
  });

  it('a window counting from termStart whose clause says 開學 is PR1032, pointing at the anchor and the words', () => {
    const withRow = PACK.replace(
      "      - ['15', 學業成績, 學期補考後 2周內]",
      "      - ['8', 課程諮詢紀錄登錄, 開學 2週內]\n      - ['15', 學業成績, 學期補考後 2周內]",
    ).replace(
      'windows:\n',
      'windows:\n  - { activity: consultationEntry, opens: { anchor: termStart }, closes: { anchor: termStart, weeks: 2 }, source: 作業流程 8 }\n',
    );
    const found = findings(withRow).filter((f) => f.code === 'PR1032');
    expect(found.map((f) => [f.subject, f.data.phrase, f.position?.line])).toEqual([
      ['windows.0.opens', '開學 2週內', 12],
      ['windows.0.closes', '開學 2週內', 12],
    ]);
    expect(found[0]).toMatchObject({ severity: 'warning', related: [{ position: { line: 32 } }] });
    expect(found[0]!.message['zh-TW']).toContain('classesStart');
    // Counting from classesStart, as the clause says, is quiet; so is termStart under a clause that does not say 開學.
    expect(findings(withRow.replaceAll('anchor: termStart', 'anchor: classesStart')).map((f) => f.code)).not.toContain(
      'PR1032',
    );
    expect(findings(withRow.replace('source: 作業流程 8 }', 'source: 作業流程 15 }')).map((f) => f.code)).not.toContain(
      'PR1032',
    );
  });
});
