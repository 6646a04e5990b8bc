import { describe, expect, it } from 'vitest';
import type { FindingBase } from '../findings/types';
import { auditPack } from './audit';

const HEAD = 'id: test\nname: 測試高中補充規定\ndocument: 測試補充規定\n';
const placed = (text: string, codes: readonly string[]) =>
  auditPack(text, { file: 'pack.yaml' })
    .findings.filter((finding: FindingBase) => codes.includes(finding.code))
    .map((finding: FindingBase) => [finding.code, finding.subject, finding.position]);

describe('window findings carry the place in the pack (issue 15 §4)', () => {
  it('PR6010 and PR6011 point at the window the school wrote', () => {
    const text = `${HEAD}windows:
  - { activity: courseOutcomeUpload, closes: { anchor: closingCeremony, weeks: 1 }, source: 五(三)1 }
  - { activity: receiptConfirmation, opens: 2024-03-18, closes: 2024-03-19, source: 六(三) }
`;
    expect(placed(text, ['PR6010', 'PR6011'])).toEqual([
      ['PR6010', 'windows.0', { file: 'pack.yaml', line: 5, column: 5 }],
      ['PR6011', 'windows.1', { file: 'pack.yaml', line: 6, column: 5 }],
    ]);
  });

  it("on a regional overlay, the school's window is found in its own file, not at its merged index", () => {
    const text = `${HEAD}extends: taipei
windows:
  - { activity: receiptConfirmation, terms: [11201], grades: [1, 2], opens: 2024-03-18, closes: 2024-03-19 }
`;
    const [finding] = placed(text, ['PR6011']);
    expect(finding?.[1]).not.toBe('windows.0');
    expect(finding?.[2]).toEqual({ file: 'pack.yaml', line: 6, column: 5 });
  });

  it("a bound the school appends after its overlay's is placed at the school's own line (PR6015)", () => {
    const text = `${HEAD}extends: taipei
windowBounds:
  - { activity: disputeResolution, terms: [11301], minDays: 3, source: 七(二) }
`;
    const own = placed(text, ['PR6015']).filter(([, , position]) => position !== undefined);
    expect(own).toEqual([
      ['PR6015', expect.stringMatching(/^windowBounds\.[1-9]\d*$/), { file: 'pack.yaml', line: 6, column: 5 }],
    ]);
  });
});
