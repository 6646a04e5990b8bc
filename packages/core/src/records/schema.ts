import * as z from 'zod';
import {
  DIVERSE_PERFORMANCE_CATEGORIES,
  ENTRY_SOURCES,
  FILE_TYPES,
  RECEIPT_CATEGORIES,
  RECORD_KINDS,
  STUDENT_KINDS,
} from './index';

// The record vocabulary as zod schemas, for the pack schema and the dataset reader (records/index.ts
// holds the lists and their types, which the engine needs without zod).
export const RecordKindSchema = z.enum(RECORD_KINDS).describe('資料類別 / record kind');
export const StudentKindSchema = z.enum(STUDENT_KINDS);
export const ReceiptCategorySchema = z.enum(RECEIPT_CATEGORIES);
export const GradeSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export const EntrySourceSchema = z
  .enum(ENTRY_SOURCES)
  .describe('登錄來源 / who entered it: student 學生, schoolEntered 學校登錄, bulkImport 項目管理者匯入');
export const FileTypeSchema = z.enum(FILE_TYPES);
export const DiversePerformanceCategorySchema = z.enum(DIVERSE_PERFORMANCE_CATEGORIES);
