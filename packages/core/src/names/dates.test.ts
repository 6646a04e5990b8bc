import { describe, expect, it } from 'vitest';
import { describeRule, gradesText, semestersText } from './dates';

describe('describeRule: a date rule as the rule writes it', () => {
  it.each([
    [{ anchor: 'closingCeremony', weeks: 2 }, '休業式後2週', '2 weeks after the closing ceremony'],
    [
      { anchor: 'nationalUploadDeadline', weeks: -2 },
      '全國上傳截止前2週',
      '2 weeks before the national upload deadline',
    ],
    [{ anchor: 'classesStart', days: 13 }, '開學後13日', '13 days after the first day of classes'],
    [
      { anchor: 'classesStart', weeks: 1, days: 1 },
      '開學後1週又1日',
      '1 week and 1 day after the first day of classes',
    ],
    [{ anchor: 'makeUpExam', workingDays: -3 }, '學期補考前3個工作日', '3 working days before the make-up exams'],
    [
      { anchor: 'termEnd', weeks: 2, days: -1 },
      '學期結束後2週再前1日',
      '2 weeks after, then 1 day before the end of the term',
    ],
    [{ anchor: 'nationalSubmissionOpens' }, '全國提交開始當日', 'on the national submission opening'],
    [{ monthDay: '08-31' }, '8月31日', '31 August'],
    ['2024-04-15', '113年4月15日', '15 April 2024'],
  ] as const)('%j → %s / %s', (rule, zh, en) => {
    expect(describeRule(rule, 'zh-TW')).toBe(zh);
    expect(describeRule(rule, 'en')).toBe(en);
  });

  it('writes grades and semesters as the flow tables do', () => {
    expect(gradesText(undefined, 'zh-TW')).toBe('全年級');
    expect(gradesText([3, 2, 1], 'en')).toBe('all grades');
    expect(gradesText([1, 2], 'zh-TW')).toBe('1、2年級');
    expect(gradesText([3], 'en')).toBe('grade 3');
    expect(semestersText([1, 2], 'zh-TW')).toBe('每學期');
    expect(semestersText([2], 'zh-TW')).toBe('第2學期');
    expect(semestersText([1], 'en')).toBe('semester 1');
  });
});
