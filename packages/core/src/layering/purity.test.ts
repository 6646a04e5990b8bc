import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { NATIONAL_VERSIONS } from '../national';
import { loadPack, validatePack } from '../pack';
import { deepFreeze } from '../../test/deep-freeze';
import { propertyOptions, schoolBoundsArbitrary, schoolPack } from '../../test/arbitraries';
import { type Layer, mergeLayers, type PackInput, resolvePack } from '.';

const OVERLAY =
  'kind: overlay\nid: taipei\nname: 臺北市\ndocument: 臺北市規定\nreceipts: { confirmationDays: 4 }\nwindows:\n  - activity: precheck\n    closes: 2024-03-10\n';

function loaded(text: string, file: string): PackInput {
  const result = loadPack(text, { file });
  if (!result.pack) throw new Error(JSON.stringify(result.findings));
  return result as PackInput;
}

/** A school pack from the bounds arbitrary, extending the Taipei overlay half of the time, with windows and a custom rule to merge. */
const scenario = fc.tuple(schoolBoundsArbitrary, fc.boolean()).map(([bounds, onOverlay]) => {
  const object = {
    ...schoolPack(bounds),
    ...(onOverlay && { extends: 'taipei' }),
    windows: [{ activity: 'precheck', closes: { anchor: 'nationalPrecheckCloses', weeks: -2 }, source: '流程表' }],
    rules: [{ id: 'r', when: { '>': [{ var: 'selected' }, 6] }, message: { 'zh-TW': '多', en: 'many' } }],
  };
  return stringify(object);
});

const nationalSnapshot = JSON.stringify(NATIONAL_VERSIONS);

describe('no function mutates its input', () => {
  it('loadPack, resolvePack and validatePack give the same answer on deep-frozen inputs and leave the national baseline alone', () => {
    fc.assert(
      fc.property(scenario, (text) => {
        const options = { file: 'school.yaml' };
        const plain = validatePack(text, { ...options, overlays: { taipei: loaded(OVERLAY, 'taipei.yaml') } });
        const frozenOverlays = deepFreeze({ taipei: loaded(OVERLAY, 'taipei.yaml') });
        const frozen = validatePack(
          text,
          deepFreeze({ ...options, overlays: frozenOverlays, term: { year: 112, semester: 1 as const } }),
        );
        expect(frozen.loaded).toEqual(plain.loaded);
        expect(frozen.resolution?.versions).toEqual(plain.resolution?.versions);
        expect(frozen.findings.filter((finding) => finding.code !== 'PR2007')).toEqual(plain.findings);

        const input = loaded(text, 'school.yaml');
        const copy = structuredClone(input);
        const again = resolvePack(deepFreeze(input), deepFreeze({ overlays: frozenOverlays }));
        expect(input).toEqual(copy);
        expect(again).toEqual(resolvePack(copy, { overlays: { taipei: loaded(OVERLAY, 'taipei.yaml') } }));
        expect(JSON.stringify(NATIONAL_VERSIONS)).toBe(nationalSnapshot);
      }),
      propertyOptions(100),
    );
  }, 30_000);

  it('mergeLayers gives the same answer on deep-frozen layers', () => {
    fc.assert(
      fc.property(scenario, (text) => {
        const school = loaded(text, 'school.yaml').pack;
        const layers = (): Layer[] => [
          {
            name: NATIONAL_VERSIONS[1]!.layer,
            document: '作業要點',
            values: structuredClone(NATIONAL_VERSIONS[1]!.pack),
          },
          { name: 'overlay:taipei', document: '臺北市規定', values: loaded(OVERLAY, 'taipei.yaml').pack },
          { name: 'school:property', document: school.document, values: structuredClone(school) },
        ];
        const frozen = deepFreeze(layers());
        expect(mergeLayers(frozen)).toEqual(mergeLayers(layers()));
        expect(frozen).toEqual(layers());
      }),
      propertyOptions(100),
    );
  }, 30_000);

  it('a deep-frozen input really refuses writes (the check above can fail)', () => {
    const frozen = deepFreeze({ caps: { courseOutcome: { select: { max: 6 } } } });
    expect(() => {
      frozen.caps.courseOutcome.select.max = 12;
    }).toThrow(TypeError);
  });
});
