import { test } from 'vitest';
import { validatePack } from '@portfolio-rules/core';
test('smoke', () => {
  const text = `id: magong
name: 馬公
document: 馬公補充規定
appliesFrom: 11101
caps:
  courseOutcome:
    uplaod: { max: 6, per: semester }
  diversePerformance:
    select: { max: 12, per: academicYear, source: 六(一) }
duties:
  courseOutcomeSubmision: { owner: teaching }
windows:
  - activity: courseOutcomeUplod
    closes: { anchor: closingCeremony, weeks: 2 }
receipts: { confirmationDays: "3" }
`;
  console.log(JSON.stringify(validatePack(text, { file: 'x.yaml' }).findings.map(f => [f.code, f.subject, f.position, f.message.en, f.message['zh-TW']]), null, 1));
  const t2 = text.replace(/uplaod/, 'upload').replace('courseOutcomeSubmision','courseOutcomeSubmission').replace('courseOutcomeUplod','courseOutcomeUpload').replace('"3"','2');
  const v = validatePack(t2, { file: 'x.yaml' });
  console.log(JSON.stringify(v.findings, null, 1));
  console.log(JSON.stringify(v.resolution?.versions[0]?.provenance, null, 0).slice(0, 1500));
});
