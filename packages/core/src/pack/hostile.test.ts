import { describe, expect, it } from 'vitest';
import { ECHO_WIDTH } from '../_lib/clip';
import { loadPack, PACK_LIMITS, validatePack } from '.';

// Packs written to break the loader: each must come back as findings with a code, never an
// exception, a wrong message or an unbounded echo.

const HEAD = 'id: test\nname: 測試規定\ndocument: 測試補充規定\n';
const codesOf = (text: string) => loadPack(text).findings.map((finding) => finding.code);

describe('forbidden keys reached through an alias', () => {
  it.each(['constructor', '__proto__', 'prototype'])('refuses `%s` written as an alias key (PR1010)', (key) => {
    const { findings, pack } = loadPack(`${HEAD}version: &k ${key}\nunits: { *k : { name: 教務處 } }\n`);
    expect(pack).toBeUndefined();
    expect(findings).toMatchObject([{ code: 'PR1010', data: { key }, position: { line: 5, column: 10 } }]);
    expect(Object.prototype).not.toHaveProperty('name');
  });

  it('refuses one in block style too', () => {
    expect(codesOf(`${HEAD}version: &k constructor\nunits:\n  *k : { name: 教務處 }\n`)).toEqual(['PR1010']);
  });

  it('refuses a key that is a mapping or a list, which would be read as its text (PR1004)', () => {
    const [finding, ...rest] = loadPack(`${HEAD}units:\n  ? [constructor]\n  : { name: 教務處 }\n`).findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'PR1004', data: { expected: 'string', received: 'array' } });
    expect(codesOf(`${HEAD}version: &m { a: 1 }\nunits: { *m : 1 }\n`)).toEqual(['PR1004']);
  });

  it('still reads an alias key that names an ordinary key', () => {
    const loaded = loadPack(`${HEAD}version: &k registration\nunits: { *k : { name: 註冊組 } }\n`);
    expect(loaded.findings).toEqual([]);
    expect(loaded.pack?.units).toEqual({ registration: { name: '註冊組' } });
  });
});

// Found by the fuzz harness: an alias to no anchor read as the key `undefined` (twice: "written twice"), or as too many aliases.
describe('aliases to no anchor', () => {
  it.each([
    ['as keys', `${HEAD}units: { *k : 1, *k : 2 }\n`],
    ['as a value', `${HEAD}version: *k\n`],
  ])('are a syntax error naming the alias (PR1001) %s', (_, text) => {
    const findings = loadPack(text).findings;
    expect(findings.map((finding) => finding.code)).toEqual(findings.map(() => 'PR1001'));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]!.message.en).toContain('*k');
    expect(JSON.stringify(findings)).not.toContain('undefined');
  });
});

describe('extends naming something that is not a layer', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'reports `extends: %s` as an unknown layer (PR2001), never a TypeError',
    (name) => {
      const overlays = { taipei: loadPack(`id: taipei\nkind: overlay\nname: 臺北市\ndocument: 北市規定\n`) };
      const validation = validatePack(`${HEAD}extends: ${name}\n`, {
        file: 'p.yaml',
        overlays: { taipei: { pack: overlays.taipei.pack! } },
      });
      expect(validation.findings).toMatchObject([
        { code: 'PR2001', data: { extends: name, known: ['national', 'taipei'] }, position: { line: 4, column: 10 } },
      ]);
    },
  );
});

describe('nesting the parser cannot follow', () => {
  it.each([10_000, 100_000])('reports %i nested brackets as too deep (PR1013), not a stack overflow', (depth) => {
    const findings = loadPack(`${HEAD}notes: ${'['.repeat(depth)}${']'.repeat(depth)}\n`).findings;
    expect(findings.map((finding) => finding.code)).toEqual(['PR1013']);
    expect(findings[0]!.data).toEqual({ depth: PACK_LIMITS.depth + 1, limit: PACK_LIMITS.depth });
    expect(JSON.stringify(findings)).not.toMatch(/call stack/);
  });

  it('reports deep flow mappings the same way', () => {
    const depth = 10_000;
    expect(codesOf(`${HEAD}units: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`)).toEqual(['PR1013']);
  });

  // Found by the fuzz harness (bench/fuzz): the answer depended on how much stack the parser had left.
  it.each([30, 800, 5_000])(
    'gives one answer for %i nested brackets before a syntax error, call after call',
    (depth) => {
      const text = `deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n1`;
      const answers = Array.from({ length: 4 }, () => loadPack(text).findings);
      expect(answers[0]).toMatchObject([{ code: 'PR1013', position: { line: 1, column: 31 } }]);
      for (const answer of answers) expect(answer).toEqual(answers[0]);
    },
  );

  it('gives the same answer with little stack left', () => {
    const text = `${HEAD}notes: ${'['.repeat(2_000)}${']'.repeat(2_000)}\n`;
    const deepInStack = (frames: number): readonly unknown[] =>
      frames === 0 ? loadPack(text).findings : deepInStack(frames - 1);
    expect(deepInStack(5_000)).toEqual(loadPack(text).findings);
  });
});

describe('tags', () => {
  it.each([
    ['!!binary', 'school: !!binary 5ris6Kmm'],
    ['!!timestamp', 'version: !!timestamp 2001-12-14'],
    ['!!set', 'notes: !!set { a, b }'],
    ['!!omap', 'notes: !!omap [ a: 1 ]'],
    ['!!pairs', 'notes: !!pairs [ a: 1 ]'],
    ['!foo', 'school: !foo 馬公高中'],
    ['!<tag:example.com,2024:x>', 'school: !<tag:example.com,2024:x> 馬公高中'],
  ])('refuses %s with the tag code (PR1015), not "found a mapping"', (tag, line) => {
    const findings = loadPack(`${HEAD}${line}\n`).findings;
    expect(findings.map((finding) => finding.code)).toEqual(['PR1015']);
    expect(findings[0]!.data).toEqual({ tag });
    expect(findings[0]!.message.en).toContain(`\`${tag}\``);
  });

  it('points at the tag as written', () => {
    const [finding] = loadPack(`${HEAD}notes:\n  - text: !!binary 5ris6Kmm\n`).findings;
    expect(finding).toMatchObject({ code: 'PR1015', position: { line: 5, column: 11 } });
  });

  it('refuses a tag on a key', () => {
    expect(codesOf(`${HEAD}!!binary dW5pdHM=: {}\n`)).toEqual(['PR1015']);
  });

  it('allows the plain tags that only name a type', () => {
    const loaded = loadPack(
      `${HEAD}version: !!str 112\nschool: !str-less\nnotes: !!seq [ !!map { text: !!str 條文 } ]\n`.replace(
        'school: !str-less\n',
        '',
      ),
    );
    expect(loaded.findings).toEqual([]);
    expect(loaded.pack?.version).toBe('112');
  });
});

describe('numbers in messages', () => {
  // Found by the fuzz harness: a window without its activity read "`undefined` is not allowed".
  it('calls a list item without its kind a missing key (PR1006)', () => {
    const [finding, ...rest] = loadPack(`${HEAD}windows:\n  - closes: 2024-01-01\n    source: 作業流程 1\n`).findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'PR1006', data: { key: 'activity' }, position: { line: 5, column: 5 } });
  });

  // Found by the fuzz harness: a mapping where a word was expected read "[object Object] is not allowed".
  it.each([
    ['{ semester: 1 }', 'object'],
    ['[semester]', 'array'],
  ])('calls a %s where one word of a list is expected a wrong type (PR1004)', (value, received) => {
    const [finding, ...rest] = loadPack(
      `${HEAD}caps: { courseOutcome: { upload: { max: 6, per: ${value} } } }\n`,
    ).findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'PR1004', data: { expected: 'string', received } });
    expect(JSON.stringify(finding!.message)).not.toContain('[object Object]');
  });

  it('calls 1e309 a number too large, not a decimal (PR1004)', () => {
    const [finding] = loadPack(`${HEAD}caps: { courseOutcome: { upload: { max: 1e309 } } }\n`).findings;
    expect(finding).toMatchObject({ code: 'PR1004', data: { expected: 'number', received: 'infinite' } });
    expect(finding!.message.en).toBe('expected a number, found a number too large to hold (infinite)');
    expect(finding!.message['zh-TW']).toBe('此處應為數字，但寫的是超出範圍的數字 (無限大)');
  });

  it('names .inf and .nan for what they are', () => {
    const [inf] = loadPack(`${HEAD}caps: { courseOutcome: { upload: { max: .inf } } }\n`).findings;
    expect((inf!.data as { received?: string }).received).toBe('infinite');
    const [nan] = loadPack(`${HEAD}caps: { courseOutcome: { upload: { max: .nan } } }\n`).findings;
    expect((nan!.data as { received?: string }).received).toBe('nan');
    expect(nan!.message.en).toBe('expected a number, found not-a-number (.nan)');
  });

  it('says a value must be more than 0 where 0 itself is refused (PR1007)', () => {
    const [finding] = loadPack(`${HEAD}receipts: { confirmationDays: 0 }\n`).findings;
    expect(finding).toMatchObject({
      code: 'PR1007',
      data: { bound: 'min', limit: 0, what: 'value', inclusive: false },
    });
    expect(finding!.message.en).toBe('the value must be more than 0');
    expect(finding!.message['zh-TW']).toBe('數值應大於 0');
  });

  it('keeps "at least" for an inclusive bound, without the inclusive parameter', () => {
    const [finding] = loadPack(`${HEAD}caps: { courseOutcome: { upload: { max: -1 } } }\n`).findings;
    expect(finding).toMatchObject({ code: 'PR1007', data: { bound: 'min', limit: 0, what: 'value' } });
    expect(finding!.data).not.toHaveProperty('inclusive');
    expect(finding!.message.en).toBe('the value must be at least 0');
  });
});

describe('UTF-16 text read as UTF-8', () => {
  const asUtf8 = (bytes: Buffer) => new TextDecoder('utf-8').decode(bytes);
  const pack = `${HEAD}school: 馬公高中\n`;

  it.each([
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pack, 'utf16le')])],
    ['utf-16le', Buffer.from(pack, 'utf16le')],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(pack, 'utf16le').swap16()])],
  ])('says the pack is %s (PR1016)', (encoding, bytes) => {
    const findings = loadPack(asUtf8(bytes), { file: 'p.yaml' }).findings;
    expect(findings).toMatchObject([
      { code: 'PR1016', data: { encoding }, position: { file: 'p.yaml', line: 1, column: 1 } },
    ]);
    expect(findings[0]!.message['zh-TW']).toContain('UTF-8');
  });

  it('does not mistake a stray NUL for UTF-16', () => {
    expect(codesOf(`${HEAD}school: "a\\0b"\n`)).toEqual([]);
    expect(codesOf(`${HEAD}school: a\u0000b\n`)).not.toContain('PR1016');
  });
});

describe('echoed values have a bounded width', () => {
  const huge = '9'.repeat(400_000);

  it.each([
    ['a malformed term (PR1008)', `appliesFrom: "${huge}"`, 'PR1008', 'value'],
    ['a value not allowed (PR1005)', `kind: x${huge}`, 'PR1005', 'value'],
    ['an unknown key (PR1003)', `? k${huge}\n: 1`, 'PR1003', 'key'],
    ['an unknown layer (PR2001)', `extends: x${huge}`, 'PR2001', 'extends'],
  ])('cuts %s to a bounded width', (_, line, code, param) => {
    const findings = validatePack(`${HEAD}${line}\n`).findings;
    expect(findings.map((finding) => finding.code)).toEqual([code]);
    const echoed = String((findings[0]!.data as Record<string, unknown>)[param]);
    expect(echoed.length).toBeLessThanOrEqual(ECHO_WIDTH);
    expect(echoed.endsWith('…')).toBe(true);
    expect(JSON.stringify(findings).length).toBeLessThan(5_000);
  });
});

describe('a file with thousands of problems lists a hundred and counts the rest (PR1017)', () => {
  // The long fuzz run (calendar, seed 20261212): 5,000 stray `]` gave 10,236 syntax findings and took 22.9 s to check.
  it('syntax errors: the first 100, then how many more', () => {
    const findings = loadPack(`${HEAD}notes: ]\n${']'.repeat(5_000)}\n`).findings;
    expect(findings).toHaveLength(101);
    expect(findings.slice(0, 100).every((finding) => finding.code === 'PR1001')).toBe(true);
    const more = findings[100]!;
    expect(more.code).toBe('PR1017');
    expect(more.data).toEqual({ more: 4_901, listed: 100 });
    expect(more.message.en).toMatch(/^4901 more problems/);
    expect(more.position?.line).toBeGreaterThan(1);
  });

  it('unknown keys: the first 100 placed at their keys, the rest counted', () => {
    const keys = Array.from({ length: 3_000 }, (_, index) => `unknown${index}: 1`).join('\n');
    const findings = loadPack(`${HEAD}${keys}\n`).findings;
    expect(findings.map((finding) => finding.code)).toEqual([...Array<string>(100).fill('PR1003'), 'PR1017']);
    expect(findings[100]!.data).toEqual({ more: 2_900, listed: 100 });
    expect(findings[99]!.position?.line).toBe(103);
    expect(findings[100]!.position?.line).toBe(104);
  });

  it('a hundred problems are listed as they are', () => {
    const keys = Array.from({ length: 100 }, (_, index) => `unknown${index}: 1`).join('\n');
    expect(codesOf(`${HEAD}${keys}\n`)).toEqual(Array<string>(100).fill('PR1003'));
  });
});
