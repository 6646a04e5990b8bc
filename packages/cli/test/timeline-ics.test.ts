import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeIcsText, foldIcsLine, formatTimelineIcs, ICS_LINE_OCTETS } from '../src/timeline/ics';
import type { TimelineEntry } from '../src/timeline/build';
import { run } from './run';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 300);
const octets = (text: string) => Buffer.byteLength(text, 'utf8');

/** RFC 5545 3.1 unfolding: a CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

/** The content lines of an iCalendar text, unfolded, as [name with parameters, value]. */
function contentLines(text: string): [string, string][] {
  return unfold(text)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon), line.slice(colon + 1)];
    });
}

/** The events of an iCalendar text, each a map of its properties. */
function events(text: string): Map<string, string>[] {
  const result: Map<string, string>[] = [];
  let current: Map<string, string> | undefined;
  for (const [name, value] of contentLines(text)) {
    if (name === 'BEGIN' && value === 'VEVENT') current = new Map();
    else if (name === 'END' && value === 'VEVENT') {
      result.push(current!);
      current = undefined;
    } else current?.set(name, value);
  }
  return result;
}

const unescape = (value: string) =>
  value.replace(/\\([\\;,nN])/g, (_, character: string) => (character.toLowerCase() === 'n' ? '\n' : character));

describe('escapeIcsText (RFC 5545 3.3.11)', () => {
  it('escapes backslash, semicolon, comma and line breaks, in that order', () => {
    expect(escapeIcsText('流程表 1, 2; 附表\\3\n第二行\r\n第三行')).toBe(
      '流程表 1\\, 2\\; 附表\\\\3\\n第二行\\n第三行',
    );
  });

  it('shows control characters TEXT may not hold as escapes, keeps tabs', () => {
    expect(escapeIcsText('a\u0000b\u0007c\td\u007f\u001b]0;x\u202e')).toBe(
      'a\\\\x00b\\\\x07c\td\\\\x7f\\\\x1b]0\\;x\\\\u202e',
    );
    expect(unescape(escapeIcsText('\u001b[31m'))).toBe('\\x1b[31m');
  });

  it('round-trips any text through unescaping', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', ';', '\\', '\n', ':', '期', '"') }), (text) => {
        expect(unescape(escapeIcsText(text))).toBe(text);
      }),
      { seed: 42, numRuns },
    );
  });
});

describe('foldIcsLine (RFC 5545 3.1)', () => {
  it('leaves a line of 75 octets alone and folds one of 76', () => {
    expect(foldIcsLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldIcsLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('never splits a Chinese character: 25 characters of 3 octets fill a line, the 26th moves on', () => {
    const folded = foldIcsLine('期'.repeat(26));
    const [first, second] = folded.split('\r\n');
    expect(octets(first!)).toBe(75);
    expect(second).toBe(' 期');
  });

  it('moves a character that would straddle the limit whole onto the next line', () => {
    // 74 ASCII octets leave room for 1: the 3-octet character goes to the continuation line.
    const folded = foldIcsLine(`${'x'.repeat(74)}期末`);
    expect(folded).toBe(`${'x'.repeat(74)}\r\n 期末`);
  });

  it('keeps surrogate pairs (4 octets) together', () => {
    // 73 + 4 would be 77: the pair moves on whole, the second with it (space + 4 + 4 octets).
    const folded = foldIcsLine(`${'x'.repeat(73)}𠀀𠀀`);
    expect(folded.split('\r\n').map(octets)).toEqual([73, 9]);
    expect(unfold(folded)).toBe(`${'x'.repeat(73)}𠀀𠀀`);
  });

  it('for any text: each physical line is at most 75 octets, valid UTF-8, and unfolding gives the line back', () => {
    const unit = fc.oneof(fc.constantFrom('a', ' ', '期', '程', '、', '𠀀', 'é'), fc.string({ maxLength: 1 }));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 400 }), (line) => {
        const folded = foldIcsLine(line);
        const physical = folded.split('\r\n');
        for (const [index, part] of physical.entries()) {
          expect(octets(part)).toBeLessThanOrEqual(ICS_LINE_OCTETS);
          // No lone surrogate: the text encodes to UTF-8 and decodes back unchanged.
          expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
          if (index > 0) expect(part.startsWith(' ')).toBe(true);
        }
        expect(unfold(folded)).toBe(line);
      }),
      { seed: 42, numRuns },
    );
  });
});

describe('formatTimelineIcs', () => {
  const entry = (overrides: Partial<TimelineEntry>): TimelineEntry => ({
    term: '11201',
    semester: 1,
    activity: 'courseOutcomeUpload',
    name: { 'zh-TW': '課程學習成果上傳', en: 'course outcome upload' },
    grades: [1, 2, 3],
    closes: '2024-02-02',
    rule: { closes: { 'zh-TW': '休業式後2週', en: '2 weeks after the closing ceremony' } },
    index: 0,
    source: { document: '馬公補充規定', clause: '作業流程 10' },
    layer: 'school:magong',
    ...overrides,
  });
  const calendar = { packId: 'magong', packName: '馬公', academicYear: 112, stamp: '2023-08-01' };

  it('makes a deadline a one-day event with an exclusive DTEND, and a window an event over its days', () => {
    const text = formatTimelineIcs(
      {
        ...calendar,
        entries: [entry({}), entry({ activity: 'submission', opens: '2023-12-31', closes: '2024-01-01' })],
      },
      'zh-TW',
    );
    const [deadline, window] = events(text);
    expect(deadline!.get('DTSTART;VALUE=DATE')).toBe('20240202');
    expect(deadline!.get('DTEND;VALUE=DATE')).toBe('20240203');
    expect(deadline!.get('SUMMARY')).toBe('截止：課程學習成果上傳 (11201，全年級)');
    // Across a year boundary: the day after 2024-01-01.
    expect(window!.get('DTSTART;VALUE=DATE')).toBe('20231231');
    expect(window!.get('DTEND;VALUE=DATE')).toBe('20240102');
  });

  it('leaves out what has no dates or ends before it starts', () => {
    const unresolved = entry({ closes: undefined as never, unresolved: { code: 'PR6001' } as never });
    const inverted = entry({ activity: 'submission', opens: '2024-04-22', closes: '2024-04-19' });
    expect(events(formatTimelineIcs({ ...calendar, entries: [unresolved, inverted, entry({})] }, 'en'))).toHaveLength(
      1,
    );
  });

  it('depends only on its input: the same input gives the same bytes', () => {
    const input = { ...calendar, entries: [entry({})] };
    expect(formatTimelineIcs(input, 'zh-TW')).toBe(formatTimelineIcs(structuredClone(input), 'zh-TW'));
  });
});

describe('portfolio-rules timeline --format ics on the Magong pack', () => {
  const magong = () =>
    run(['timeline', 'schools/magong/pack.yaml', '--calendar', 'examples/calendars/112.yaml', '--format', 'ics'], {
      cwd: new URL('../../../', import.meta.url).pathname,
    });

  it('is a VCALENDAR with the properties calendar apps need, CRLF line ends and no line over 75 octets', async () => {
    const { code, stdout, stderr } = await magong();
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.endsWith('\r\n')).toBe(true);
    expect(stdout.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of stdout.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    const lines = contentLines(stdout);
    expect(lines.slice(0, 7)).toEqual([
      ['BEGIN', 'VCALENDAR'],
      ['VERSION', '2.0'],
      ['PRODID', '-//portfolio-rules//timeline//ZH-TW'],
      ['CALSCALE', 'GREGORIAN'],
      ['METHOD', 'PUBLISH'],
      ['X-WR-CALNAME', '國立馬公高級中學建置學生學習歷程檔案作業補充規定 112學年度作業期程'],
      ['X-WR-TIMEZONE', 'Asia/Taipei'],
    ]);
    expect(lines.at(-1)).toEqual(['END', 'VCALENDAR']);
    expect(lines.filter(([name]) => name === 'BEGIN')).toHaveLength(lines.filter(([name]) => name === 'END').length);
  });

  it('has one all-day event per window: unique stable UIDs, DTSTAMP from the pack and calendar, exclusive DTEND', async () => {
    const list = events((await magong()).stdout);
    expect(list).toHaveLength(32);
    const uids = list.map((event) => event.get('UID'));
    expect(new Set(uids).size).toBe(32);
    expect(uids).toContain('magong-11202-courseOutcomeUpload-g3@portfolio-rules');
    expect(new Set(list.map((event) => event.get('DTSTAMP')))).toEqual(new Set(['20230801T000000Z']));
    for (const event of list) {
      expect([...event.keys()].sort()).toEqual([
        'DESCRIPTION',
        'DTEND;VALUE=DATE',
        'DTSTAMP',
        'DTSTART;VALUE=DATE',
        'SUMMARY',
        'TRANSP',
        'UID',
      ]);
      expect(event.get('DTEND;VALUE=DATE')! > event.get('DTSTART;VALUE=DATE')!).toBe(true);
    }
    // 作業流程 10, grade 3 in 112-2: graduation 2024-06-07 + 2 weeks = 2024-06-21, so DTEND is the 22nd.
    const upload = list.find((event) => event.get('UID') === 'magong-11202-courseOutcomeUpload-g3@portfolio-rules')!;
    expect(upload.get('DTSTART;VALUE=DATE')).toBe('20240621');
    expect(upload.get('DTEND;VALUE=DATE')).toBe('20240622');
    expect(unescape(upload.get('SUMMARY')!)).toBe('截止：課程學習成果上傳 (11202，3年級)');
    expect(unescape(upload.get('DESCRIPTION')!)).toBe(
      '截止：休業式後2週 (2024-06-21)\n依據：馬公補充規定 作業流程 10 · school:magong',
    );
  });

  it('is the same on every run (no clock, no randomness)', async () => {
    expect((await magong()).stdout).toBe((await magong()).stdout);
  });
});
