import type { EffectivePack } from '../layering';
import { validatePack } from '../pack';

/** Freezes a value and everything in it, to prove the functions under test do not mutate their input. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** The (frozen) effective pack of a school pack's YAML body; id, name and document are added. */
export function effectiveOf(body: string): EffectivePack {
  const { resolution, findings } = validatePack(`id: test\nname: 測試補充規定\ndocument: 測試補充規定\n${body}`);
  const effective = resolution?.versions.at(-1);
  if (!effective) throw new Error(`test pack does not load: ${JSON.stringify(findings)}`);
  return deepFreeze(effective);
}
