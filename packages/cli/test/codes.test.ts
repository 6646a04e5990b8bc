import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { CATALOGUE } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { CLI_CODES } from '../src/codes';

const DOCS = new URL('../../../docs/codes/', import.meta.url);

describe('CLI codes (PR9xxx)', () => {
  const specs = Object.values(CLI_CODES);

  it('are in the PR9xxx range, unique, and clash with no core code', () => {
    const codes = specs.map((spec) => spec.code);
    expect(codes.every((code) => /^PR9\d{3}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((code) => code in CATALOGUE)).toEqual([]);
  });

  it('each has a page docs/codes/<code>.md titled with its code and name', () => {
    for (const spec of specs) {
      const page = new URL(`${spec.code}.md`, DOCS);
      expect(existsSync(page), `${spec.code} has no page`).toBe(true);
      expect(readFileSync(page, 'utf8').split('\n')[0]).toBe(
        `# ${spec.code} — ${spec.name}: ${spec.title.en} ${spec.title['zh-TW']}`,
      );
    }
  });

  it('no PR9xxx page names a code the CLI does not have', () => {
    const known = new Set<string>(specs.map((spec) => spec.code));
    const pages = readdirSync(DOCS).filter((name) => /^PR9\d{3}\.md$/.test(name));
    expect(pages.filter((name) => !known.has(name.slice(0, -3)))).toEqual([]);
  });

  it('say the same thing in both languages, with the suggestion when there is one', () => {
    const message = CLI_CODES.unknownCommand.message({
      command: 'validte',
      known: ['validate', 'schema'],
      suggestion: 'validate',
    });
    expect(message['zh-TW']).toBe('未知的指令「validte」，您是否要輸入「validate」？');
    expect(message.en).toBe('unknown command `validte` — did you mean `validate`?');
    const plain = CLI_CODES.unknownCommand.message({ command: 'x', known: ['validate', 'schema'] });
    expect(plain.en).toBe('unknown command `x`; the commands are: validate, schema');
  });
});
