/** Where a rule comes from: the document and the clause, e.g. `{ document: '馬公補充規定', clause: '五(三)1' }`. */
export interface Source {
  readonly document: string;
  readonly clause: string;
}

/** Text in both languages; the caller picks one. */
export interface Localized {
  readonly 'zh-TW': string;
  readonly en: string;
}

export type Language = keyof Localized;

export type Severity = 'error' | 'warning' | 'info';

/** A place in a pack file or a dataset. Lines and columns count from 1. */
export interface Position {
  readonly file?: string;
  readonly line: number;
  readonly column: number;
  /** For dataset records: the record's line number in its file. */
  readonly record?: number;
}

/** Another layer or clause a finding refers to, e.g. the national clause a school value loosens. */
export interface RelatedSource {
  readonly layer: string;
  readonly source?: Source;
  readonly value?: unknown;
  /** Where the related clause or value is written, when it is in a file: the clause text that states another number (PR1031). */
  readonly position?: Position;
}

/**
 * A finding of any code, with the code's data: `FindingBase<'PR3001', { max: number; … }>`. Core's
 * own findings are the union `Finding` of the catalogue, discriminated by `code`; this open shape is
 * what every finding has in common (and what a tool's own codes make, e.g. the CLI's PR9xxx).
 */
export interface FindingBase<C extends string = string, D = Readonly<Record<string, unknown>>> {
  /** Stable code, e.g. `PR1003`. The code is the contract; the text may be improved. */
  readonly code: C;
  readonly severity: Severity;
  /** The rule that produced it, e.g. `caps.diversePerformance.select` or `pack.schema`. */
  readonly rule: string;
  /** What it is about: a pack key path, a student, a record id. */
  readonly subject: string;
  readonly message: Localized;
  readonly source?: Source;
  /** The layer that set the rule, e.g. `national@2022-08-01`, `overlay:taipei`, `school:magong`. */
  readonly layer?: string;
  readonly related?: readonly RelatedSource[];
  readonly position?: Position;
  /** The numbers behind the message: the cap, the count, the window. */
  readonly data: D;
}
