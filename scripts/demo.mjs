// The README's main job: validate every bundled pack, then for each school generate sample data
// (with a known share of violations) and audit it, writing an HTML report per school.
import { demoSchool, OUT, run, SCHOOLS } from './demo-school.mjs';

const packs = [
  'schools/_template/pack.yaml',
  ...SCHOOLS.map((id) => `schools/${id}/pack.yaml`),
  'schools/vendor-defaults/pack.yaml',
  'packages/core/regional/taipei/pack.yaml',
];
console.log(`\n▶ portfolio-rules validate ${packs.length} packs`);
run(['validate', ...packs]);

for (const id of SCHOOLS) console.log(`\n${demoSchool(id).join('\n')}`);
console.log(`\nEverything the demo wrote is in ${OUT}/ (sample data, HTML reports).`);
