import { defineCode } from '../findings/define';
import type { Localized } from '../findings/types';

/** Where a request to the engine does not have the shape it must have (a vendor calling from untyped JavaScript). */
export interface MalformedParams {
  /** The engine method asked, e.g. `checkUpload`. */
  readonly method: string;
  /** Where in its arguments, e.g. `request.item.files[0].megabytes`. */
  readonly path: string;
  /** What belongs there. */
  readonly expected: Localized;
  /** What was found, shortened: `NaN`, `"never"`, `undefined`. */
  readonly received: string;
}

export const REQUEST_CODES = {
  malformed: defineCode({
    code: 'PR8100',
    name: 'malformed-request',
    severity: 'error',
    title: { 'zh-TW': '請求格式錯誤', en: 'Malformed request' },
    message: (p: MalformedParams) => ({
      'zh-TW': `${p.method} 的請求格式錯誤：${p.path} 應為「${p.expected['zh-TW']}」，收到 ${p.received}；未依規定判斷即拒絕`,
      en: `the ${p.method} request is malformed: ${p.path} should be ${p.expected.en}, not ${p.received}; refused without judging the rules`,
    }),
  }),
} as const;
