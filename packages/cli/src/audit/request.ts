import type { Language } from '@portfolio-rules/core';
import type { Encoding } from '../dataset';

/** What `portfolio-rules audit` was asked: the files and options, as the command line gave them. */
export interface AuditRequest {
  readonly pack: string;
  readonly data?: string;
  readonly asOf: string;
  readonly calendar?: string;
  readonly evidence?: string;
  /** Worker threads for several schools: `auto` (2 for a large file of ≥ 2 schools on ≥ 2 CPUs), 2 whatever the size, or 1 to stay on this thread. */
  readonly threads?: 'auto' | 1 | 2;
  /** The language of the progress bar (default zh-TW). */
  readonly language?: Language;
  /** The text encoding of the data and evidence files (default UTF-8). */
  readonly encoding?: Encoding;
}
