import { describe, expect, it, vi } from 'vitest';
import { CAP_CODES } from '../caps/codes';
import { createFinding } from '../findings/define';
import { deferExplained } from './deferred';
import type { Explained } from './explanation';

const FINDING = createFinding(
  CAP_CODES.lastSlot,
  { kind: 'courseOutcome', max: 6, count: 5, per: 'semester', period: '11201', action: 'upload' },
  { rule: 'caps.courseOutcome.upload', subject: 'co-1' },
);
const STEP = {
  rule: 'caps.courseOutcome.upload',
  outcome: 'passed',
  detail: { 'zh-TW': '已有 5 件', en: 'has 5' },
} as const;
const eager = (): Explained => ({ allowed: true, findings: [FINDING], explanation: [STEP] });

describe('deferExplained', () => {
  it('builds nothing until findings or explanation is read, then builds once for both', () => {
    const build = vi.fn(eager);
    const decision = deferExplained(true, build);
    expect(decision.allowed).toBe(true);
    expect(build).not.toHaveBeenCalled();
    expect(decision.explanation).toEqual([STEP]);
    expect(decision.findings).toEqual([FINDING]);
    expect(decision.findings).toBe(decision.findings);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('is plain data to spreading, JSON, structuredClone and deep equality, in the same key order', () => {
    expect({ ...deferExplained(true, eager) }).toEqual(eager());
    expect(JSON.stringify(deferExplained(true, eager))).toBe(JSON.stringify(eager()));
    expect(structuredClone(deferExplained(true, eager))).toEqual(eager());
    expect(deferExplained(true, eager)).toEqual(eager());
    expect(Object.keys(deferExplained(true, eager))).toEqual(['allowed', 'findings', 'explanation']);
    expect(Object.getPrototypeOf(deferExplained(true, eager))).toBe(Object.prototype);
  });

  it('turns each property into a writable data property once read, and accepts assignment like a plain object', () => {
    const decision = deferExplained(true, eager);
    expect(Object.getOwnPropertyDescriptor(decision, 'findings')).toMatchObject({
      enumerable: true,
      configurable: true,
    });
    void decision.findings;
    expect(Object.getOwnPropertyDescriptor(decision, 'findings')).toEqual({
      value: [FINDING],
      writable: true,
      enumerable: true,
      configurable: true,
    });
    const other = deferExplained(true, eager) as { explanation: unknown };
    other.explanation = [];
    expect(other.explanation).toEqual([]);
  });

  it('still answers, with the same values every time, when frozen before being read', () => {
    const decision = Object.freeze(deferExplained(true, eager));
    expect(decision.findings).toEqual([FINDING]);
    expect(decision.findings).toBe(decision.findings);
    expect(decision.explanation).toEqual([STEP]);
  });

  it('keeps nothing visible besides the three properties (the builder stays private)', () => {
    const decision = deferExplained(false, eager);
    expect(Reflect.ownKeys(decision)).toEqual(['allowed', 'findings', 'explanation']);
  });
});
