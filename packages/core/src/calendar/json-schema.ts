import * as z from 'zod';
import { CalendarSchema } from './schema';

/**
 * The school calendar's JSON Schema, for editors (yaml-language-server). Generated from the zod
 * schema `parseCalendar` uses; the committed packages/core/calendar.schema.json is checked against it.
 */
export function calendarJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(CalendarSchema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}
