import { gradesText, addCalendarDays, formatSource, type Language, type PlainDate } from '@portfolio-rules/core';
import { showControls } from '../formatters/safe-text';
import type { TimelineEntry } from './build';

/** RFC 5545 3.1: content lines are folded so that no line is longer than 75 octets, excluding the CRLF. */
export const ICS_LINE_OCTETS = 75;

/**
 * RFC 5545 3.3.11: a TEXT value with `\`, `;`, `,` and line breaks escaped; other control characters
 * shown as escapes (`\x1b`), as in every output.
 */
export function escapeIcsText(text: string): string {
  return showControls(text.replace(/\r\n|\r/g, '\n'))
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

function octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * RFC 5545 3.1: a content line folded at 75 octets of UTF-8, each continuation starting with one
 * space (which counts towards its 75). Folds fall between characters, never inside a multi-octet
 * character, so Chinese text survives any reader that unfolds by octets.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = ICS_LINE_OCTETS;
  for (const character of line) {
    const length = octets(character.codePointAt(0) ?? 0);
    if (size + length > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = ICS_LINE_OCTETS - 1;
    }
    current += character;
    size += length;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const icsDate = (date: PlainDate) => date.replaceAll('-', '');

const TEXT = {
  'zh-TW': {
    deadline: '截止',
    opens: '開始',
    closes: '截止',
    clause: '依據',
    calendar: (year: number) => `${year}學年度作業期程`,
  },
  en: {
    deadline: 'deadline',
    opens: 'opens',
    closes: 'closes',
    clause: 'clause',
    calendar: (year: number) => `academic year ${year} windows`,
  },
} as const;

export interface IcsCalendar {
  readonly packId: string;
  readonly packName: string;
  readonly academicYear: number;
  /** The date the DTSTAMP of every event is derived from (never the clock): see the docs. */
  readonly stamp: PlainDate;
  readonly entries: readonly TimelineEntry[];
}

/** A stable UID: the same pack, activity, term and grades always give the same event, so a re-import updates it. */
function eventUid(packId: string, entry: TimelineEntry): string {
  return `${packId}-${entry.term}-${entry.activity}-g${entry.grades.join('')}@portfolio-rules`;
}

function event(calendar: IcsCalendar, entry: TimelineEntry & { closes: PlainDate }, language: Language): string[] {
  const text = TEXT[language];
  const name = `${entry.name[language]} (${entry.term}${language === 'zh-TW' ? '，' : ', '}${gradesText(entry.grades, language)})`;
  const summary = entry.opens === undefined ? `${text.deadline}${language === 'zh-TW' ? '：' : ': '}${name}` : name;
  const colon = language === 'zh-TW' ? '：' : ': ';
  const description = [
    ...(entry.opens !== undefined && entry.rule.opens
      ? [`${text.opens}${colon}${entry.rule.opens[language]} (${entry.opens})`]
      : []),
    `${text.closes}${colon}${entry.rule.closes[language]} (${entry.closes})`,
    ...(entry.source
      ? [`${text.clause}${colon}${formatSource(entry.source)}${entry.layer ? ` · ${entry.layer}` : ''}`]
      : []),
  ].join('\n');
  return [
    'BEGIN:VEVENT',
    `UID:${eventUid(calendar.packId, entry)}`,
    `DTSTAMP:${icsDate(calendar.stamp)}T000000Z`,
    `DTSTART;VALUE=DATE:${icsDate(entry.opens ?? entry.closes)}`,
    // All-day events end on the day after the last one (RFC 5545 3.6.1: DTEND is exclusive).
    `DTEND;VALUE=DATE:${icsDate(addCalendarDays(entry.closes, 1))}`,
    `SUMMARY:${escapeIcsText(summary)}`,
    `DESCRIPTION:${escapeIcsText(description)}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/**
 * The timeline as an iCalendar file (RFC 5545) to import into a calendar app: one all-day event per
 * resolved window, CRLF line ends, lines folded at 75 octets. Unresolved windows have no dates and
 * are left out, like windows that close before they open (the command reports both). The output depends only on its input.
 */
export function formatTimelineIcs(calendar: IcsCalendar, language: Language): string {
  // A window that closes before it opens (PR6006) would be an event that ends before it starts: left out too.
  const resolved = calendar.entries.filter(
    (entry): entry is TimelineEntry & { closes: PlainDate } =>
      entry.closes !== undefined && (entry.opens === undefined || entry.opens <= entry.closes),
  );
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//portfolio-rules//timeline//${language === 'zh-TW' ? 'ZH-TW' : 'EN'}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(`${calendar.packName} ${TEXT[language].calendar(calendar.academicYear)}`)}`,
    'X-WR-TIMEZONE:Asia/Taipei',
    ...resolved.flatMap((entry) => event(calendar, entry, language)),
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
