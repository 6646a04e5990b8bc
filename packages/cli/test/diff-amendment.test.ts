import { readFileSync } from 'node:fs';
import { validatePack } from '@portfolio-rules/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AmendmentRow, amendmentTable, type CellLine, type Version } from '../src/diff/amendment';
import { diffText } from '../src/diff/text-diff';
import { SEED_001_AMENDMENT_TABLE } from './fixtures/seed-001-amendment';

const ROOT = new URL('../../../', import.meta.url);

function version(yaml: string, file = 'pack.yaml'): Version {
  const validation = validatePack(yaml, { file });
  const pack = validation.loaded.pack;
  const effective = validation.resolution?.versions.at(-1);
  if (!pack || !effective) throw new Error(validation.findings.map((finding) => finding.message.en).join('\n'));
  return { pack, effective };
}

const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');
const HSINCHU_111 = read('schools/hsinchu-vocational/versions/111.yaml');
const HSINCHU_112 = read('schools/hsinchu-vocational/pack.yaml');

/** A cell as one text; `marks` keeps the marked runs in 【】. */
const cellText = (lines: readonly CellLine[], marks = false) =>
  lines.map((line) => line.runs.map((run) => (marks && run.marked ? `【${run.text}】` : run.text)).join('')).join(' ');

/** What a reader compares: no spaces, half-width , ; : as the full-width marks the document uses. */
const normalized = (text: string) =>
  text.replace(/\s+/g, '').replace(/,/g, '，').replace(/;/g, '；').replace(/:/g, '：');

describe("diff of 新竹's two versions against seed 001's amendment table, point by point", () => {
  const table = amendmentTable(version(HSINCHU_111), version(HSINCHU_112), 'zh-TW', { unchanged: true });
  const rows = new Map(table.rows.map((row) => [row.key, row]));

  it('has a row for each of the fourteen points, in the same order', () => {
    expect(table.rows.map((row) => row.key)).toEqual(SEED_001_AMENDMENT_TABLE.map((row) => row.point));
  });

  it.each(SEED_001_AMENDMENT_TABLE.filter((row) => row.point !== '八'))(
    'point $point: both columns quote the text, 說明 無修正',
    (seed) => {
      const row = rows.get(seed.point)!;
      expect(row.kind).toBe('unchanged');
      expect(row.explanation).toEqual(seed.explanation);
      let expected = normalized(seed.amended);
      let expectedCurrent = normalized(seed.current);
      if (seed.point === '十') {
        // The one difference: the seed's table quotes 十(一) as 「註冊組、進修部教務組」 in both columns, while
        // the document adopted above it (which the pack holds word for word) reads 「註冊組及進修部教務組」.
        // The table misquotes the adopted text; both its columns agree, so 無修正 stands either way.
        expect(expected).toContain('由教務處註冊組、進修部教務組向學生、家長及教職員辦理');
        const adopted = (text: string) =>
          text.replace('註冊組、進修部教務組向學生、家長', '註冊組及進修部教務組向學生、家長');
        expected = adopted(expected);
        expectedCurrent = adopted(expectedCurrent);
      }
      expect(normalized(cellText(row.amended))).toBe(expected);
      expect(normalized(cellText(row.current))).toBe(expectedCurrent);
      expect(cellText(row.amended, true)).not.toContain('【');
    },
  );

  it('point 八: the old text struck out whole, the new text in its place, what changed in the rules in words', () => {
    const seed = SEED_001_AMENDMENT_TABLE.find((row) => row.point === '八')!;
    const row = rows.get('八')!;
    expect(row.kind).toBe('amended');
    expect(normalized(cellText(row.amended))).toBe(normalized(seed.amended));
    expect(normalized(cellText(row.current))).toBe(normalized(seed.current));
    // Seed: <del> around the old text after its number; the new text replaces it.
    expect(cellText(row.current, true)).toBe(`八、【${seed.current.slice(2)}】`);
    expect(cellText(row.amended, true)).toBe(`八、【${seed.amended.slice(2)}】`);
    // Seed: 「1. 刪除內文。 2. 新增內文(依據…111年9月23日臺教國署高字1110118598號函規定辦理)。」 The table says
    // the same (the text is rewritten; the letter the adoption names) and adds what the rules now set, with
    // the values: the five years the letter already required are now the school's own rule.
    expect(seed.explanation).toEqual(['刪除內文。', expect.stringContaining('1110118598號函')]);
    expect(row.explanation).toEqual([
      '刪除原條文內容，改定新條文。',
      '畢業生學習歷程檔案資料封存年限明定為5年（修正前依國教署111年9月23日函 畢業生資料封存，亦為5年）。',
      '封存期滿後之處理明定為得刪除（修正前依國教署111年9月23日函 畢業生資料封存，亦為得刪除）。',
      expect.stringContaining('1110118598號函'),
    ]);
  });

  it('without --unchanged lists only point 八', () => {
    const changed = amendmentTable(version(HSINCHU_111), version(HSINCHU_112), 'zh-TW');
    expect(changed.rows.map((row) => row.key)).toEqual(['八']);
    expect(changed.title).toBe('國立新竹高級工業職業學校建置學生學習歷程檔案作業補充規定修正對照表');
  });
});

describe('amendmentTable', () => {
  const rowOf = (before: string, after: string, key: string): AmendmentRow =>
    amendmentTable(version(before), version(after), 'zh-TW').rows.find((row) => row.key === key)!;

  it('marks the changed words and says what the rules changed from and to', () => {
    const amended = HSINCHU_112.replace('每學期上傳件數至多6件。', '每學期上傳件數至多5件。').replace(
      'upload: { max: 6, per: semester, source: 六(三)1 }',
      'upload: { max: 5, per: semester, source: 六(三)1 }',
    );
    const row = rowOf(HSINCHU_112, amended, '六');
    expect(cellText(row.amended, true)).toContain('每學期上傳件數至多【5】件。');
    expect(cellText(row.current, true)).toContain('每學期上傳件數至多【6】件。');
    expect(row.explanation).toEqual([
      '「6」修正為「5」。',
      '課程學習成果上傳件數由每學期至多 6 件改為每學期至多 5 件。',
    ]);
    expect(row.amended.map((line) => line.depth)).toEqual([0, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1]);
  });

  it('shows a point added or deleted as such, the whole text marked', () => {
    const added = HSINCHU_112.replace(
      '  - number: 十四\n',
      '  - number: 十四\n    text: 新增之條文。\n  - number: 十五\n',
    );
    const row = rowOf(HSINCHU_112, added, '十五');
    expect([row.kind, cellText(row.amended, true), row.current, row.explanation]).toEqual([
      'added',
      '十五、【本補充規定經校務會議議決通過，陳校長核定後實施，修正時亦同。】',
      [],
      ['本點新增。'],
    ]);
    expect(rowOf(added, HSINCHU_112, '十五').explanation).toEqual(['本點刪除。']);
  });

  it('a setting changed under a clause whose text the packs lack: a row for its clause, the values in words', () => {
    const table = amendmentTable(
      version('id: p\nname: 規定\ndocument: 規定\nretention: { sealYears: 5, source: 八 }\n'),
      version('id: p\nname: 規定\ndocument: 規定\nretention: { sealYears: 6, afterSeal: keep, source: 八 }\n'),
      'zh-TW',
    );
    expect(table.rows).toEqual([
      {
        kind: 'amended',
        key: 'cite:八',
        amended: [
          { depth: 0, runs: [{ text: '八', marked: false }] },
          {
            depth: 0,
            runs: [
              { text: '畢業生學習歷程檔案資料封存年限：', marked: false },
              { text: '6年', marked: true },
            ],
          },
          {
            depth: 0,
            runs: [
              { text: '封存期滿後之處理：', marked: false },
              { text: '保留', marked: true },
            ],
          },
        ],
        current: [
          { depth: 0, runs: [{ text: '八', marked: false }] },
          {
            depth: 0,
            runs: [
              { text: '畢業生學習歷程檔案資料封存年限：', marked: false },
              { text: '5年', marked: true },
            ],
          },
        ],
        explanation: [
          '畢業生學習歷程檔案資料封存年限由5年改為6年。',
          '封存期滿後之處理由得刪除（依國教署111年9月23日函 畢業生資料封存）改為保留。',
        ],
      },
    ]);
  });

  it('reordering windows or trainings is no amendment; a cap moved to another clause says so once', () => {
    const before =
      'id: p\nname: 規定\ndocument: 規定\nappliesFrom: 11201\ncaps:\n  courseOutcome:\n    upload: { max: 6, per: semester, source: 五 }\nwindows:\n  - { activity: courseOutcomeUpload, closes: { anchor: closingCeremony, weeks: 2 }, source: 流程 }\n  - { activity: gradeEntry, closes: { anchor: makeUpExam, weeks: 2 }, source: 流程 }\n';
    const reordered = before.replace(
      /( {2}- \{ activity: courseOutcomeUpload.*\n)( {2}- \{ activity: gradeEntry.*\n)/,
      '$2$1',
    );
    expect(amendmentTable(version(before), version(reordered), 'zh-TW').rows).toEqual([]);
    const moved = amendmentTable(version(before), version(before.replace('source: 五 }', 'source: 六 }')), 'zh-TW');
    expect(moved.rows.flatMap((row) => row.explanation)).toEqual(['課程學習成果上傳件數之依據由五改為六。']);
  });

  it('no zh-TW explanation of the bundled amendments names a key, a layer or a term code', () => {
    const text = JSON.stringify(amendmentTable(version(HSINCHU_111), version(HSINCHU_112), 'zh-TW'));
    expect(text).not.toMatch(/national@|school:|sealYears|retention|11201|\.yaml/);
  });
});

describe('diffText', () => {
  const side = (pieces: ReturnType<typeof diffText>, skip: 'insert' | 'delete') =>
    pieces
      .filter((piece) => piece.kind !== skip)
      .map((piece) => piece.text)
      .join('');

  it('gives back both texts, whatever they are', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('學', '生', '六', '件', '，', 'a', '\n') }),
        fc.string(),
        (a, b) => {
          const pieces = diffText(a, b);
          expect(side(pieces, 'insert')).toBe(a);
          expect(side(pieces, 'delete')).toBe(b);
        },
      ),
    );
  });

  it('folds chance equalities into the change: a rewritten sentence reads as replaced', () => {
    expect(diffText('至多6件', '至多5件')).toEqual([
      { kind: 'equal', text: '至多' },
      { kind: 'delete', text: '6' },
      { kind: 'insert', text: '5' },
      { kind: 'equal', text: '件' },
    ]);
    expect(diffText('甲乙之丙丁', '戊己之庚辛')).toEqual([
      { kind: 'delete', text: '甲乙之丙丁' },
      { kind: 'insert', text: '戊己之庚辛' },
    ]);
  });
});
