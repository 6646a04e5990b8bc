// Single engine decisions per second (target ≥ 1,000,000/s): createEngine on the Magong pack, then
// checkUpload of a course outcome against the student's other items (0–8 of them, some in other
// terms, some withdrawn or rejected), against a hand-written baseline doing the same count. A
// decision builds its findings and explanation when they are first read: a second figure reads the
// findings of every decision, as a caller that shows or stores them all would.
import { readFileSync } from 'node:fs';
import { cpuMs, importCore, machine, PACK, ratio } from './_lib.mjs';

const { createEngine, validatePack } = await importCore();

const COUNT = Number(process.env.BENCH_DECISIONS ?? 2_000_000);
const validation = validatePack(readFileSync(PACK, 'utf8'), { file: PACK });
const engine = createEngine(validation.resolution);

const item = (student, index, term, extra = {}) => ({
  id: `${student}-C${index}`,
  kind: 'courseOutcome',
  studentId: student,
  entry: 'student',
  selected: false,
  term,
  course: 'physics',
  certifier: 'T1',
  state: 'draft',
  summary: '單擺實驗報告',
  files: [{ name: 'a.pdf', type: 'pdf', megabytes: 1.2 }],
  ...extra,
});
/** 1,000 requests: a new upload in 11301 against 0–8 items already there (the cap is 6 a semester). */
const requests = Array.from({ length: 1000 }, (_, n) => {
  const student = `S${n}`;
  const items = Array.from({ length: n % 9 }, (_, index) =>
    item(
      student,
      index,
      index % 4 === 3 ? '11202' : '11301',
      index === 5 ? { state: 'rejected' } : index === 6 ? { withdrawn: true } : {},
    ),
  );
  return { item: item(student, 99, '11301'), items, at: '2024-10-01' };
});

/** The same question by hand: the student's other counted items in the same semester, under the cap of 6. */
function byHand(request) {
  let count = 1;
  for (const other of request.items) {
    if (
      other.id === request.item.id ||
      other.kind !== request.item.kind ||
      other.studentId !== request.item.studentId ||
      other.term !== request.item.term
    )
      continue;
    if (other.withdrawn || other.entry === 'schoolEntered' || other.state === 'rejected') continue;
    count++;
  }
  return { allowed: count <= 6 };
}

function run(decide) {
  const { ms, result: allowed } = cpuMs(() => {
    let count = 0;
    for (let index = 0; index < COUNT; index++) if (decide(requests[index % requests.length]).allowed) count++;
    return count;
  });
  return { ms, allowed };
}

const check = (request) => engine.checkUpload(request);
let findingsRead = 0;
const checkAndRead = (request) => {
  const decision = engine.checkUpload(request);
  findingsRead += decision.findings.length;
  return decision;
};
run(check); // warm up all three, then measure
run(checkAndRead);
run(byHand);
const engineRun = run(check);
const readRun = run(checkAndRead);
const handRun = run(byHand);
if (engineRun.allowed !== handRun.allowed)
  console.log(`note: the engine allowed ${engineRun.allowed}, the hand-written count ${handRun.allowed}`);
const rate = (result) => COUNT / (result.ms / 1000);
console.log(
  `decision bench — ${COUNT.toLocaleString('en-US')} checkUpload decisions (CPU time), ${JSON.stringify(machine())}`,
);
console.log(
  `engine.checkUpload: ${Math.round(rate(engineRun)).toLocaleString('en-US')}/s (${((engineRun.ms * 1e6) / COUNT).toFixed(0)} ns each)`,
);
console.log(
  `engine.checkUpload, findings read: ${Math.round(rate(readRun)).toLocaleString('en-US')}/s (${((readRun.ms * 1e6) / COUNT).toFixed(0)} ns each; ${(findingsRead / 2).toLocaleString('en-US')} findings read; ${(COUNT - engineRun.allowed).toLocaleString('en-US')} refused)`,
);
console.log(
  `hand-written count: ${Math.round(rate(handRun)).toLocaleString('en-US')}/s (${((handRun.ms * 1e6) / COUNT).toFixed(0)} ns each)`,
);
console.log(
  `engine ÷ hand: ${ratio(engineRun.ms, handRun.ms)} the time; target ≥ 1,000,000/s ${rate(engineRun) >= 1e6 ? 'met' : 'NOT met'}`,
);
