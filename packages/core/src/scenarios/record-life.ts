// A record's life in a scenario: uploads against the caps, selections, certification steps — asked
// of core's engine (`createEngine`), as a vendor's platform asks it: the rules of each item's own term.
import type { Finding } from '../catalogue';
import { type CertificationEvent } from '../certification';
import { createEngine, type Engine, type Step } from '../engine';
import { formatSource } from '../findings';
import type { CourseOutcome, PortfolioItem } from '../records/items';
import type { Actor } from '../roles/actor';
import type { Language } from '../findings';
import { nameIn, RECORD_KIND_NAMES } from '../names';
import { type Context, fail, misfit, note, personOf, termOf } from './context';
import { CERTIFICATION_STEP_WORDS, ITEM_STATE_WORDS, STEP_OUTCOME_WORDS } from './words';
import type { RecordAction } from './format';

type Given = NonNullable<Context['scenario']['given']>;
type RecordsEntry = NonNullable<Given['records']>[number];

/** The items of `given.records`, `count` of each. */
export function itemsOf(context: Context): PortfolioItem[] {
  const term = String(termOf(context) ?? '');
  const items: PortfolioItem[] = [];
  (context.scenario.given?.records ?? []).forEach((entry: RecordsEntry, index) => {
    const count = entry.count ?? 1;
    for (let n = 1; n <= count; n++) {
      const base = entry.id ?? `${entry.student}-${entry.kind}-${index + 1}`;
      items.push(makeItem(entry, count === 1 ? base : `${base}#${n}`, entry.term ?? term));
    }
  });
  return items;
}

function makeItem(entry: Omit<RecordsEntry, 'count'>, id: string, term: string): PortfolioItem {
  const common = { id, studentId: entry.student, entry: entry.entry ?? 'student', selected: entry.selected ?? false };
  if (entry.kind === 'courseOutcome') {
    return {
      ...common,
      kind: 'courseOutcome',
      term,
      course: entry.course ?? 'course',
      certifier: entry.certifier ?? 'teacher',
      state: entry.state ?? 'submitted',
      ...(entry.department && { department: entry.department }),
      ...(entry.domain && { domain: entry.domain }),
    };
  }
  return {
    ...common,
    kind: 'diversePerformance',
    academicYear: entry.academicYear ?? Number(term.slice(0, -2)),
    category: (entry.category ?? 'competition') as 'competition',
  };
}

/** Each rule the engine evaluated, in order, with the layer and clause that set it. */
export function noteSteps(context: Context, steps: readonly Step[]): void {
  for (const step of steps) {
    const cited = [step.layer, formatSource(step.source)].filter(Boolean).join(' ');
    const line = (language: Language) =>
      `  ${STEP_OUTCOME_WORDS[step.outcome][language]} ${step.rule}${cited ? ` [${cited}]` : ''}: ${step.detail[language]}`;
    note(context, line('zh-TW'), line('en'));
  }
}

const studentActor = (studentId: string): Actor => ({ id: studentId, roles: ['student'], studentId });

function find(context: Context, items: readonly PortfolioItem[], id: string): PortfolioItem | undefined {
  const item = items.find((candidate) => candidate.id === id);
  if (!item)
    misfit(context, 'given.records', {
      'zh-TW': `given.records 中沒有資料 ${id} (現有：${items.map((i) => i.id).join('、')})`,
      en: `record ${id} is not in given.records (ids: ${items.map((i) => i.id).join(', ')})`,
    });
  return item;
}

/** Runs one action on the items: its findings, and the items after it. */
export function runAction(
  context: Context,
  engine: Engine,
  action: RecordAction,
  items: readonly PortfolioItem[],
): { findings: readonly Finding[]; items: readonly PortfolioItem[] } {
  if ('upload' in action) {
    const term = action.term ?? String(termOf(context) ?? '');
    const item = makeItem(
      {
        kind: action.upload,
        student: action.student,
        ...(action.entry && { entry: action.entry }),
        ...(action.academicYear && { academicYear: action.academicYear }),
      },
      `${action.student}-new`,
      term,
    );
    // A well-formed upload (a summary and a small PDF), so that only the caps decide.
    const upload = {
      ...item,
      summary: '課程學習成果簡述',
      files: [{ name: 'report.pdf', type: 'pdf' as const, megabytes: 1 }],
    };
    const decision = engine.checkUpload({ item: upload, items, at: action.at });
    note(
      context,
      `${action.student} 於 ${action.at} 上傳${nameIn(RECORD_KIND_NAMES, action.upload, 'zh-TW')}：${decision.allowed ? '可' : '不可'}`,
      `${action.student} uploads a ${nameIn(RECORD_KIND_NAMES, action.upload, 'en')} on ${action.at}: ${decision.allowed ? 'allowed' : 'refused'}`,
    );
    noteSteps(context, decision.explanation);
    return { findings: decision.findings, items: decision.allowed ? [...items, upload] : items };
  }
  if ('select' in action) {
    const item = find(context, items, action.select);
    if (!item) return { findings: [], items };
    const decision = engine.checkSelection({ item, items, actor: studentActor(item.studentId), at: action.at });
    note(
      context,
      `${item.studentId} 於 ${action.at} 勾選 ${item.id}：${decision.allowed ? '可' : '不可'}`,
      `${item.studentId} selects ${item.id} on ${action.at}: ${decision.allowed ? 'allowed' : 'refused'}`,
    );
    noteSteps(context, decision.explanation);
    return {
      findings: decision.findings,
      items: decision.allowed
        ? items.map((other) => (other.id === item.id ? { ...other, selected: true } : other))
        : items,
    };
  }
  const item = find(context, items, action.record);
  if (!item) return { findings: [], items };
  if (item.kind !== 'courseOutcome') {
    misfit(context, 'when.certification', {
      'zh-TW': `${item.id} 不是課程學習成果：只有課程學習成果需要認證`,
      en: `${item.id} is not a course outcome: only course outcomes are certified`,
    });
    return { findings: [], items };
  }
  const actor = action.by === undefined ? studentActor(item.studentId) : personOf(context, action.by);
  if (!actor) return { findings: [], items };
  const event = {
    type: action.certification,
    ...(action.reason !== undefined && { reason: action.reason }),
    ...(action.certifier !== undefined && { certifier: action.certifier }),
  } as CertificationEvent;
  const result = engine.transition(item, event, actor, action.at, {
    unavailable: context.scenario.given?.unavailable ?? [],
  });
  const step = CERTIFICATION_STEP_WORDS[action.certification];
  const states = (language: Language) =>
    `${ITEM_STATE_WORDS[item.state][language]}${result.ok ? ` → ${ITEM_STATE_WORDS[result.item.state][language]}` : ''}`;
  note(
    context,
    `${actor.id} 於 ${action.at} ${step['zh-TW']} ${item.id}：${result.ok ? '可' : '不可'} (${states('zh-TW')})`,
    `${actor.id} ${step.en} ${item.id} on ${action.at}: ${result.ok ? 'allowed' : 'refused'} (${states('en')})`,
  );
  noteSteps(context, result.explanation);
  if (!result.ok) return { findings: result.findings, items };
  const next: CourseOutcome = result.item;
  return { findings: result.findings, items: items.map((other) => (other.id === item.id ? next : other)) };
}

/** Runs the actions in order: the findings of the last one; an earlier one refused is a failure of the scenario. */
export function runActions(context: Context, actions: readonly RecordAction[]): readonly Finding[] {
  const { resolution } = context.validation;
  if (!resolution) {
    misfit(context, 'pack', {
      'zh-TW': '規定檔無法載入：沒有規定可問',
      en: 'the pack did not load: no rules to ask',
    });
    return [];
  }
  const engine = createEngine(resolution);
  let items: readonly PortfolioItem[] = itemsOf(context);
  let findings: readonly Finding[] = [];
  actions.forEach((action, index) => {
    const result = runAction(context, engine, action, items);
    if (index < actions.length - 1 && result.findings.some((finding) => finding.severity === 'error')) {
      const codes = result.findings.map((finding) => finding.code);
      fail(context, `step ${index + 1}`, 'allowed', `refused (${codes.join(', ')})`, {
        'zh-TW': `第 ${index + 1} 步遭拒絕：${codes.join('、')}`,
        en: `step ${index + 1} was refused: ${codes.join(', ')}`,
      });
    }
    items = result.items;
    findings = result.findings;
  });
  return findings;
}
