import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFinding } from '../findings/define';
import { combine } from '../decision/explanation';
import { createEngine } from './index';
import { acrossVersions, outcome, STUDENT } from './magong.fixture';

// Every finding is made by createFinding and every decision's steps are joined by combine: counting
// their calls shows what a decision builds, and when.
vi.mock('../findings/define', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../findings/define')>();
  return { ...actual, createFinding: vi.fn(actual.createFinding) };
});
vi.mock('../decision/explanation', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../decision/explanation')>();
  return { ...actual, combine: vi.fn(actual.combine) };
});

const engine = createEngine(acrossVersions());
/** Refused four times over: locked, a file too large, the summary missing, and the semester's 6 uploads used. */
const refused = {
  item: outcome({ summary: '', files: [{ name: 'big.pdf', type: 'pdf', megabytes: 40 }] }),
  items: Array.from({ length: 6 }, () => outcome()),
  at: '2024-01-20',
  submissions: [
    { category: 'courseOutcome', term: '11201', submittedBy: 'u1', actingAs: 'teaching', submittedOn: '2024-01-10' },
  ],
} as const;

describe('a decision builds its findings and explanation only when they are read', () => {
  beforeEach(() => vi.clearAllMocks());

  it('checkUpload: reading allowed makes no finding and no step', () => {
    const decision = engine.checkUpload(refused);
    expect(decision.allowed).toBe(false);
    expect(createFinding).not.toHaveBeenCalled();
    expect(combine).not.toHaveBeenCalled();
    expect(decision.findings.map((finding) => finding.code)).toEqual(['PR7004', 'PR3011', 'PR3013', 'PR3001']);
    expect(combine).toHaveBeenCalledTimes(1);
    expect(createFinding).toHaveBeenCalledTimes(4);
    void decision.explanation;
    expect(createFinding).toHaveBeenCalledTimes(4);
  });

  it('checkSelection, select and deselect: the same', () => {
    const request = {
      item: outcome({ state: 'draft' }),
      items: [],
      actor: { id: 't1', roles: ['courseTeacher'] },
      at: '2024-09-01',
    } as const;
    expect(engine.checkSelection(request).allowed).toBe(false);
    expect(engine.select(request).allowed).toBe(false);
    expect(engine.deselect(request).allowed).toBe(false);
    expect(engine.select({ ...request, item: outcome({ state: 'certified' }), actor: STUDENT }).item).toMatchObject({
      selected: true,
    });
    expect(createFinding).not.toHaveBeenCalled();
    expect(combine).not.toHaveBeenCalled();
    expect(engine.checkSelection(request).findings.map((finding) => finding.code)).toEqual(['PR4002', 'PR4010']);
    expect(createFinding).toHaveBeenCalledTimes(2);
  });
});
