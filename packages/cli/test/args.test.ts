import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optionsOf, parseCommandLine } from '../src/_lib/args';
import { COMMANDS } from '../src/commands';
import { explain } from '../src/commands/explain';
import { validate } from '../src/commands/validate';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 300);

describe('parseCommandLine', () => {
  it('reads inline values, short flags and defaults', () => {
    expect(parseCommandLine(validate, ['a.yaml', '--format=json', 'b.yaml'])).toEqual({
      options: { format: 'json', lang: 'zh-TW' },
      positionals: ['a.yaml', 'b.yaml'],
    });
    expect(parseCommandLine(validate, ['-h'])).toMatchObject({ options: { help: true } });
    expect(parseCommandLine(explain, ['p.yaml', 'caps', '--term', '112-1', '--lang', 'en'])).toEqual({
      options: { term: '112-1', lang: 'en', format: 'stylish' },
      positionals: ['p.yaml', 'caps'],
    });
  });

  it('turns every problem into a PR9xxx finding', () => {
    const code = (argv: string[], command = validate) => {
      const parsed = parseCommandLine(command, argv);
      return 'finding' in parsed ? parsed.finding.code : 'ok';
    };
    expect(code(['a.yaml', '--lang'])).toBe('PR9003');
    expect(code(['a.yaml', '--format', '--lang', 'en'])).toBe('PR9003');
    expect(code(['a.yaml', '--help=yes'])).toBe('PR9004');
    expect(code(['a.yaml', '-x'])).toBe('PR9002');
    expect(code(['p.yaml', 'caps', 'extra'], explain)).toBe('PR9006');
    expect(code([], explain)).toBe('PR9003');
  });

  it('never throws on any command line, and answers with known options or a PR9001–PR9006 finding', () => {
    const word = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '--format',
        '--lang',
        '--term',
        '--dir',
        '--force',
        '-h',
        '--help',
        'json',
        'en',
        '--',
        '-',
        '--format=',
        '--lang=xx',
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...COMMANDS), fc.array(word, { maxLength: 8 }), (command, argv) => {
        const parsed = parseCommandLine(command, argv);
        if ('finding' in parsed) {
          expect(parsed.finding.code).toMatch(/^PR900[1-6]$/);
          expect(parsed.finding.severity).toBe('error');
        } else {
          const known = Object.keys(optionsOf(command));
          expect(Object.keys(parsed.options).every((name) => known.includes(name))).toBe(true);
        }
      }),
      { seed: 42, numRuns },
    );
  });
});
