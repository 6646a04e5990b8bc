import { loadPack, parseCalendar, resolvePack } from '@portfolio-rules/core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../src/timeline/build';
import { renderPack } from '../src/render/document';
import { deepFreeze } from '../../core/test/deep-freeze';

describe('buildTimeline and renderPack are pure', () => {
  const root = new URL('../../../', import.meta.url);
  const loaded = loadPack(readFileSync(new URL('schools/magong/pack.yaml', root), 'utf8'), { file: 'pack.yaml' });
  const effective = resolvePack({ pack: loaded.pack! }).versions.at(-1)!;
  const calendar = parseCalendar(readFileSync(new URL('examples/calendars/112.yaml', root), 'utf8')).calendar!;

  it('read frozen inputs without changing them, and give the same result twice', () => {
    const terms = deepFreeze([
      { term: { year: 112, semester: 1 as const }, effective },
      { term: { year: 112, semester: 2 as const }, effective },
    ]);
    deepFreeze(calendar);
    const first = buildTimeline(terms, calendar);
    expect(buildTimeline(terms, calendar)).toEqual(first);
    expect(first.entries.length).toBeGreaterThan(0);
    expect(renderPack(effective, deepFreeze({ ...loaded.pack! }), 'all', 'zh-TW')).toEqual(
      renderPack(effective, loaded.pack!, 'all', 'zh-TW'),
    );
  });

  it('with a grade, keeps exactly the entries that govern it', () => {
    const terms = [{ term: { year: 112, semester: 2 as const }, effective }];
    const all = buildTimeline(terms, calendar).entries;
    const third = buildTimeline(terms, calendar, { grade: 3 }).entries;
    expect(third).toEqual(all.filter((entry) => entry.grades.includes(3)));
    expect(third.length).toBeLessThan(all.length);
  });
});
