import { escapeMarkup } from './markup';

/**
 * The one Content-Security-Policy of every HTML page the tool writes (the audit report, render,
 * diff): nothing may be fetched, framed or submitted and no script may run, even if some data
 * slipped through unescaped; only the page's own inline style applies.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** The `<head>` of a self-contained page: UTF-8, the policy, a viewport for phones, the title and the inline style. */
export function htmlHead(title: string, style: string): string {
  return `<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeMarkup(title)}</title><style>${style}</style></head>`;
}
