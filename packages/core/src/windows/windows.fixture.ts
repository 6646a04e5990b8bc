import type { EffectivePack } from '../layering';
import { validatePack } from '../pack';
import { deepFreeze } from '../../test/deep-freeze';

export { deepFreeze };

/** The (frozen) effective pack of a school pack's YAML body; id, name and document are added. */
export function effectiveOf(body: string): EffectivePack {
  const { resolution, findings } = validatePack(`id: test\nname: 測試補充規定\ndocument: 測試補充規定\n${body}`);
  const effective = resolution?.versions.at(-1);
  if (!effective) throw new Error(`test pack does not load: ${JSON.stringify(findings)}`);
  return deepFreeze(effective);
}
