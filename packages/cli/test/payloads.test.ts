import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { HIDDEN_IN_ID } from '@portfolio-rules/core/internal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlHead } from '../src/formatters/html-head';
import { chromiumOrWhy, INSTALL_TIMEOUT, openInChromium } from './chromium';
import { RAW_CONTROL } from './raw-controls';
import { parseXml } from './report-xml';

// Hostile text in every field that reaches an output — student ids, names, classes, course names,
// pack names, clauses, messages, a calendar's name — run through every command and format of the
// BUILT binary: no raw control character in any text, no script run by any HTML page (headless
// Chromium), well-formed XML and ICS, Markdown in which the payloads stay text.

const BIN = fileURLToPath(new URL('../bin/portfolio-rules.js', import.meta.url));
const BUILT = ['../dist/main.js', '../../core/dist/index.js'].every((path) =>
  existsSync(fileURLToPath(new URL(path, import.meta.url))),
);

/** The corpus: HTML, Markdown, ANSI and OSC sequences, bidirectional overrides, what breaks XML and ICS. */
const PAYLOADS = {
  html: `<script>document.title='PWNED'</script><img src=x onerror="document.title='PWNED'"><svg onload=alert(1)>`,
  markdown: `[x](javascript:document.title='PWNED') ![i](javascript:1) <javascript:alert(1)> | a | b | \`code\` \`\`\` **b**`,
  ansi: '\u001b[31mred\u001b[0m\u001b]0;PWNED\u0007\u001b]8;;http://evil.example/\u001b\\link\u001b]8;;\u001b\\\rover\u0008\u009b2J\u0000',
  bidi: '\u202Eevil\u202C \u2066isolated\u2069 \u2028',
  xml: `]]><!-- --> "'&amp; \uFFFE`,
  ics: '\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:forged;x,y\\',
};
const ALL = Object.values(PAYLOADS).join(' ');
const hostile = (label: string) => `${label} ${ALL}`;
/** Ids hold no control or invisible character (a record with one is refused, PR8008): the rest of the corpus. */
const hostileId = (label: string) => hostile(label).replace(new RegExp(HIDDEN_IN_ID.source, 'g'), '');

const CAPS = {
  courseOutcome: {
    upload: { max: 1, per: 'semester', source: hostile('五(三)1') },
    select: { max: 1, per: 'academicYear', source: hostile('六(一)') },
  },
};
const PACK = {
  id: 'hostile',
  name: hostile('惡意補充規定'),
  school: hostile('惡意高中'),
  document: hostile('惡意規定'),
  version: hostile('v'),
  appliesFrom: 11101,
  adopted: [{ date: '2023-09-15', body: hostile('校務會議') }],
  caps: CAPS,
  duties: {
    courseOutcomeCertification: { owner: 'courseTeacher', deputies: ['departmentTeacher'], source: hostile('九(三)') },
  },
  governance: {
    workingGroup: {
      size: 2,
      convener: hostile('校長'),
      secretary: hostile('秘書'),
      members: [hostile('甲'), hostile('乙')],
    },
  },
  windows: [
    {
      activity: 'courseOutcomeCertification',
      opens: { anchor: 'classesStart' },
      closes: { anchor: 'closingCeremony', weeks: 2 },
      source: hostile('流程表'),
    },
  ],
  rules: [
    {
      id: 'pending',
      when: { '>': [{ var: 'courseOutcome.submitted' }, 0] },
      message: { 'zh-TW': hostile('待認證'), en: hostile('pending') },
      source: hostile('五(三)2'),
    },
  ],
  notes: [{ text: hostile('條文'), source: hostile('十') }],
};
/** The next version, for diff: a cap changed, a note replaced, a rule's message changed. */
const AMENDED = {
  ...PACK,
  version: hostile('v2'),
  caps: { courseOutcome: { ...CAPS.courseOutcome, upload: { ...CAPS.courseOutcome.upload, max: 2 } } },
  notes: [{ text: hostile('新條文'), source: hostile('十一') }],
};
/** A pack whose findings echo hostile keys and values. */
const BROKEN = `id: broken\nname: ${JSON.stringify(hostile('壞'))}\ndocument: 壞\nkind: ${JSON.stringify(hostile('x'))}\n${JSON.stringify(hostile('k'))}: 1\nextends: ${JSON.stringify(hostile('e'))}\n`;

const student = (index: number) => hostileId(`s${index}`);
const DATA = [
  { type: 'student', id: student(1), name: hostile('王小明'), grade: 2, class: hostile('201') },
  ...[1, 2].map((index) => ({
    type: 'courseOutcome',
    id: hostileId(`c${index}`),
    studentId: student(1),
    term: '11201',
    course: hostile('物理'),
    certifier: hostileId('t1'),
    state: 'submitted',
  })),
  { type: 'student', id: hostile('bad'), grade: 9 },
  { type: 'student', id: `bad${PAYLOADS.ansi}${PAYLOADS.bidi}`, grade: 1 },
]
  .map((record) => JSON.stringify(record))
  .concat(`{"type": ${JSON.stringify(hostile('broken line'))}`)
  .join('\n');

const CALENDAR = {
  academicYear: 112,
  document: hostile('行事曆'),
  terms: [
    {
      semester: 1,
      anchors: {
        termStart: '2023-08-01',
        classesStart: '2023-08-30',
        closingCeremony: '2024-01-19',
        termEnd: '2024-01-31',
      },
    },
    {
      semester: 2,
      anchors: {
        termStart: '2024-02-01',
        classesStart: '2024-02-16',
        closingCeremony: '2024-06-28',
        termEnd: '2024-07-31',
      },
    },
  ],
};

let folder = '';
const outputs: {
  readonly name: string;
  readonly format: string;
  /** stdout, where the document goes. */
  readonly text: string;
  /** stderr, where a pack's load problems go when stdout carries a document. */
  readonly errors: string;
  readonly status: number;
}[] = [];

function cli(name: string, format: string, args: readonly string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: folder,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  outputs.push({ name, format, text: result.stdout, errors: result.stderr, status: result.status ?? -1 });
  if (process.env.KEEP_PAYLOADS)
    writeFileSync(join(folder, `out-${name.replace(/\W+/g, '-')}.${format}`), result.stdout + result.stderr);
}

beforeAll(() => {
  if (!BUILT) return;
  folder = mkdtempSync(join(tmpdir(), 'portfolio-rules-payloads-'));
  writeFileSync(join(folder, 'pack.yaml'), stringify(PACK));
  writeFileSync(join(folder, 'amended.yaml'), stringify(AMENDED));
  writeFileSync(join(folder, 'broken.yaml'), BROKEN);
  writeFileSync(join(folder, 'data.ndjson'), `${DATA}\n`);
  writeFileSync(join(folder, 'calendar.yaml'), stringify(CALENDAR));
  for (const lang of ['zh-TW', 'en']) {
    for (const format of ['stylish', 'json', 'sarif', 'junit'])
      cli(`validate ${lang}`, format, ['validate', 'pack.yaml', 'broken.yaml', '--format', format, '--lang', lang]);
    for (const format of ['stylish', 'json', 'sarif', 'junit', 'html']) {
      cli(`audit pack ${lang}`, format, [
        'audit',
        'pack.yaml',
        '--format',
        format,
        '--lang',
        lang,
        '--as-of',
        '2024-03-01',
      ]);
      const data = ['--data', 'data.ndjson', '--calendar', 'calendar.yaml'];
      cli(`audit data ${lang}`, format, [
        'audit',
        'pack.yaml',
        ...data,
        '--format',
        format,
        '--lang',
        lang,
        '--as-of',
        '2024-03-01',
      ]);
    }
    for (const format of ['stylish', 'json'])
      cli(`explain ${lang}`, format, ['explain', 'pack.yaml', '--format', format, '--lang', lang]);
    for (const format of ['md', 'html']) {
      cli(`render ${lang}`, format, ['render', 'pack.yaml', '--format', format, '--lang', lang]);
      cli(`diff ${lang}`, format, ['diff', 'pack.yaml', 'amended.yaml', '--format', format, '--lang', lang]);
    }
    for (const format of ['text', 'json', 'ics'])
      cli(`timeline ${lang}`, format, [
        'timeline',
        'pack.yaml',
        '--calendar',
        'calendar.yaml',
        '--format',
        format,
        '--lang',
        lang,
      ]);
  }
}, 300_000);

afterAll(() => {
  if (process.env.KEEP_PAYLOADS) console.log(folder);
  else if (folder) rmSync(folder, { recursive: true, force: true });
});

const ofFormat = (...formats: string[]) => outputs.filter((output) => formats.includes(output.format));

describe.skipIf(!BUILT)('hostile text through every command and format of the built CLI (skipped unless built)', () => {
  it('runs every command and format, and each output shows the hostile text it was given', () => {
    expect(outputs).toHaveLength(2 * (4 + 5 * 2 + 2 + 2 * 2 + 3));
    for (const output of outputs) {
      expect(output.status, `${output.name} --format ${output.format}`).toBeLessThanOrEqual(2);
      expect(output.text + output.errors, `${output.name} --format ${output.format}`).toMatch(/evil|PWNED|script/);
    }
  });

  it('writes no raw control character into any output (line breaks and tabs aside, CRLF in ICS)', () => {
    for (const output of outputs) {
      const text = (output.format === 'ics' ? output.text.replace(/\r\n/g, '\n') : output.text) + output.errors;
      expect(RAW_CONTROL.exec(text)?.[0], `${output.name} --format ${output.format}`).toBeUndefined();
      expect(text).not.toContain('\uFFFE');
    }
  });

  it('keeps the hostile text intact in JSON and SARIF: escaped, and the same once parsed', () => {
    for (const output of ofFormat('json', 'sarif')) {
      const parsed = JSON.stringify(JSON.parse(output.text));
      expect(parsed, `${output.name} --format ${output.format}`).toContain(JSON.stringify(PAYLOADS.bidi).slice(1, -1));
    }
  });

  it('writes well-formed JUnit XML whatever the data holds', () => {
    for (const output of ofFormat('junit')) {
      expect(parseXml(output.text).name).toBe('testsuites');
    }
  });

  it('writes well-formed ICS: CRLF lines of at most 75 octets, balanced events, no forged property', () => {
    for (const output of ofFormat('ics')) {
      expect(output.text.endsWith('\r\n')).toBe(true);
      const lines = output.text.slice(0, -2).split('\r\n');
      for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      const unfolded = output.text.replace(/\r\n /g, '').split('\r\n');
      expect(unfolded.filter((line) => line === 'BEGIN:VEVENT').length).toBe(
        unfolded.filter((line) => line === 'END:VEVENT').length,
      );
      expect(unfolded.some((line) => line.startsWith('SUMMARY:forged'))).toBe(false);
    }
  });

  it('keeps Markdown inert: no raw HTML, no link, no extra table cell', () => {
    /** The text outside backslash escapes and code spans, read as CommonMark reads them (in a code span HTML and brackets are only shown). */
    const outsideCode = (markdown: string) => {
      let text = '';
      for (let at = 0; at < markdown.length;) {
        if (markdown[at] === '\\' && /[!-/:-@[-`{-~]/.test(markdown[at + 1] ?? '')) {
          at += 2;
          continue;
        }
        const fence = /^`+/.exec(markdown.slice(at))?.[0];
        if (fence) {
          const closing = new RegExp(`(?<!\`)${fence}(?!\`)`, 'g');
          closing.lastIndex = at + fence.length;
          const end = closing.exec(markdown);
          at = end ? end.index + fence.length : at + fence.length;
          if (!end) text += fence;
          continue;
        }
        text += markdown[at];
        at++;
      }
      // The tool's own markup (line breaks in cells, the amendment table's underlined and struck words) is not hostile text.
      return text.replace(/<br>|<\/?(?:ins|del)>/g, '');
    };
    for (const output of ofFormat('md')) {
      const label = `${output.name} --format md`;
      const text = outsideCode(output.text);
      expect(text, label).not.toMatch(/</);
      // A link or an image needs an unescaped `[`; code needs a backtick.
      expect(text, label).not.toMatch(/[[`]/);
      for (const table of output.text.split('\n\n')) {
        const rows = table.split('\n').filter((line) => line.startsWith('|'));
        const cells = (row: string) => row.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length;
        for (const row of rows) expect(cells(row), `${label}: ${row.slice(0, 80)}`).toBe(cells(rows[0]!));
      }
    }
  });
});

describe.skipIf(!BUILT)('the HTML outputs in headless Chromium (skipped unless built)', () => {
  let chromium: string | undefined;
  let why = '';

  beforeAll(() => {
    ({ chromium, why } = chromiumOrWhy());
  }, INSTALL_TIMEOUT + 60_000);

  const load = (name: string, html: string) => {
    const file = join(folder, `${name.replace(/\W+/g, '-')}.html`);
    writeFileSync(file, html);
    return openInChromium(chromium!, folder, file, '--dump-dom');
  };

  it(
    'runs no script from any HTML page: no script element, no handler, no javascript: URL, the title intact',
    {
      timeout: 600_000,
    },
    ({ skip }) => {
      if (!chromium) return skip(why);
      for (const output of ofFormat('html')) {
        const { status, dom, log } = load(`${output.name}-${output.format}`, output.text);
        const label = output.name;
        expect(status, label).toBe(0);
        expect(dom, label).toContain('evil');
        expect(dom, label).not.toMatch(/<script/i);
        expect(dom, label).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
        expect(dom, label).not.toMatch(/(?:href|src)="\s*javascript:/i);
        expect(/<title>([^<]*)<\/title>/.exec(dom)?.[1], label).not.toBe('PWNED');
        expect(log, label).not.toMatch(/:CONSOLE/);
      }
    },
  );

  it(
    'would run none either if some data slipped through unescaped: the policy blocks it',
    { timeout: 120_000 },
    ({ skip }) => {
      if (!chromium) return skip(why);
      const page = `<!doctype html>\n<html>\n${htmlHead('intact', '')}\n<body>${PAYLOADS.html}<script>document.body.dataset.ran = 'yes'</script></body></html>\n`;
      const { status, dom, log } = load('unescaped', page);
      expect(status).toBe(0);
      expect(/<title>([^<]*)<\/title>/.exec(dom)?.[1]).toBe('intact');
      expect(dom).not.toContain('data-ran');
      expect(log).toMatch(/Content Security Policy/);
    },
  );
});
