import type { z } from 'zod';

/** A message in both languages of the service's users. */
export interface Words {
  readonly 'zh-TW': string;
  readonly en: string;
}

/**
 * The service's answers to requests that are not decisions (the engine's refusals are decisions:
 * HTTP 422 with findings). Each has a stable code, its HTTP status and its message; the body is
 * `{ code, error, message: { zh-TW, en }, issues? }` — `error` the English message, for logs.
 */
export const REQUEST_ERRORS = {
  VS1001: { status: 400, 'zh-TW': '請求內容不符合格式', en: 'the request does not match its schema' },
  VS1002: { status: 400, 'zh-TW': '請求內容不是可讀的 JSON', en: 'the request body is not readable JSON' },
  VS1003: {
    status: 400,
    'zh-TW': '文字含有 NUL 字元，資料庫無法儲存',
    en: 'a text holds a NUL character, which cannot be stored',
  },
  VS1004: { status: 413, 'zh-TW': '請求內容超過 1 MiB', en: 'the request body is over 1 MiB' },
  VS1005: {
    status: 415,
    'zh-TW': '請求內容須為 JSON (application/json)',
    en: 'the request body must be JSON (application/json)',
  },
  VS1006: { status: 400, 'zh-TW': '無法處理此 HTTP 請求', en: 'the HTTP request cannot be handled' },
  VS1007: { status: 414, 'zh-TW': '網址中的一段過長', en: 'a segment of the URL is too long' },
  VS1101: {
    status: 403,
    'zh-TW': '學生只能上傳至自己的學習歷程檔案',
    en: 'a student uploads to their own portfolio only',
  },
  VS1201: { status: 404, 'zh-TW': '查無此學生', en: 'no such student' },
  VS1202: { status: 404, 'zh-TW': '查無此項目', en: 'no such item' },
  VS1203: { status: 404, 'zh-TW': '查無此收訖明細', en: 'no such receipt' },
  VS1204: { status: 404, 'zh-TW': '沒有這個路徑', en: 'no such route' },
  VS1301: { status: 409, 'zh-TW': '此項目代碼已存在', en: 'an item with this id exists' },
  VS1302: {
    status: 409,
    'zh-TW': '只有課程學習成果需經教師認證',
    en: 'only course outcomes are certified',
  },
  VS1901: { status: 500, 'zh-TW': '服務內部錯誤', en: 'internal error' },
} as const satisfies Readonly<Record<string, Words & { readonly status: number }>>;

export type RequestErrorCode = keyof typeof REQUEST_ERRORS;

/** One way a request's value broke its schema: where, and what was expected, in both languages. */
export interface Issue {
  readonly path: string;
  readonly message: Words;
}

/** A request that is not a decision: malformed (400), not allowed this way (403), about nothing (404), or conflicting (409). */
export class RequestError extends Error {
  readonly status: number;
  constructor(
    readonly code: RequestErrorCode,
    /** What the request named, said after the message: `no such item: it-1`. */
    readonly detail?: string,
    readonly issues?: readonly Issue[],
  ) {
    super(`${REQUEST_ERRORS[code].en}${detail === undefined ? '' : `: ${detail}`}`);
    this.status = REQUEST_ERRORS[code].status;
  }

  /** The answer's body. */
  body() {
    const { 'zh-TW': zh, en } = REQUEST_ERRORS[this.code];
    const suffix = this.detail === undefined ? '' : `: ${this.detail}`;
    return {
      code: this.code,
      error: this.message,
      message: { 'zh-TW': `${zh}${this.detail === undefined ? '' : `：${this.detail}`}`, en: `${en}${suffix}` },
      ...(this.issues && { issues: this.issues }),
    };
  }
}

const pathOf = (issue: z.core.$ZodIssue): string =>
  issue.path.length === 0 ? '(the body)' : issue.path.map(String).join('.');

/** A schema issue in words: what the value at its path should have been. */
function issueWords(issue: z.core.$ZodIssue): Words {
  switch (issue.code) {
    case 'too_big': {
      const limit = String(issue.maximum);
      return issue.origin === 'string'
        ? { 'zh-TW': `長度至多 ${limit} 個字元`, en: `at most ${limit} characters long` }
        : issue.origin === 'array'
          ? { 'zh-TW': `至多 ${limit} 項`, en: `at most ${limit} entries` }
          : { 'zh-TW': `至多為 ${limit}`, en: `at most ${limit}` };
    }
    case 'too_small': {
      const limit = String(issue.minimum);
      return issue.origin === 'string'
        ? { 'zh-TW': `長度至少 ${limit} 個字元`, en: `at least ${limit} characters long` }
        : issue.origin === 'array'
          ? { 'zh-TW': `至少 ${limit} 項`, en: `at least ${limit} entries` }
          : { 'zh-TW': `至少為 ${limit}`, en: `at least ${limit}` };
    }
    case 'invalid_type':
      return issue.expected === 'int'
        ? { 'zh-TW': '應為整數', en: 'an integer' }
        : { 'zh-TW': `型別應為 ${issue.expected}`, en: `of type ${issue.expected}` };
    case 'invalid_format':
      return { 'zh-TW': `格式不符 (${issue.message})`, en: `in the right format (${issue.message})` };
    case 'invalid_value':
      return {
        'zh-TW': `應為 ${issue.values.map(String).join('、')} 之一`,
        en: `one of ${issue.values.map(String).join(', ')}`,
      };
    case 'invalid_union':
      return { 'zh-TW': '不符合任何一種允許的形式', en: 'one of the allowed shapes' };
    default:
      return { 'zh-TW': `不符合格式 (${issue.message})`, en: `valid (${issue.message})` };
  }
}

/** A zod error as the service answers it: VS1001, each issue with its path and what was expected. */
export function invalidRequest(error: z.ZodError): RequestError {
  const issues = error.issues.map((issue) => {
    const path = pathOf(issue);
    const expected = issueWords(issue);
    return { path, message: { 'zh-TW': `${path} ${expected['zh-TW']}`, en: `${path} must be ${expected.en}` } };
  });
  return new RequestError('VS1001', issues.map((issue) => issue.path).join(', '), issues);
}
