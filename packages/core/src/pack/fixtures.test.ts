import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAYERING_CODES } from '../layering/codes';
import { parseTerm } from '../term';
import type { Division } from '../units';
import { PACK_CODES } from './codes';
import { PACK_LIMITS, validatePack } from '.';

/**
 * One fixture pack per code under packages/core/test/fixtures/codes/<CODE>.yaml. Each starts with
 * `# expect: <CODE> at <line>:<column>` and, where the check needs a term or a division, `# term: <term>`
 * or `# division: <division>`.
 */
const FIXTURES = new URL('../../test/fixtures/codes/', import.meta.url);
const fixtureNames = readdirSync(FIXTURES).filter((name) => name.endsWith('.yaml'));

/** Codes whose trigger cannot sensibly live in a file: they are triggered inline below. */
const INLINE = new Set([
  PACK_CODES.fileTooLarge.code,
  PACK_CODES.notUtf8.code,
  PACK_CODES.rulesCost.code,
  PACK_CODES.moreProblems.code,
]);

function readFixture(name: string) {
  const text = readFileSync(new URL(name, FIXTURES), 'utf8');
  const expectation = /^# expect: (PR\d{4}) at (\d+):(\d+)$/m.exec(text);
  if (!expectation) throw new Error(`${name} has no "# expect: CODE at line:column" header`);
  const term = /^# term: (\S+)$/m.exec(text)?.[1];
  const division = /^# division: (\S+)$/m.exec(text)?.[1] as Division | undefined;
  return {
    text,
    division,
    code: expectation[1]!,
    line: Number(expectation[2]),
    column: Number(expectation[3]),
    term: term === undefined ? undefined : parseTerm(term),
  };
}

describe('every pack and layering code has a fixture that triggers exactly it', () => {
  const codes: string[] = [...Object.values(PACK_CODES), ...Object.values(LAYERING_CODES)].map((spec) => spec.code);

  it('covers every code', () => {
    const covered = new Set([...fixtureNames.map((name) => name.replace(/\.yaml$/, '')), ...INLINE]);
    expect(codes.filter((code) => !covered.has(code))).toEqual([]);
    expect([...covered].filter((code) => !codes.includes(code))).toEqual([]);
  });

  it.each(fixtureNames)('%s', (name) => {
    const { text, code, line, column, term, division } = readFixture(name);
    expect(name).toBe(`${code}.yaml`);
    const { findings } = validatePack(text, { file: name, ...(term && { term }), ...(division && { division }) });
    expect(findings.map((finding) => finding.code)).toEqual([code]);
    expect(findings[0]!.position).toEqual({ file: name, line, column });
    expect(findings[0]!.message['zh-TW']).not.toBe('');
    expect(findings[0]!.message.en).not.toBe('');
  });

  it('PR1017: the problems of one kind beyond the first 100, counted in one finding', () => {
    const keys = Array.from({ length: 101 }, (_, index) => `unknown${index}: 1`).join('\n');
    const { findings } = validatePack(`id: many\nname: 多\ndocument: 多\n${keys}\n`, { file: 'many.yaml' });
    expect(findings.map((finding) => finding.code)).toEqual([...Array<string>(100).fill('PR1003'), 'PR1017']);
    expect(findings[100]!.position).toEqual({ file: 'many.yaml', line: 104, column: 1 });
    expect(findings[100]!.data).toEqual({ more: 1, listed: 100 });
  });

  it('PR1012: a file over the size limit, counted in UTF-8 bytes', () => {
    const header = 'id: big\nname: 大\ndocument: 大\nnotes:\n  - text: ';
    const fits = header + '字'.repeat(Math.floor((PACK_LIMITS.bytes - header.length - 10) / 3)) + '\n';
    expect(validatePack(fits).findings.map((finding) => finding.code)).toEqual([]);
    const tooLarge = fits.replace('- text: ', '- text: 字字字字字');
    const { findings } = validatePack(tooLarge, { file: 'big.yaml' });
    expect(findings.map((finding) => finding.code)).toEqual(['PR1012']);
    expect(findings[0]!.position).toEqual({ file: 'big.yaml', line: 1, column: 1 });
    expect(findings[0]!.data).toEqual({ bytes: Buffer.byteLength(tooLarge, 'utf8'), limit: PACK_LIMITS.bytes });
  });

  it('PR1016: a pack saved as UTF-16 and read as UTF-8', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('id: utf16\nname: 測試\ndocument: 測試\n', 'utf16le'),
    ]);
    const { findings } = validatePack(bytes.toString('utf8'), { file: 'utf16.yaml' });
    expect(findings.map((finding) => finding.code)).toEqual(['PR1016']);
    expect(findings[0]!.position).toEqual({ file: 'utf16.yaml', line: 1, column: 1 });
  });

  it('PR1028: rules that are each within the step limit but too costly together', () => {
    const list = JSON.stringify(Array.from({ length: 99 }, (_, index) => index));
    const rules = Array.from(
      { length: 60 },
      (_, index) =>
        `  - { id: r${index}, when: { some: [${list}, { "==": [{ var: "" }, 1] }] }, message: { zh-TW: x, en: x } }`,
    );
    const text = `id: costly\nname: 測試\ndocument: 測試\nrules:\n${rules.join('\n')}\n`;
    const { findings } = validatePack(text, { file: 'rules.yaml' });
    expect(findings.map((finding) => finding.code)).toEqual(['PR1028']);
    expect(findings[0]!.position).toEqual({ file: 'rules.yaml', line: 4, column: 1 });
  });
});
