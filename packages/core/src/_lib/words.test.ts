import { describe, expect, it } from 'vitest';
import { didYouMean, typeNamer } from './words';

describe('didYouMean', () => {
  it('offers the suggestion in both languages, or nothing', () => {
    expect(didYouMean('upload')).toEqual({ zh: '，您是否要輸入「upload」？', en: ' — did you mean `upload`?' });
    expect(didYouMean(undefined)).toEqual({ zh: '', en: '' });
  });
});

describe('typeNamer', () => {
  const typeName = typeNamer({ string: { zh: '文字', en: 'text' }, int: { zh: '整數', en: 'a whole number' } });

  it('reads a union part by part and keeps an unknown name as it is', () => {
    expect(typeName('string | int', 'en')).toBe('text or a whole number');
    expect(typeName('string | int', 'zh')).toBe('文字或整數');
    expect(typeName('bigint', 'en')).toBe('bigint');
  });
});
