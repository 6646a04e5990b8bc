// What the pages decide once core has loaded: a student's seventh course outcome of a semester, which
// Magong's pack refuses (at most 6, 五(三)1).
import type { Engine } from '@portfolio-rules/core';

const outcome = (id: string, day: string) =>
  ({
    id,
    kind: 'courseOutcome',
    studentId: 's1',
    entry: 'student',
    selected: false,
    term: '11201',
    course: 'physics',
    certifier: 't1',
    state: 'draft',
    summary: '單擺週期與擺長關係之實驗報告',
    files: [{ name: 'pendulum.pdf', type: 'pdf', megabytes: 2.5 }],
    uploadedOn: day,
  }) as const;

/** The seventh upload's decision: whether it is allowed, and the codes of its findings. */
export function seventhUpload(engine: Engine): { readonly allowed: boolean; readonly findings: readonly string[] } {
  const uploaded = ['1', '2', '3', '4', '5', '6'].map((id) => outcome(id, '2023-10-02'));
  const decision = engine.checkUpload({ item: outcome('7', '2023-10-03'), items: uploaded, at: '2023-10-03' });
  return { allowed: decision.allowed, findings: decision.findings.map((finding) => finding.code) };
}
