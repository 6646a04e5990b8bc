import { validatePack } from '@portfolio-rules/core';
import { describe, expect, it } from 'vitest';
import { bundledOverlays, bundledPackFiles, schoolFolders } from './_lib/packs';

/** The only finding a bundled pack may carry, and why (see schools/pingrong/README.md). */
const EXPECTED: Record<string, readonly { code: string; severity: string; subject: string }[]> = {
  // 屏榮 writes "1–6 件" per semester; FAQ 一(三) forbids forcing counts: the minimum is reported, on purpose.
  'schools/pingrong/pack.yaml': [{ code: 'PR2005', severity: 'warning', subject: 'caps.courseOutcome.upload.min' }],
};

describe('bundled packs validate', () => {
  const overlays = bundledOverlays();
  const files = bundledPackFiles();

  it('finds the seeds\' packs and the template', () => {
    expect(schoolFolders()).toEqual(expect.arrayContaining(['_template', 'hsinchu-vocational', 'magong', 'pingrong', 'taipei-chenggong', 'vendor-defaults']));
  });

  it.each(files.map((f) => [f.file, f] as const))('%s', (_name, file) => {
    const { findings } = validatePack(file.text, { file: file.file, overlays });
    const shown = findings.map((f) => ({ code: f.code, severity: f.severity, subject: f.subject }));
    expect(shown, findings.map((f) => `${f.code} ${f.subject}: ${f.message['zh-TW']} / ${f.message.en}`).join('\n')).toEqual(EXPECTED[file.file] ?? []);
  });
});
