/**
 * A character no text output may hold raw: C0 controls but the line break and the tab, DEL, C1
 * controls, the line and paragraph separators, the bidirectional overrides and isolates.
 */
// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
