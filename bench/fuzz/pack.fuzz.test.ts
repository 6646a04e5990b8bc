import { describe, expect, it } from 'vitest';
import { createEngine, PackError, type PortfolioItem, validatePack } from '../../packages/core/src';
import { PACKS } from './corpus';
import { expectNoPrototypeKeys, expectWellFormedFinding, fuzz, lineCount, repeats, TARGET_TIMEOUT_MS } from './harness';
import { mutatedYaml } from './mutate';

// Packs mutated from the bundled ones — keys, values, types, YAML structure, aliases, tags, deep
// nesting, huge numbers, prototype keys — through loadPack and validatePack.

const outcome = (id: string): PortfolioItem => ({
  kind: 'courseOutcome',
  id,
  studentId: 's1',
  term: '11201',
  course: '物理',
  certifier: 't1',
  state: 'certified',
  entry: 'student',
  selected: false,
});
/** A seventh course outcome in a term: over Magong's cap, under others'. */
const UPLOAD = { item: outcome('c7'), items: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map(outcome), at: '2023-10-02' };

describe('fuzz: pack loading and validation', () => {
  it(
    'answers every mutated pack with a pack or coded findings, the same each time, never an exception',
    async () => {
      const figures = await fuzz('pack', mutatedYaml(PACKS), (text, tally, index) => {
        const lines = lineCount(text);
        const validation = validatePack(text, { file: 'fuzz.yaml' });
        const { loaded } = validation;
        if (loaded.pack) {
          expect(loaded.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
          expectNoPrototypeKeys(loaded.pack);
        } else {
          expect(loaded.findings.some((finding) => finding.severity === 'error')).toBe(true);
          expect(validation.findings).toEqual(loaded.findings);
        }
        for (const finding of loaded.findings) expectWellFormedFinding(finding, text, lines);
        for (const finding of validation.findings) expectWellFormedFinding(finding, text);
        if (repeats(index))
          expect(JSON.stringify(validatePack(text, { file: 'fuzz.yaml' }))).toBe(JSON.stringify(validation));
        for (const code of new Set(validation.findings.map((finding) => finding.code))) tally(code);

        // A pack without errors builds an engine that decides; one with errors is refused with them (PackError).
        const errors = validation.findings.some((finding) => finding.severity === 'error');
        try {
          const engine = createEngine(validation);
          expect(errors, 'an engine built on a pack with errors').toBe(false);
          const decision = engine.checkUpload(UPLOAD);
          expect(typeof decision.allowed).toBe('boolean');
          for (const finding of decision.findings) expectWellFormedFinding(finding, text);
          tally(decision.allowed ? 'upload allowed' : 'upload refused');
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(PackError);
          expect(errors).toBe(true);
        }
      });
      expect(figures.cases).toBeGreaterThan(0);
    },
    TARGET_TIMEOUT_MS,
  );
});
