import { type FindingBase, validatePack } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { runPackChecks } from '../packages/cli/src/_lib/pack-checks';
import { bundledOverlays, bundledPackFiles, schoolFolders } from './_lib/packs';

type Expected = readonly { code: string; severity: string; subject: string }[];

/** The only finding loading and layering may report for a bundled pack, and why (see schools/pingrong/README.md). */
const LAYERING: Record<string, Expected> = {
  // 屏榮 writes "1–6 件" per semester; FAQ 一(三) forbids forcing counts: the minimum is reported, on purpose.
  'schools/pingrong/pack.yaml': [{ code: 'PR2005', severity: 'warning', subject: 'caps.courseOutcome.upload.min' }],
};

/**
 * What `portfolio-rules validate` adds on top: core's consistency checks of the sections a pack writes
 * (the CLI's pack checks; what a seed leaves out — a duty without an owner, certification without a
 * deputy — is the audit's business, see each README and the `audit` scenarios).
 */
const PACK_CHECKS: Record<string, Expected> = {
  // 屏榮's 註冊組 is the only name on five duties and the rules name no deputy: if it is away, all five stop.
  'schools/pingrong/pack.yaml': [{ code: 'PR5014', severity: 'warning', subject: 'duties' }],
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

  describe('loading and layering (validatePack)', () => {
    it.each(files.map((f) => [f.file, f] as const))('%s', (_name, file) => {
      const { findings } = validatePack(file.text, { file: file.file, overlays });
      expect(shown(findings), explained(findings)).toEqual(LAYERING[file.file] ?? []);
    });
  });

  describe('the pack checks `validate` runs on top (duties, permissions, governance, windows)', () => {
    it.each(files.map((f) => [f.file, f] as const))('%s', (_name, file) => {
      const findings = runPackChecks(validatePack(file.text, { file: file.file, overlays }));
      expect(shown(findings), explained(findings)).toEqual(PACK_CHECKS[file.file] ?? []);
    });
  });
});
