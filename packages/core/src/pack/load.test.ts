import type { FindingBase } from '../findings/types';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ALLOWED_OPERATORS, EXPRESSION_LIMITS } from '../expressions/check';
import { loadPack, PACK_LIMITS, validatePack } from '.';

const HEAD = 'id: test\nname: 測試規定\ndocument: 測試補充規定\n';
const codesOf = (text: string) => loadPack(text).findings.map((finding) => finding.code);

/** A pack with one custom rule whose `when` is the given json-logic, written as JSON (valid YAML). */
const withRule = (when: unknown) =>
  `${HEAD}rules:\n  - id: r\n    when: ${JSON.stringify(when)}\n    message: { zh-TW: 訊息, en: message }\n`;

describe('loadPack', () => {
  it('returns the pack and the position of every value, with the file name', () => {
    const loaded = loadPack(`${HEAD}caps:\n  courseOutcome:\n    upload:\n      max: 6\n      per: semester\n`, {
      file: 'magong.yaml',
    });
    expect(loaded.findings).toEqual([]);
    expect(loaded.pack?.caps?.courseOutcome?.upload).toEqual({ max: 6, per: 'semester' });
    expect(loaded.positions['caps.courseOutcome.upload.max']).toEqual({ file: 'magong.yaml', line: 7, column: 12 });
    expect(loaded.positions.id).toEqual({ file: 'magong.yaml', line: 1, column: 5 });
  });

  it('suggests `upload` for `uplaod`, in both languages', () => {
    const [finding, ...rest] = loadPack(`${HEAD}caps:\n  courseOutcome:\n    uplaod:\n      max: 6\n`, {
      file: 'p.yaml',
    }).findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      code: 'PR1003',
      severity: 'error',
      subject: 'caps.courseOutcome.uplaod',
      position: { file: 'p.yaml', line: 6, column: 5 },
      data: { key: 'uplaod', suggestion: 'upload', allowed: ['upload', 'select'] },
    });
    expect(finding!.message.en).toBe('unknown key `uplaod` — did you mean `upload`?');
    expect(finding!.message['zh-TW']).toBe('未知的設定鍵「uplaod」，您是否要輸入「upload」？');
  });

  it('offers no suggestion for a key far from any known one', () => {
    const [finding]: readonly FindingBase[] = loadPack(`${HEAD}colour: blue\n`).findings;
    expect(finding).toMatchObject({ code: 'PR1003', data: { key: 'colour' } });
    expect(finding!.data.suggestion).toBeUndefined();
    expect(finding!.message.en).toBe('unknown key `colour`');
  });

  it('reports every problem of a file, not only the first', () => {
    const codes = codesOf(
      `id: Bad\nname: x\ndocument: x\nkind: shcool\ncaps: { courseOutcome: { upload: { max: -1 } } }\n`,
    );
    expect(codes.sort()).toEqual(['PR1005', 'PR1007', 'PR1008']);
  });

  it.each([
    ['an unquoted 11201', 'appliesFrom: 11201', 11201],
    ['a quoted "11201"', 'appliesFrom: "11201"', '11201'],
    ['the dashed 112-1', 'appliesFrom: 112-1', '112-1'],
  ])('reads %s as a term', (_, line, value) => {
    const validation = validatePack(`${HEAD}${line}\n`);
    expect(validation.findings).toEqual([]);
    expect(validation.loaded.pack?.appliesFrom).toBe(value);
    expect(validation.resolution?.versions.map((version) => version.national.layer)).toEqual(['national@2022-08-01']);
    expect(validation.resolution?.versions[0]?.appliesFrom).toEqual({ year: 112, semester: 1 });
  });

  it("gives the YAML parser's reason for a syntax error, its position apart (PR1001)", () => {
    const [finding, ...rest]: readonly FindingBase[] = loadPack(`${HEAD}key: [1, 2\n`, { file: 'p.yaml' }).findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'PR1001', position: { file: 'p.yaml' } });
    expect(finding!.data.detail).toMatch(/^Flow sequence/);
    expect(finding!.message.en).not.toMatch(/at line \d+/);
  });

  it.each([
    ['a quote left open', `${HEAD}name: "示範\n`, 'MISSING_CHAR', '缺少必要的符號'],
    ['a tab as indentation', `${HEAD}caps:\n\tcourseOutcome: 1\n`, 'TAB_AS_INDENT', '不能以 Tab 縮排'],
    [
      'a value holding ": "',
      `${HEAD}document: 示範補充規定: 112學年度\n`,
      'BLOCK_AS_IMPLICIT_KEY',
      '值中含有「: 」時請加引號',
    ],
    ['an alias to no anchor', `${HEAD}version: *nope\n`, 'BAD_ALIAS', '錨點 (&)'],
  ])("says a syntax error in Chinese in zh-TW, by the parser's code (PR1001): %s", (_, text, problem, zh) => {
    const [finding]: readonly FindingBase[] = loadPack(text).findings;
    expect(finding).toMatchObject({ code: 'PR1001', data: { problem } });
    expect(finding!.message['zh-TW']).toContain(zh);
    // Not a word of the parser's English in the Chinese message.
    expect(finding!.message['zh-TW'].replace(/YAML|Tab/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    expect(finding!.message.en).toContain(String(finding!.data.detail));
  });

  it('names a misspelt key once, without a "missing" twin for the key it meant', () => {
    const { findings } = loadPack(
      `${HEAD}duties:\n  basicData: { owner: registration, deputies: [{ designatedby: registration }] }\n`,
    );
    expect(findings.map((finding: FindingBase) => [finding.code, finding.subject, finding.data.suggestion])).toEqual([
      ['PR1003', 'duties.basicData.deputies.0.designatedby', 'designatedBy'],
    ]);
  });

  it('reports a unit key that is not an identifier as a format problem at the key (PR1008)', () => {
    const { findings } = loadPack(`${HEAD}units:\n  "註冊組": { name: 註冊組 }\n`);
    expect(findings).toMatchObject([
      {
        code: 'PR1008',
        subject: 'units.註冊組',
        position: { line: 5, column: 3 },
        data: { value: '註冊組', format: 'identifier' },
      },
    ]);
  });

  it('names a union of types and a decimal number in words', () => {
    const [term] = loadPack(`${HEAD}appliesFrom: 112.1\n`).findings;
    expect(term).toMatchObject({ code: 'PR1004', data: { expected: 'string | int', received: 'decimal' } });
    expect(term!.message.en).toBe('expected text or a whole number, found a decimal number');
    expect(term!.message['zh-TW']).toBe('此處應為文字或整數，但寫的是小數');
  });

  it.each(['"0001"', '"000-1"', '11203', '"112-3"', '1120', '"11201 "'])('refuses %s as a term (PR1008)', (value) => {
    expect(codesOf(`${HEAD}appliesFrom: ${value}\n`)).toEqual(['PR1008']);
  });

  describe('safety', () => {
    it.each(['__proto__', 'constructor', 'prototype', '"__proto__"'])('rejects the key %s at any depth', (key) => {
      const bare = key.replace(/"/g, '');
      for (const text of [
        `${HEAD}${key}: { polluted: true }\n`,
        `${HEAD}units:\n  registration:\n    ${key}: { polluted: true }\n`,
        `${HEAD}notes:\n  - text: a\n    ${key}: { polluted: true }\n`,
        `${HEAD}rules:\n  - id: r\n    when: { var: [a, { ${key}: 1 }] }\n    message: { zh-TW: a, en: b }\n`,
      ]) {
        const { findings, pack } = loadPack(text);
        expect(pack).toBeUndefined();
        expect(findings.map((finding: FindingBase) => [finding.code, finding.data.key])).toEqual([['PR1010', bare]]);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('keeps the yaml alias limit: a few aliases load, an alias bomb is PR1011', () => {
      const few = `${HEAD}units:\n  registration: &reg { name: 註冊組 }\n  registrationEvening: *reg\n`;
      expect(codesOf(few)).toEqual([]);
      const rows = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
      for (const [name, previous] of [
        ['b', 'a'],
        ['c', 'b'],
        ['d', 'c'],
        ['e', 'd'],
        ['f', 'e'],
      ] as const) {
        rows.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
      }
      const { findings } = loadPack(`${HEAD}${rows.join('\n')}\n`);
      expect(findings.map((finding) => finding.code)).toEqual(['PR1011']);
      expect(findings[0]!.data).toEqual({ limit: PACK_LIMITS.aliases });
      expect(findings[0]!.position).toEqual({ line: 5, column: 8 });
    });

    it.each([
      ['a block map', `${HEAD}id: again\n`, 'id', 4, 1],
      ['a flow map', `${HEAD}units: { a: { name: x }, a: { name: y } }\n`, 'a', 4, 26],
      ['a nested map', `${HEAD}receipts:\n  confirmationDays: 3\n  confirmationDays: 5\n`, 'confirmationDays', 6, 3],
      ['a quoted key', `${HEAD}"name": again\n`, 'name', 4, 1],
    ])('rejects a duplicate key in %s (PR1002)', (_, text, key, line, column) => {
      const { findings } = loadPack(text);
      expect(findings.map((finding: FindingBase) => [finding.code, finding.data.key])).toEqual([['PR1002', key]]);
      expect(findings[0]!.position).toEqual({ line, column });
    });

    it(`allows nesting down to ${PACK_LIMITS.depth} levels and rejects deeper (PR1013)`, () => {
      const nested = (levels: number) => `${HEAD}notes: ${'['.repeat(levels)}x${']'.repeat(levels)}\n`;
      // The root mapping is level 0 and `notes`' value level 1: the n-th [ is level n, the scalar inside level n + 1.
      expect(codesOf(nested(PACK_LIMITS.depth - 1))).not.toContain('PR1013');
      expect(codesOf(nested(PACK_LIMITS.depth))).toEqual(['PR1013']);
      expect(loadPack(nested(PACK_LIMITS.depth)).findings[0]!.data).toEqual({
        depth: PACK_LIMITS.depth + 1,
        limit: PACK_LIMITS.depth,
      });
    });

    it(`accepts ${PACK_LIMITS.bytes} bytes and rejects one more (PR1012)`, () => {
      const filler = (bytes: number) =>
        `${HEAD}notes: [{ text: "${'x'.repeat(bytes - Buffer.byteLength(HEAD) - 'notes: [{ text: "" }]\n'.length)}" }]\n`;
      expect(Buffer.byteLength(filler(PACK_LIMITS.bytes))).toBe(PACK_LIMITS.bytes);
      expect(codesOf(filler(PACK_LIMITS.bytes))).toEqual([]);
      expect(codesOf(filler(PACK_LIMITS.bytes + 1))).toEqual(['PR1012']);
    });
  });

  describe('custom rules', () => {
    it('accepts every allow-listed operator', () => {
      for (const operator of ALLOWED_OPERATORS) {
        const argument =
          operator === 'var'
            ? 'count'
            : operator === 'missing'
              ? ['count']
              : operator === 'missing_some'
                ? [1, ['count']]
                : [{ var: 'count' }, 1];
        expect({ operator, codes: codesOf(withRule({ [operator]: argument })) }).toEqual({ operator, codes: [] });
      }
    });

    it.each(['method', 'map', 'reduce', 'filter', 'merge', 'substr', 'log', 'constructor2'])(
      'rejects the operator %s (PR1020)',
      (operator) => {
        const { findings } = loadPack(withRule({ and: [true, { [operator]: [{ var: 'a' }, 'b'] }] }));
        expect(findings.map((finding: FindingBase) => [finding.code, finding.data.operator])).toEqual([
          ['PR1020', operator],
        ]);
        expect(findings[0]!.subject).toBe(`rules.0.when.and.1.${operator}`);
      },
    );

    it.each([
      [{ var: '__proto__' }, '__proto__'],
      [{ var: 'student.constructor' }, 'student.constructor'],
      [{ var: ['a.prototype.b', 0] }, 'a.prototype.b'],
      [{ missing: ['ok', 'x.__proto__'] }, 'x.__proto__'],
      [{ missing_some: [1, ['constructor.name']] }, 'constructor.name'],
      [{ '!': { var: 'a.b.__proto__' } }, 'a.b.__proto__'],
    ])('rejects var paths through prototype keys: %j (PR1021)', (when, path) => {
      const { findings } = loadPack(withRule(when));
      expect(findings.map((finding: FindingBase) => [finding.code, finding.data.path])).toEqual([['PR1021', path]]);
    });

    it.each([
      [{ var: { cat: ['__pro', 'to__'] } }, '{"cat":["__pro","to__"]}'],
      [{ var: [{ if: [true, 'constructor', 'x'] }, 0] }, '{"if":[true,"constructor","x"]}'],
      [{ missing: [{ cat: ['a.', 'prototype'] }] }, '{"cat":["a.","prototype"]}'],
    ])('rejects a var path computed by another operation, which cannot be checked: %j (PR1021)', (when, path) => {
      const { findings } = loadPack(withRule(when));
      expect(findings.map((finding: FindingBase) => [finding.code, finding.data.path])).toEqual([['PR1021', path]]);
    });

    it('allows keys that merely contain a forbidden word', () => {
      expect(codesOf(withRule({ var: 'student.constructorName' }))).toEqual([]);
      expect(codesOf(withRule({ var: 'prototypes' }))).toEqual([]);
    });

    it(`caps expression depth at ${EXPRESSION_LIMITS.depth} (PR1022)`, () => {
      const nested = (levels: number): unknown => (levels === 0 ? { var: 'count' } : { '!': [nested(levels - 1)] });
      // Each `{ "!": [...] }` is two levels; `{ var: count }` and its argument one more each.
      expect(codesOf(withRule(nested(5)))).toEqual([]);
      expect(codesOf(withRule(nested(6)))).toEqual(['PR1022']);
    });

    it(`caps expression size at ${EXPRESSION_LIMITS.nodes} nodes (PR1023)`, () => {
      const sum = (terms: number) => ({ '+': Array.from({ length: terms }, (_, index) => index) });
      // The operation, its list and the terms: 2 + n nodes.
      expect(codesOf(withRule(sum(EXPRESSION_LIMITS.nodes - 2)))).toEqual([]);
      expect(codesOf(withRule(sum(EXPRESSION_LIMITS.nodes - 1)))).toEqual(['PR1023']);
    });

    it('reports an operation with two operators as malformed (PR1024)', () => {
      expect(codesOf(withRule({ '==': [1, 1], '!=': [1, 2] }))).toEqual(['PR1024']);
      expect(codesOf(withRule({}))).toEqual(['PR1024']);
    });

    it('reads a custom rule written in YAML block style', () => {
      const loaded = loadPack(
        `${HEAD}rules:\n  - id: too-many\n    when:\n      ">": [{ var: selected }, 6]\n    message: { zh-TW: 太多, en: too many }\n`,
      );
      expect(loaded.findings).toEqual([]);
      expect(loaded.pack?.rules?.[0]?.when).toEqual({ '>': [{ var: 'selected' }, 6] });
    });
  });

  it('reads what the yaml package writes from a pack object', () => {
    const text = stringify({
      id: 'round-trip',
      name: '規定',
      document: '補充規定',
      appliesFrom: 11201,
      caps: { courseOutcome: { upload: { max: 6, per: 'semester' } } },
    });
    expect(loadPack(text).findings).toEqual([]);
  });
});
