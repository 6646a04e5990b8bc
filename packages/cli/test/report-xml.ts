import { expect } from 'vitest';

export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const decode = (text: string) => {
  expect(text, 'a bare & or <').not.toMatch(/&(?!(amp|lt|gt|quot|#39);)|</);
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
};

/** A strict little XML reader for this output: balanced tags, quoted attributes, escaped text; fails on anything else. */
export function parseXml(xml: string): XmlElement {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const token = /<(\/?)([a-z-]+)((?:\s+[a-z-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let offset = xml.indexOf('\n') + 1;
  token.lastIndex = offset;
  while ((match = token.exec(xml))) {
    offset = token.lastIndex;
    const [, closing, name, attributeText, selfClosing, text] = match;
    const top = stack.at(-1)!;
    if (text !== undefined) top.text += decode(text);
    else if (closing) expect(stack.pop()!.name).toBe(name);
    else {
      const attributes = Object.fromEntries(
        [...attributeText!.matchAll(/([a-z-]+)="([^"]*)"/g)].map(([, key, value]) => [key!, decode(value!)]),
      );
      const element: XmlElement = { name: name!, attributes, children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  expect(offset, 'unparsed XML').toBe(xml.length);
  expect(stack).toHaveLength(1);
  return root.children[0]!;
}
