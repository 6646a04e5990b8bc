// The same vendor in CommonJS: require() of core, of the packs package and of a resolved pack.
import { createEngine, validatePack } from '@portfolio-rules/core';
import { packFile, schoolEngine } from '@portfolio-rules/packs';
import chenggong from '@portfolio-rules/packs/resolved/taipei-chenggong';

const limits = (engine: ReturnType<typeof createEngine>) =>
  engine.limits('courseOutcome', 'select', '11201').map((limit) => `${limit.max}/${limit.per}`);

const { text, file } = packFile('taipei-chenggong');
console.log(
  JSON.stringify({
    core: limits(createEngine(validatePack(text, { file }))),
    packs: limits(schoolEngine('taipei-chenggong')),
    resolved: limits(createEngine(chenggong)),
  }),
);
