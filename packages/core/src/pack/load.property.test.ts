import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../catalogue';
import { loadPack, validatePack } from '.';
import { propertyOptions } from '../../test/arbitraries';

const VALID = `id: magong
name: 國立馬公高級中學學生學習歷程檔案作業補充規定
document: 馬公補充規定
appliesFrom: 11101
caps:
  courseOutcome:
    upload: { max: 6, per: semester, source: 五(三)1 }
    select: { max: 6, per: academicYear, source: 六(一) }
  diversePerformance:
    upload: { max: 15, per: academicYear, source: 五(四) }
rules:
  - id: too-many
    when: { ">": [{ var: selected }, 6] }
    message: { zh-TW: 太多, en: too many }
`;

/** Pieces YAML is made of, and the words our packs use, so random text gets past the parser often enough. */
const TOKENS = [
  ':',
  ': ',
  '- ',
  '\n',
  '\n  ',
  '\n    ',
  '  ',
  '[',
  ']',
  '{',
  '}',
  ', ',
  '&a ',
  '*a',
  '!!str ',
  '? ',
  '|',
  '>',
  '#',
  '"',
  "'",
  '---\n',
  '...\n',
  'id',
  'name',
  'document',
  'caps',
  'courseOutcome',
  'select',
  'max',
  'per',
  'semester',
  'rules',
  'when',
  'var',
  'extends',
  'taipei',
  '__proto__',
  'constructor',
  '11201',
  '112-1',
  '6',
  '-1',
  'true',
  'null',
  '~',
  '2024-02-30',
  '學期',
];

/** Every answer is a pack or at least one finding; every finding is a catalogued code with a position in the file. */
function expectWellFormed(text: string): void {
  const loaded = loadPack(text, { file: 'random.yaml' });
  if (loaded.pack) {
    expect(loaded.findings).toEqual([]);
  } else {
    expect(loaded.findings.length).toBeGreaterThan(0);
  }
  const validation = validatePack(text, { file: 'random.yaml' });
  for (const finding of [...loaded.findings, ...validation.findings]) {
    expect(CATALOGUE[finding.code], finding.code).toBeDefined();
    expect(finding.message['zh-TW'].length).toBeGreaterThan(0);
    expect(finding.message.en.length).toBeGreaterThan(0);
    if (finding.code.startsWith('PR1')) {
      expect(finding.position?.file).toBe('random.yaml');
      expect(finding.position!.line).toBeGreaterThanOrEqual(1);
      expect(finding.position!.column).toBeGreaterThanOrEqual(1);
    }
  }
}

describe('loadPack never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), expectWellFormed), propertyOptions(300));
  }, 30_000);

  it('on YAML-like token soup', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((tokens) => tokens.join('')),
        expectWellFormed,
      ),
      propertyOptions(300),
    );
  }, 30_000);

  it('on YAML written from random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => expectWellFormed(stringify(value))),
      propertyOptions(200),
    );
  }, 30_000);

  it('on random mappings with pack keys at the top', () => {
    const packLike = fc.dictionary(
      fc.constantFrom(
        'id',
        'name',
        'document',
        'caps',
        'extends',
        'appliesFrom',
        'rules',
        'windows',
        'units',
        'uplaod',
        '__proto__',
      ),
      fc.jsonValue({ maxDepth: 4 }),
    );
    fc.assert(
      fc.property(packLike, (value) => expectWellFormed(stringify(value))),
      propertyOptions(200),
    );
  }, 30_000);

  it('on a valid pack with characters deleted, inserted or replaced', () => {
    const edit = fc.record({
      at: fc.nat({ max: VALID.length }),
      remove: fc.nat({ max: 5 }),
      insert: fc.constantFrom('', ':', ' ', '\n', '-', '[', '"', '\t', 'x', '*a'),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const text = edits.reduce(
          (current, { at, remove, insert }) => current.slice(0, at) + insert + current.slice(at + remove),
          VALID,
        );
        expectWellFormed(text);
      }),
      propertyOptions(200),
    );
  }, 30_000);

  it('the valid pack itself loads', () => {
    expect(loadPack(VALID).findings).toEqual([]);
  });
});
