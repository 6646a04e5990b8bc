/** A phrase in both languages of a finding message. */
export interface Words {
  readonly zh: string;
  readonly en: string;
}

/** The end of a message that offers a suggestion: "…, did you mean `x`?", or nothing without one. */
export function didYouMean(suggestion: string | undefined): Words {
  return {
    zh: suggestion ? `，您是否要輸入「${suggestion}」？` : '',
    en: suggestion ? ` — did you mean \`${suggestion}\`?` : '',
  };
}

/**
 * Reads a type name in words from `names`, in the reader's terms (a pack's YAML or a dataset's
 * JSON); a union `string | int` reads "text or a whole number", an unknown name stays as it is.
 */
export function typeNamer(names: Readonly<Record<string, Words>>) {
  return (type: string, language: 'zh' | 'en'): string =>
    type
      .split(' | ')
      .map((part) => names[part]?.[language] ?? part)
      .join(language === 'zh' ? '或' : ' or ');
}
