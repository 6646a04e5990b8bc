import { readFileSync } from 'node:fs';
import {
  ACTIVITIES,
  ANCHORS,
  COMMON_UNITS,
  DIVERSE_PERFORMANCE_CATEGORIES,
  DUTIES,
  ENROLMENT_CHANGES,
  packJsonSchema,
  PERMISSIONS,
  RECORD_KINDS,
  ROLES,
  validatePack,
} from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { codeBlocks } from './markdown-blocks';

const reference = readFileSync(new URL('./reference/pack-language.md', import.meta.url), 'utf8');
const glossary = readFileSync(new URL('./glossary.md', import.meta.url), 'utf8');
const examples = codeBlocks(reference).filter(
  (block) => block.language === 'yaml' && block.comments.some((comment) => comment.startsWith('example:')),
);
const expectation = (comments: readonly string[]) =>
  comments
    .find((comment) => comment.startsWith('example:'))!
    .slice('example:'.length)
    .trim();

describe('the pack language reference', () => {
  it('has examples to run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  it.each(examples.map((block) => [block.line, block] as const))(
    'the example at line %i does what its marker says',
    (_, block) => {
      const marker = expectation(block.comments);
      const codes = validatePack(block.text, { file: 'pack-language.md' }).findings.map(
        (finding) => `${finding.code} ${finding.message.en}`,
      );
      if (marker === 'valid') {
        expect(codes).toEqual([]);
      } else {
        const fails = /^fails (PR\d{4})$/.exec(marker);
        expect(fails, `unknown marker "${marker}": use "example: valid" or "example: fails PRnnnn"`).not.toBeNull();
        expect(codes.map((code) => code.slice(0, 6))).toContain(fails![1]);
      }
    },
  );

  it('documents every top-level key of the pack', () => {
    const headings = reference.split('\n').filter((line) => line.startsWith('#'));
    const undocumented = Object.keys((packJsonSchema() as { properties: Record<string, unknown> }).properties)
      .filter((key) => key !== '$schema')
      .filter((key) => !headings.some((heading) => heading.includes(`\`${key}\``)));
    expect(undocumented).toEqual([]);
  });
});

describe('the glossary', () => {
  it('maps the Chinese term of every identifier of the domain vocabulary', () => {
    const vocabulary = [
      ...RECORD_KINDS,
      ...DUTIES,
      ...ACTIVITIES,
      ...ANCHORS,
      ...ROLES,
      ...PERMISSIONS,
      ...ENROLMENT_CHANGES,
      ...DIVERSE_PERFORMANCE_CATEGORIES,
      ...Object.keys(COMMON_UNITS),
    ];
    const missing = [...new Set(vocabulary)].filter((identifier) => !glossary.includes(`\`${identifier}\``));
    expect(missing).toEqual([]);
  });
});
