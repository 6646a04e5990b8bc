import { auditPack, type FindingBase } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { bundledOverlays, bundledPackFiles, schoolFolders } from './_lib/packs';

type Expected = readonly { code: string; severity: string; subject: string }[];

/**
 * What `portfolio-rules validate` (and `audit` without data: core's `auditPack`) reports about each
 * bundled pack, and why. Every other bundled pack is clean. What a seed leaves out (an owner, a
 * deputy, a working group) is reported as it is for any school: each README says so, and each
 * school's `audit` scenarios list it.
 */
const EXPECTED: Record<string, Expected> = {
  // The template's ○○ are left for the school to replace (PR1040).
  'schools/_template/pack.yaml': [
    { code: 'PR1040', severity: 'warning', subject: 'name' },
    { code: 'PR1040', severity: 'warning', subject: 'school' },
    { code: 'PR1040', severity: 'warning', subject: 'document' },
  ],
  // 屏榮 writes "1–6 件" per semester; FAQ 一(三) forbids forcing counts: the minimum is reported, on purpose.
  // Its rules name no deputy and no unit for receipt confirmation; 註冊組 is the only name on five duties.
  'schools/pingrong/pack.yaml': [
    { code: 'PR2005', severity: 'warning', subject: 'caps.courseOutcome.upload.min' },
    { code: 'PR5002', severity: 'error', subject: 'duties.receiptConfirmation' },
    { code: 'PR5013', severity: 'error', subject: 'duties.courseOutcomeCertification' },
    { code: 'PR5014', severity: 'warning', subject: 'duties' },
  ],
  // A training deck, not supplementary rules: four duties, the deputies, the working group and the grade-12 dates are not in it.
  'schools/taipei-chenggong/pack.yaml': [
    { code: 'PR5002', severity: 'error', subject: 'duties.platformAdministration' },
    { code: 'PR5002', severity: 'error', subject: 'duties.receiptConfirmation' },
    { code: 'PR5002', severity: 'error', subject: 'duties.courseOutcomeSubmission' },
    { code: 'PR5002', severity: 'error', subject: 'duties.cadreSubmission' },
    { code: 'PR5013', severity: 'error', subject: 'duties.courseOutcomeCertification' },
    { code: 'PR7510', severity: 'warning', subject: 'governance.workingGroup' },
    { code: 'PR7515', severity: 'warning', subject: 'governance.trainings' },
    { code: 'PR6015', severity: 'warning', subject: 'windowBounds.0' },
    { code: 'PR6015', severity: 'warning', subject: 'windowBounds.1' },
    { code: 'PR6015', severity: 'warning', subject: 'windowBounds.2' },
    { code: 'PR6015', severity: 'warning', subject: 'windowBounds.3' },
  ],
  // A vendor's manual: three duties, the deputies, the working group and the trainings are not in it.
  'schools/vendor-defaults/pack.yaml': [
    { code: 'PR5002', severity: 'error', subject: 'duties.basicData' },
    { code: 'PR5002', severity: 'error', subject: 'duties.courseRecordSubmission' },
    { code: 'PR5002', severity: 'error', subject: 'duties.receiptConfirmation' },
    { code: 'PR5013', severity: 'error', subject: 'duties.courseOutcomeCertification' },
    { code: 'PR7510', severity: 'warning', subject: 'governance.workingGroup' },
    { code: 'PR7515', severity: 'warning', subject: 'governance.trainings' },
  ],
};

const shown = (findings: readonly FindingBase[]) =>
  findings.map((f) => ({ code: f.code, severity: f.severity, subject: f.subject }));
const explained = (findings: readonly FindingBase[]) =>
  findings.map((f) => `${f.code} ${f.subject}: ${f.message['zh-TW']} / ${f.message.en}`).join('\n');

describe('bundled packs validate', () => {
  const overlays = bundledOverlays();
  const files = bundledPackFiles();

  it("finds the seeds' packs and the template", () => {
    expect(schoolFolders()).toEqual(
      expect.arrayContaining([
        '_template',
        'hsinchu-vocational',
        'magong',
        'pingrong',
        'taipei-chenggong',
        'vendor-defaults',
      ]),
    );
  });

  describe('what validate and audit report (auditPack)', () => {
    it.each(files.map((f) => [f.file, f] as const))('%s', (_name, file) => {
      const { findings } = auditPack(file.text, { file: file.file, overlays });
      expect(shown(findings), explained(findings)).toEqual(EXPECTED[file.file] ?? []);
    });
  });
});
