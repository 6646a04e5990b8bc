// A vendor's ESM code against the installed tarballs (strict, nodenext): one Taipei school's pack
// through core, through the packs package and pre-resolved, with the same answer each way.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createEngine, PackError, validatePack, type Engine, type SelectRequest } from '@portfolio-rules/core';
import { loadSchoolPack, packFile, schoolEngine } from '@portfolio-rules/packs';
import chenggong from '@portfolio-rules/packs/resolved/taipei-chenggong';

const file = createRequire(import.meta.url).resolve('@portfolio-rules/packs/schools/taipei-chenggong/pack.yaml');
const text = readFileSync(file, 'utf8');

const item = (n: number, selected: boolean) =>
  ({
    id: `i${n}`,
    studentId: 's1',
    kind: 'courseOutcome',
    term: '11201',
    course: `c${n}`,
    certifier: 't1',
    state: 'certified',
    entry: 'student',
    selected,
    uploadedOn: '2023-10-01',
  }) as const;
const seventh = item(7, false);
const request: SelectRequest = {
  item: seventh,
  items: [...[1, 2, 3, 4, 5, 6].map((n) => item(n, true)), seventh],
  actor: { id: 's1', roles: ['student'], studentId: 's1' },
  at: '2023-10-02',
};

function answer(engine: Engine) {
  const decision = engine.checkSelection(request);
  const cap = decision.findings.find((finding) => finding.code === 'PR3002');
  // Findings are a union discriminated by code: PR3002's data is typed.
  const max: number | undefined = cap?.code === 'PR3002' ? cap.data.max : undefined;
  return {
    allowed: decision.allowed,
    codes: decision.findings.map((finding) => finding.code),
    max,
    clause: cap?.source?.clause,
  };
}

const viaCore = validatePack(text, { file });
let refused: string[] = [];
try {
  createEngine(validatePack(text.replace(/^extends: taipei/m, 'extends: tainan')));
} catch (error) {
  if (error instanceof PackError) refused = error.findings.map((finding) => finding.code);
}

console.log(
  JSON.stringify({
    layers: viaCore.resolution?.versions[0]?.layers,
    core: answer(createEngine(viaCore)),
    packs: answer(schoolEngine('taipei-chenggong')),
    resolved: answer(createEngine(chenggong)),
    packFindings: loadSchoolPack('taipei-chenggong').findings.length,
    packFile: packFile('taipei-chenggong').file,
    refused,
  }),
);
