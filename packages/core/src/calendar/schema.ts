import * as z from 'zod';
import { type Anchor, ANCHORS } from '../windows/schema';

const IsoDateSchema = z.iso.date().describe('日期 / a date, YYYY-MM-DD');

const anchorShape = Object.fromEntries(ANCHORS.map((anchor) => [anchor, IsoDateSchema.optional()])) as Record<
  Anchor,
  z.ZodOptional<typeof IsoDateSchema>
>;

/** The dates of a term's anchors; a school lists the ones it has. */
export const AnchorDatesSchema = z
  .strictObject(anchorShape)
  .describe('基準日 / anchor dates, e.g. closingCeremony 休業式');
export type AnchorDates = z.infer<typeof AnchorDatesSchema>;

/**
 * The anchors for one term's data: the term's own dates (termStart, closingCeremony 休業式 …) and the
 * national dates for its data, which fall in the following term (11201's data is submitted in March
 * 2024; 11102's in October 2023, so a calendar for 112 may list 11102 with `year: 111`).
 */
export const CalendarTermSchema = z
  .strictObject({
    semester: z.union([z.literal(1), z.literal(2)]).describe('學期 / semester 1 or 2 of the data term'),
    year: z
      .int()
      .min(1)
      .optional()
      .describe(
        "資料學期之學年度 / academic year of the data term when not the calendar's, e.g. 111 for the national submission of 11102 data in October 2023",
      ),
    anchors: AnchorDatesSchema.describe(
      "該學期資料之基準日 / anchors for this term's data: its own dates and the national pre-check, submission and upload deadline of its data (in the following term)",
    ),
    grades: z
      .partialRecord(z.enum(['1', '2', '3']), AnchorDatesSchema)
      .optional()
      .describe(
        '各年級不同之基準日 / anchors that differ by grade, e.g. grade 3 graduation 畢業典禮 as its closingCeremony, its April national dates',
      ),
    note: z.string().optional(),
  })
  .describe("學期資料之基準日 / the anchors for one term's data");
export type CalendarTerm = z.infer<typeof CalendarTermSchema>;

export const DayOffSchema = z
  .strictObject({
    date: IsoDateSchema,
    until: IsoDateSchema.optional().describe('連續假期之最後一日 / last day of a run of days off'),
    name: z.string().optional().describe('名稱 / name, e.g. 春節'),
  })
  .describe('放假日 / a holiday, or a run of them');

export const MakeUpDaySchema = z
  .strictObject({ date: IsoDateSchema, name: z.string().optional() })
  .describe('補行上班日 / a make-up working day, e.g. a Saturday');

export const CalendarSchema = z
  .strictObject({
    $schema: z.string().optional(),
    academicYear: z.int().min(1).describe('學年度 (民國年) / academic year, ROC, e.g. 112'),
    school: z.string().min(1).optional().describe('學校名稱 / the school'),
    document: z.string().min(1).optional().describe('行事曆名稱 / the calendar cited, e.g. 112學年度行事曆'),
    terms: z.array(CalendarTermSchema).min(1).describe('資料學期 / the data terms, each with the anchors for its data'),
    holidays: z.array(DayOffSchema).optional().describe('放假日 / days off on weekdays'),
    workingDays: z.array(MakeUpDaySchema).optional().describe('補行上班日 / make-up working days on weekends'),
  })
  .describe('學校行事曆 / a school calendar for one academic year');

export type SchoolCalendar = z.infer<typeof CalendarSchema>;
