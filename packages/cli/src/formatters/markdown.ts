import { oneLine } from './safe-text';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text from a pack or data as Markdown that renders as exactly that text, wherever it stands (a
 * heading, a list item, a table cell): HTML as entities (no `<script>`, no `<img onerror>`, no
 * `<javascript:…>` autolink), the characters that open links, emphasis, code and tables escaped (so
 * `[x](javascript:…)` is text, not a link, and `|` never breaks a cell), a leading `#`, `-`, `+`, `=`
 * or `1.` kept from starting a block, control characters shown as escapes, and line breaks as `<br>`.
 */
export function markdownText(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) =>
      oneLine(line)
        .replace(/[&<>]/g, (character) => ENTITIES[character] ?? character)
        .replace(/[\\`*_[|~]/g, '\\$&')
        .replace(/^(\s*)([-+=#])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('<br>');
}

/**
 * Text as an inline code span in a table cell: fenced with more backticks than any run inside it, so that no
 * backtick in the text can close it (HTML inside a code span is shown, never run); `|` escaped for
 * tables, control characters and line breaks shown as escapes.
 */
export function markdownCode(text: string): string {
  const content = oneLine(text).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A space on both sides is dropped by the reader: it keeps a backtick or a backslash at an end from touching the fence.
  const pad = /^`|[`\\]$|^$/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}
