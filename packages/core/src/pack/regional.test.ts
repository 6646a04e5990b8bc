import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REGIONAL_PACKS, regionalOverlays, validatePack } from './index';

const CHENGGONG = readFileSync(new URL('../../../../schools/taipei-chenggong/pack.yaml', import.meta.url), 'utf8');

describe('the regional overlays core ships', () => {
  it("layers a Taipei school on core's Taipei overlay, with nothing passed", () => {
    const { findings, resolution } = validatePack(CHENGGONG, { file: 'schools/taipei-chenggong/pack.yaml' });
    expect(findings).toEqual([]);
    expect(resolution?.versions.map((version) => version.layers)).toEqual([
      ['national@2022-08-01', 'overlay:taipei', 'school:taipei-chenggong'],
    ]);
    const precheck = resolution?.versions[0]?.provenance['windows.0'];
    expect(precheck?.layer).toBe('overlay:taipei');
  });

  it('names its file the way the package ships it, and loads without findings', () => {
    expect(Object.keys(REGIONAL_PACKS)).toEqual(['taipei']);
    expect(REGIONAL_PACKS.taipei!.file).toBe('@portfolio-rules/core/regional/taipei/pack.yaml');
    expect(REGIONAL_PACKS.taipei!.text).toBe(
      readFileSync(new URL('../../regional/taipei/pack.yaml', import.meta.url), 'utf8'),
    );
    expect(validatePack(REGIONAL_PACKS.taipei!.text).findings).toEqual([]);
  });

  it('are loaded once and frozen, so that no caller changes what another gets', () => {
    const overlays = regionalOverlays();
    expect(regionalOverlays()).toBe(overlays);
    expect(Object.isFrozen(overlays.taipei!.pack)).toBe(true);
    expect(Object.isFrozen(overlays.taipei!.pack.windows)).toBe(true);
  });

  it('still reports an overlay that is not in the registry (PR2001), naming those that are', () => {
    const { findings } = validatePack('id: x\nname: X 補充規定\ndocument: X 補充規定\nextends: tainan\n');
    expect(findings.map((finding) => [finding.code, finding.message.en])).toEqual([
      ['PR2001', expect.stringContaining('known: national, taipei')],
    ]);
  });

  it('gives way to the overlays a caller passes', () => {
    const { findings } = validatePack(CHENGGONG, { overlays: {} });
    expect(findings.map((finding) => finding.code)).toContain('PR2001');
  });
});
