// The runner must be able to fail: wrong expectations come back as failures that name what differs.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ScenarioSchema } from './format';
import { parseScenario } from './parse';
import { prepareScenarioPack, runScenario } from './run';

const packOf = (folder: string) => {
  const file = `schools/${folder}/pack.yaml`;
  return { file, text: readFileSync(new URL(`../../../../${file}`, import.meta.url), 'utf8') };
};
const run = (folder: string, yaml: string) => {
  const outcome = runScenario(ScenarioSchema.parse(parse(yaml)), packOf(folder));
  return { ...outcome, failures: outcome.failures.map((failure) => failure.message.en) };
};

describe('runScenario', () => {
  it('passes a true scenario and explains it with the layer and clause', () => {
    const outcome = run(
      'magong',
      'clause: 五(三)1\ntitle: t\ngiven: { term: 11201 }\nwhen: { rule: caps.courseOutcome.upload }\nexpect: { value: { max: 6 }, layer: school:magong, source: 五(三)1 }\n',
    );
    expect(outcome.failures).toEqual([]);
    expect(outcome.explanation).toContainEqual({
      'zh-TW': '  caps.courseOutcome.upload.max 由 school:magong 馬公補充規定 五(三)1 設定',
      en: '  caps.courseOutcome.upload.max set by school:magong 馬公補充規定 五(三)1',
    });
  });

  it('reports a wrong value, layer and clause', () => {
    const outcome = run(
      'magong',
      'clause: 五(三)1\ntitle: t\ngiven: { term: 11201 }\nwhen: { rule: caps.courseOutcome.upload }\nexpect: { value: { max: 7 }, layer: national@2022-08-01, source: 五(四) }\n',
    );
    expect(outcome.failures).toEqual([
      'caps.courseOutcome.upload: expected {"max":7}, got {"max":6,"per":"semester","source":"五(三)1"}',
      'caps.courseOutcome.upload.max: expected layer national@2022-08-01, got school:magong',
      'caps.courseOutcome.upload.max: expected source 五(四), got 馬公補充規定 五(三)1',
    ]);
  });

  it('reports missing and unexpected findings, and the verdict', () => {
    const outcome = run(
      'magong',
      'clause: 六(一)\ntitle: t\ngiven: { change: { caps: { courseOutcome: { select: { max: 8 } } } } }\nwhen: validate\nexpect: { allowed: true, findings: [PR2003] }\n',
    );
    expect(outcome.failures).toEqual([
      'expected finding not raised: "PR2003"',
      'unexpected finding: PR2002 caps.courseOutcome.select.max',
      'unexpected finding: PR1031 caps.courseOutcome.select.max',
      'expected allowed, got refused',
    ]);
    expect(outcome.explanation.map((line) => line['zh-TW']).join('\n')).toContain(
      '作業要點 課程學習成果勾選件數 (111學年度起)',
    );
  });

  it('reports who acts when it is not who was expected', () => {
    const outcome = run(
      'magong',
      'clause: 九(三)\ntitle: t\ngiven: { term: 11201, unavailable: [courseTeacher] }\nwhen: { acting: courseOutcomeCertification }\nexpect: { acting: domainTeacher }\n',
    );
    expect(outcome.failures).toEqual(['acting: expected domainTeacher, got departmentTeacher']);
  });

  it('reports a term outside the pack when the scenario expects rules', () => {
    const outcome = run(
      'vendor-defaults',
      'clause: 第3章\ntitle: t\ngiven: { term: 11101 }\nwhen: { rule: caps }\nexpect: { value: {} }\n',
    );
    expect(outcome.failures).toEqual(['term 11101: expected the pack to apply, it does not']);
  });

  it('reports an earlier step that was refused', () => {
    const outcome = run(
      'magong',
      'clause: 六(一)\ntitle: t\ngiven: { term: 11201, records: [{ id: r, kind: courseOutcome, student: S1, state: draft }] }\nwhen: { steps: [{ select: r, at: 2024-01-10 }, { select: r, at: 2024-01-11 }] }\nexpect: { allowed: false }\n',
    );
    expect(outcome.failures).toEqual(['step 1 was refused: PR4010']);
  });

  it('says who may do what to which record in words, not as JSON or identifiers', () => {
    const outcome = runScenario(
      ScenarioSchema.parse(
        parse(
          'clause: 九(三)\ntitle: t\ngiven: { term: 11201, people: [{ id: 林老師, roles: [departmentTeacher], departments: [science] }] }\nwhen: { can: certifyCourseOutcomes, by: 林老師, on: { kind: courseOutcome, studentId: S1, course: physics, department: science }, at: 2024-01-25 }\nexpect: { allowed: true }\n',
        ),
      ),
      packOf('magong'),
    );
    expect(outcome.explanation).toContainEqual({
      'zh-TW': '林老師 (科內教師) 對學生 S1 之課程學習成果 (課程 physics、科別 science)認證課程學習成果：不可',
      en: "林老師 (department teacher) certifying course outcomes on student S1's course outcomes (course physics, department science): refused",
    });
  });

  it('says in Chinese too what differs', () => {
    const outcome = runScenario(
      ScenarioSchema.parse(
        parse(
          'clause: 九(三)\ntitle: t\ngiven: { term: 11201, unavailable: [courseTeacher] }\nwhen: { acting: courseOutcomeCertification }\nexpect: { acting: domainTeacher }\n',
        ),
      ),
      packOf('magong'),
    );
    expect(outcome.passed).toBe(false);
    expect(outcome.failures).toEqual([
      {
        subject: 'acting',
        expected: 'domainTeacher',
        actual: 'departmentTeacher',
        message: {
          'zh-TW': '代理人：預期領域教師，實得科內教師',
          en: 'acting: expected domainTeacher, got departmentTeacher',
        },
      },
    ]);
  });

  it('rejects a file that is not a scenario, with the line and column', () => {
    const misspelt = parseScenario('clause: 一\ntitle: t\nwhen: validate\nexpect: {}\ngivn: {}\n', { file: 's.yaml' });
    expect(misspelt.scenario).toBeUndefined();
    expect(misspelt.findings.map((f) => [f.code, f.position?.line, f.message.en])).toEqual([
      ['PR1003', 5, 'unknown key `givn` — did you mean `given`?'],
    ]);
    expect(parseScenario('clause: 一\ntitle: t\nwhen: { rule: x, acting: y }\nexpect: {}\n').scenario).toBeUndefined();
    expect(parseScenario('clause: [\n').findings.map((f) => f.code)).toEqual(['PR1001']);
  });
});

describe('runScenario on a pack prepared once (prepareScenarioPack)', () => {
  const scenariosOf = (folder: string) => {
    const directory = new URL(`../../../../schools/${folder}/scenarios/`, import.meta.url);
    return readdirSync(directory)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => {
        const parsed = parseScenario(readFileSync(new URL(name, directory), 'utf8'), { file: name });
        if (!parsed.scenario) throw new Error(`${folder}/${name} is not a scenario`);
        return [name, parsed.scenario] as const;
      });
  };

  // Magong's scenarios ask every kind of question, with given.change and when: audit among them;
  // Taipei Chenggong's pack extends Taipei's regional overlay.
  for (const folder of ['magong', 'taipei-chenggong']) {
    it(`comes out exactly as with the pack's text, for every scenario of ${folder}`, () => {
      const pack = packOf(folder);
      const prepared = prepareScenarioPack(pack);
      const scenarios = scenariosOf(folder);
      expect(scenarios.length).toBeGreaterThan(10);
      for (const [name, scenario] of scenarios)
        expect(runScenario(scenario, prepared), name).toEqual(runScenario(scenario, pack));
    });
  }

  it('reads the prepared audit rather than auditing the pack again', () => {
    const prepared = prepareScenarioPack(packOf('magong'));
    const scenario = ScenarioSchema.parse(parse('clause: 一\ntitle: t\nwhen: validate\nexpect: { allowed: true }\n'));
    expect(runScenario(scenario, prepared).findings).toBe(prepared.validation.findings);
  });

  it("audits a scenario's changed copy of the prepared pack", () => {
    const prepared = prepareScenarioPack(packOf('magong'));
    const scenario = ScenarioSchema.parse(
      parse(
        'clause: 六(一)\ntitle: t\ngiven: { change: { caps: { courseOutcome: { select: { max: 8 } } } } }\nwhen: validate\nexpect: { allowed: false }\n',
      ),
    );
    const outcome = runScenario(scenario, prepared);
    expect(outcome.passed).toBe(true);
    expect(outcome.findings.map((finding) => finding.code)).toEqual(['PR2002', 'PR1031']);
  });

  it('layers on the overlays it was prepared with', () => {
    const pack = packOf('taipei-chenggong');
    const prepared = prepareScenarioPack(pack, { overlays: {} });
    // Without Taipei's overlay the pack cannot be layered, changed or not.
    for (const given of ['', 'given: { change: { name: 臺北市立成功高級中學 } }\n']) {
      const scenario = ScenarioSchema.parse(
        parse(`clause: 一\ntitle: t\n${given}when: validate\nexpect: { allowed: false }\n`),
      );
      expect(runScenario(scenario, prepared)).toEqual(runScenario(scenario, pack, { overlays: {} }));
      expect(runScenario(scenario, prepared).passed, given).toBe(true);
    }
  });
});
