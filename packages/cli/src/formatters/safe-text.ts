/**
 * Output safety: text from packs and data (names, ids, clauses, messages) reaches terminals, files
 * and browsers. Characters that could steer a terminal or a reader are never written raw: C0 controls
 * (ESC sequences, OSC window titles and links, BEL, CR), DEL, C1 controls, the bidirectional overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069) that reorder what a reader sees, the line and paragraph
 * separators U+2028/U+2029 and the non-characters U+FFFE/U+FFFF. Every formatter passes its text
 * through one of the functions below; Chinese and all other text is left as it is.
 */

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS_AND_BREAKS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;
/** What JSON.stringify leaves raw: it escapes the C0 controls itself. */
const RAW_IN_JSON = /[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;

const hex = (character: string, digits: number) => character.charCodeAt(0).toString(16).padStart(digits, '0');

/** `\x1b` for ESC, `\u202e` for RIGHT-TO-LEFT OVERRIDE: the character, visible and inert. */
function visible(character: string): string {
  const code = character.charCodeAt(0);
  if (code === 0x0a) return '\\n';
  if (code === 0x09) return '\\t';
  return code < 0x100 ? `\\x${hex(character, 2)}` : `\\u${hex(character, 4)}`;
}

/** Text for a terminal or a text file: every dangerous character shown as an escape; line breaks and tabs kept. */
export function showControls(text: string): string {
  return text.replace(CONTROLS, visible);
}

/** One line of text (a table cell, a message, a name): as {@link showControls}, and line breaks and tabs shown as `\n`, `\t`. */
export function oneLine(text: string): string {
  return text.replace(CONTROLS_AND_BREAKS, visible);
}

/**
 * JSON text with the characters JSON.stringify leaves raw written as `\u` escapes: the same JSON
 * value, with no raw control or override character in the file.
 */
export function jsonSafe(json: string): string {
  return json.replace(RAW_IN_JSON, (character) => `\\u${hex(character, 4)}`);
}
