import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTIVITIES, ANCHORS } from '../windows';
import { DUTIES } from '../duties';
import { ENROLMENT_CHANGES } from '../enrolment';
import { DIVISIONS } from '../units';
import { ENTRY_SOURCES, RECEIPT_CATEGORIES, RECORD_KINDS } from '../records';
import { PERIODS } from '../caps';
import { CATALOGUE } from './index';
import type { CodeSpec } from '../findings/define';
import type { Localized } from '../findings/types';

const SRC = new URL('../', import.meta.url);

/**
 * The code ranges, by the folder that defines the codes (docs/codes/README.md): the first digit
 * after PR. Custom rules are checked when a pack loads (PR1020–PR1024, in pack/codes.ts) and
 * evaluated in audits (expressions/codes.ts, PR61xx).
 */
const RANGE_OF_FOLDER: Readonly<Record<string, string>> = {
  pack: '1',
  clauses: '1',
  expressions: '16',
  layering: '2',
  national: '2',
  caps: '3',
  selection: '3',
  certification: '4',
  ownership: '5',
  deputies: '5',
  roles: '5',
  permissions: '5',
  windows: '6',
  calendar: '6',
  receipts: '7',
  submission: '7',
  retention: '7',
  enrolment: '7',
  governance: '7',
  // The audit's own findings over a school's data (PR78xx), beside the concerns' codes it also reports.
  audit: '7',
  dataset: '8',
  // Requests to the engine that are not of the shape it reads (PR81xx), malformed input like a dataset's.
  requests: '8',
};

/** Every `code: 'PRnnnn'` written in a codes.ts of core, by folder: what the catalogue must hold. */
const defined = readdirSync(SRC, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && readdirSync(new URL(`${entry.name}/`, SRC)).includes('codes.ts'))
  .flatMap((entry) =>
    [...readFileSync(new URL(`${entry.name}/codes.ts`, SRC), 'utf8').matchAll(/\bcode:\s*'([^']+)'/g)].map((match) => ({
      folder: entry.name,
      code: match[1]!,
    })),
  );

const specs = Object.values(CATALOGUE);

/**
 * Message functions take typed params we cannot know here. Each param reads as text (`x`), as a
 * list, as a source (`{ document, clause }`) and as a text in both languages; where a message looks a param up in a table (a period, a record kind …) and fails, the
 * param is retried with the domain's words until the message renders.
 */
const WORDS = [
  ...PERIODS,
  ...RECORD_KINDS,
  ...ENTRY_SOURCES,
  ...RECEIPT_CATEGORIES,
  ...DUTIES,
  ...ACTIVITIES,
  ...ANCHORS,
  ...ENROLMENT_CHANGES,
  ...DIVISIONS,
  'upload',
  'select',
  'min',
  'max',
  'value',
  'length',
  'items',
  'student',
  'error',
];

function render(spec: CodeSpec<never>): Localized {
  const chosen = new Map<string, number>();
  for (let attempt = 0; attempt < 500; attempt++) {
    let last: string | undefined;
    const params = new Proxy(
      {},
      {
        get: (_, key) => {
          if (typeof key !== 'string') return undefined;
          last = key;
          const index = chosen.get(key);
          const word = index === undefined ? 'x' : WORDS[index]!;
          return Object.assign(new String(word), {
            join: () => word,
            map: <T>(f: (item: string) => T) => [f(word)],
            document: '馬公補充規定',
            clause: '五(三)1',
            'zh-TW': '範例訊息',
            en: 'a sample message',
            // … and as a date rule written relative to an anchor (`closes`, `closesAfter`).
            anchor: 'closingCeremony',
            weeks: 2,
          });
        },
      },
    );
    try {
      return spec.message(params as never);
    } catch (error) {
      if (last === undefined) throw error;
      const next = (chosen.get(last) ?? -1) + 1;
      if (next >= WORDS.length)
        throw new Error(`${spec.code}: no sample value of \`${last}\` renders the message`, { cause: error });
      chosen.set(last, next);
    }
  }
  throw new Error(`${spec.code}: the message does not render`);
}

describe('the code catalogue', () => {
  it('holds codes of the form PRnnnn, each once, keyed by its own code', () => {
    for (const [key, spec] of Object.entries(CATALOGUE)) {
      expect(spec.code).toMatch(/^PR\d{4}$/);
      expect(key).toBe(spec.code);
    }
    const codes = defined.map((entry) => entry.code);
    expect(
      codes.filter((code, index) => codes.indexOf(code) !== index),
      'codes defined twice',
    ).toEqual([]);
  });

  it('registers every code defined in a codes.ts of core', () => {
    const unregistered = defined
      .filter((entry) => !CATALOGUE[entry.code])
      .map((entry) => `${entry.folder}/codes.ts: ${entry.code}`);
    expect(unregistered, 'add the codes object to catalogue/index.ts').toEqual([]);
    expect(specs).toHaveLength(defined.length);
  });

  it('gives each code a unique kebab-case name, a severity and a title in both languages', () => {
    const names = specs.map((spec) => spec.name);
    for (const spec of specs) {
      expect(spec.name, spec.code).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(['error', 'warning', 'info'], spec.code).toContain(spec.severity);
      expect(spec.title['zh-TW'].trim(), spec.code).not.toBe('');
      expect(spec.title.en.trim(), spec.code).not.toBe('');
    }
    const shared = names
      .filter((name, index) => names.indexOf(name) !== index)
      .map(
        (name) =>
          `${name}: ${specs
            .filter((spec) => spec.name === name)
            .map((spec) => spec.code)
            .join(', ')}`,
      );
    expect(shared, 'names shared by several codes').toEqual([]);
  });

  it.each(specs.map((spec) => [spec.code, spec] as const))('%s renders its message in zh-TW and en', (_, spec) => {
    const message = render(spec);
    expect(message['zh-TW'].trim()).not.toBe('');
    expect(message.en.trim()).not.toBe('');
    expect(message['zh-TW']).toMatch(/[\u4e00-\u9fff]/);
    expect(message.en).not.toMatch(/undefined|\[object Object\]/);
    expect(message['zh-TW']).not.toMatch(/undefined|\[object Object\]/);
  });

  it('keeps each code in the range of the folder that defines it', () => {
    const misplaced = defined
      .filter((entry) => !RANGE_OF_FOLDER[entry.folder]?.includes(entry.code[2]!))
      .map(
        (entry) =>
          `${entry.folder}: ${entry.code} (range ${RANGE_OF_FOLDER[entry.folder] ?? 'unknown: add the folder to RANGE_OF_FOLDER'}xxx)`,
      );
    expect(misplaced).toEqual([]);
  });
});
