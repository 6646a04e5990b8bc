/**
 * A vendor's walk-through: one Magong student's course outcome from upload to receipt confirmation,
 * printing each decision and its explanation. Run by docs/guides/vendor.test.ts, which compares the
 * output with docs/guides/vendor.md.
 */
import {
  createEngine,
  explain,
  validatePack,
  type Actor,
  type CourseOutcome,
  type Receipt,
  type Submission,
} from '@portfolio-rules/core';

// 1. Compile the school's rules once. (A minimal Magong pack; the real one is schools/magong/pack.yaml.)
const MAGONG = `id: magong
name: 國立馬公高級中學建置學生學習歷程檔案作業補充規定
document: 馬公補充規定
appliesFrom: 11101
caps:
  courseOutcome:
    upload: { max: 6, per: semester, source: 五(三)1 }
    select: { max: 6, per: academicYear, source: 六(一) }
duties:
  courseOutcomeSubmission: { owner: teaching, deputies: [registration, equipment], source: 九(三) }
  courseOutcomeCertification: { owner: courseTeacher, deputies: [departmentTeacher, domainTeacher], source: 九(三) }
  receiptConfirmation: { owner: registration, deputies: [equipment, specialEducation], source: 九(三) }
receipts: { leaverNotice: [paper, email], source: 九(二)3 }
`;
const engine = createEngine(validatePack(MAGONG)); // throws a PackError if the pack has errors

// 2. The people: a student, her physics teacher, the teaching section (教學組).
const student: Actor = { id: 's-0412', roles: ['student'], studentId: 's-0412' };
const teacher: Actor = { id: 't-chen', roles: ['courseTeacher'], courses: ['physics'] };
const teaching: Actor = { id: 'u-lin', roles: ['courseOutcomeSubmitter'], units: ['teaching'] };

// 3. The windows, as the windows resolver gives them for 11201 (closing ceremony 2024-01-19).
const uploadWindow = {
  closes: '2024-02-02',
  layer: 'school:magong',
  source: { document: '馬公補充規定', clause: '工作分工表' },
};
const certificationWindow = {
  closes: '2024-02-09',
  layer: 'school:magong',
  source: { document: '馬公補充規定', clause: '五(三)2' },
};
const selectionWindow = {
  opens: '2024-08-01',
  closes: '2024-09-10',
  layer: 'school:magong',
  source: { document: '馬公補充規定', clause: '工作分工表' },
};
const receiptPeriod = { opens: '2024-09-23', closes: '2024-09-25' };

export function walkthrough(): string[] {
  const lines: string[] = [];
  const show = (title: string, decision: Parameters<typeof explain>[0]) =>
    lines.push(`## ${title}`, explain(decision), '');

  let item: CourseOutcome = {
    id: 'co-1',
    kind: 'courseOutcome',
    studentId: 's-0412',
    entry: 'student',
    selected: false,
    term: '11201',
    course: 'physics',
    certifier: 't-chen',
    state: 'draft',
    summary: '單擺週期與擺長關係之實驗報告',
    files: [{ name: 'pendulum.pdf', type: 'pdf', megabytes: 2.5 }],
  };
  const step = (title: string, result: ReturnType<typeof engine.transition>) => {
    show(title, result);
    if (result.ok) item = result.item;
  };

  show(
    '1. upload (上傳) — 2024-01-22',
    engine.checkUpload({ item, items: [], at: '2024-01-22', window: uploadWindow }),
  );
  step(
    '2. submit for certification (送審) — 2024-01-22',
    engine.transition(item, { type: 'submit' }, student, '2024-01-22'),
  );
  step(
    '3. reject (認證失敗) — 2024-01-24',
    engine.transition(item, { type: 'reject', reason: '檔案為化學課作業，請上傳物理課成果' }, teacher, '2024-01-24', {
      window: certificationWindow,
    }),
  );
  step(
    '4. edit (編修) — 2024-01-25',
    engine.transition(
      item,
      { type: 'edit', files: [{ name: 'pendulum-v2.pdf', type: 'pdf', megabytes: 2.8 }] },
      student,
      '2024-01-25',
    ),
  );
  step('5. resubmit (再次送審) — 2024-01-25', engine.transition(item, { type: 'submit' }, student, '2024-01-25'));
  step(
    '6. certify (認證成功) — 2024-02-07',
    engine.transition(item, { type: 'certify' }, teacher, '2024-02-07', { window: certificationWindow }),
  );
  step(
    '7. the student tries to edit the certified item — 2024-02-08',
    engine.transition(item, { type: 'edit', summary: '改寫簡述' }, student, '2024-02-08'),
  );

  const selected = engine.select({ item, items: [item], actor: student, at: '2024-09-08', window: selectionWindow });
  show('8. select (勾選) — 2024-09-08', selected);
  if (selected.item?.kind === 'courseOutcome') item = selected.item;

  const submitted = engine.submit({
    category: 'courseOutcome',
    term: '11201',
    actor: teaching,
    at: '2024-09-20',
    submissions: [],
  });
  show('9. 教學組 submits the roster (提交) — 2024-09-20', submitted);
  const submissions: Submission[] = submitted.submission ? [submitted.submission] : [];
  show(
    '10. the student tries to deselect after submission — 2024-09-21',
    engine.deselect({ item, items: [item], actor: student, at: '2024-09-21', submissions }),
  );

  show(
    '11. the receipt-confirmation period (收訖明細) — 2024-09-23 to 09-25',
    engine.checkReceiptPeriod('11201', receiptPeriod),
  );
  const receipt: Receipt = { studentId: 's-0412', category: 'courseOutcome', term: '11201', status: 'pending' };
  show(
    '12. confirm the receipt (確認) — 2024-09-24',
    engine.receipt(receipt, { type: 'confirm' }, student, '2024-09-24', { period: receiptPeriod }),
  );
  return lines;
}
