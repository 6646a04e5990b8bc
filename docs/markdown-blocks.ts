/** A fenced code block of a Markdown page, with the heading above it and the HTML comments just before it. */
export interface CodeBlock {
  readonly heading: string;
  readonly language: string;
  readonly text: string;
  /** The `<!-- … -->` lines right above the opening fence (blank lines between them allowed). */
  readonly comments: readonly string[];
  /** The line of the opening fence, counted from 1. */
  readonly line: number;
}

/** The fenced code blocks of a page, for tests that run the examples of the docs. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  let heading = '';
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (line === undefined) break;
    const title = /^#{1,6}\s+(.*)$/.exec(line);
    if (title) {
      heading = title[1] ?? '';
      continue;
    }
    const fence = /^```(\S*)\s*$/.exec(line);
    if (!fence) continue;
    const comments: string[] = [];
    for (let back = index - 1; back >= 0; back--) {
      const above = (lines[back] ?? '').trim();
      if (above === '') continue;
      const comment = /^<!--\s*(.*?)\s*-->$/.exec(above);
      if (!comment) break;
      comments.unshift(comment[1] ?? '');
    }
    const end = lines.findIndex((candidate, at) => at > index && /^```\s*$/.test(candidate));
    const close = end < 0 ? lines.length : end;
    blocks.push({
      heading,
      language: fence[1] ?? '',
      text: `${lines.slice(index + 1, close).join('\n')}\n`,
      comments,
      line: index + 1,
    });
    index = close;
  }
  return blocks;
}
