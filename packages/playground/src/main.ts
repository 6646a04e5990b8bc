// The page: a pack in the editor, and beside it what the CLI would say of it, recomputed as the user
// types (debounced). Only the visible panel is recomputed; the findings always are, for the editor.
import './zod-jitless';
import { type FindingBase, formatSource, formatTerm, type Language } from '@portfolio-rules/core';
import packSchema from '@portfolio-rules/core/pack.schema.json';
import scenarioSchema from '@portfolio-rules/core/scenario.schema.json';
import SCHOOLS from 'virtual:schools';
import { boundNote, codeName, DOCUMENTS, type DocumentKind, EXPLAIN_TEXT, showValue } from '../../cli/src/browser';
import { createEditor, type Editor } from './editor';
import type { JsonSchema } from './schema/lookup';
import {
  check,
  citationOf,
  diff,
  explain,
  type PageFile,
  render,
  runScenarioFile,
  type ScenarioRun,
  type Written,
} from './engine';
import { WORDS, type Words } from './words';

const TABS = ['validate', 'explain', 'render', 'scenarios', 'diff'] as const;
type Tab = (typeof TABS)[number];
/** How long typing may pause before the results are recomputed. */
const DEBOUNCE_MS = 250;

/** An element of index.html by id, of the kind the code expects. */
function element(id: string): HTMLElement;
function element<T extends HTMLElement>(id: string, kind: new () => T): T;
function element(id: string, kind: new () => HTMLElement = HTMLElement): HTMLElement {
  const found = document.getElementById(id);
  if (!(found instanceof kind)) throw new Error(`the page has no #${id} of the expected kind`);
  return found;
}
const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
  const made = document.createElement(tag);
  if (className !== undefined) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
};

const state = {
  language: 'zh-TW' as Language,
  tab: 'validate' as Tab,
  packFile: 'pack.yaml',
  /** The other version for `diff`: bundled (by file name) or opened. */
  others: [] as PageFile[],
  otherIndex: -1,
  scenarios: [] as PageFile[],
  scenarioIndex: -1,
};
const words = (): Words => WORDS[state.language];
const message = (finding: FindingBase) => finding.message[state.language];

let packEditor: Editor;
let scenarioEditor: Editor;
let otherEditor: Editor;
/** Loading a text into an editor is not the user typing: no recomputation per editor load. */
let loading = false;

function schedule(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (loading) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS);
  };
}
const later = schedule();

const pack = (): PageFile => ({ file: state.packFile, text: packEditor.text() });

/** The editor that holds a file of the page: the pack, the other version, or the scenario shown. */
function editorOf(file: string): Editor | undefined {
  if (file === state.packFile) return packEditor;
  if (file === state.others[state.otherIndex]?.file) return otherEditor;
  if (file === state.scenarios[state.scenarioIndex]?.file) return scenarioEditor;
  return undefined;
}

/** Where a finding is: a button that puts the cursor there when its file is in an editor of the page. */
function whereOf(finding: FindingBase, file: string): HTMLElement {
  const position = finding.position;
  if (!position) return make('span', 'where', finding.subject);
  const at = words().line(position.line, position.column);
  const holder = position.file ?? file;
  const editor = editorOf(holder);
  const text = holder === state.packFile ? at : `${at} ${words().inFile(holder)}`;
  if (!editor) return make('span', 'where', text);
  const button = make('button', 'where', text);
  button.type = 'button';
  button.dataset.line = String(position.line);
  button.addEventListener('click', () => {
    editor.jump(position.line, position.column);
  });
  return button;
}

function findingItem(finding: FindingBase, file: string): HTMLLIElement {
  const item = make('li', finding.severity);
  item.dataset.code = finding.code;
  const head = make('div', 'head');
  const name = codeName(finding.code);
  head.append(
    whereOf(finding, file),
    make('span', 'severity', words().severity[finding.severity]),
    make('span', 'code', `${finding.code}${name ? ` ${name}` : ''}`),
  );
  item.append(head, make('p', 'message', message(finding)));
  const citation = citationOf(finding);
  if (citation) item.append(make('p', 'clause', citation));
  return item;
}

/** A list of findings; `file` is the one a finding without a file of its own is about. */
function findingList(findings: readonly FindingBase[], file: string): HTMLOListElement {
  const list = make('ol', 'findings');
  list.replaceChildren(...findings.map((finding) => findingItem(finding, file)));
  return list;
}

/** Marks, in an editor, the findings about its file. */
function markIn(editor: Editor, file: string, findings: readonly FindingBase[]): void {
  editor.mark(
    findings.filter((finding) => (finding.position?.file ?? file) === file),
    message,
  );
}

function tally(findings: readonly FindingBase[]): string {
  const count = (severity: FindingBase['severity']) =>
    findings.filter((finding) => finding.severity === severity).length;
  return findings.length === 0 ? words().clean : words().tally(count('error'), count('warning'), count('info'));
}

function updateValidate(): ReturnType<typeof check> {
  const checked = check(pack());
  markIn(packEditor, state.packFile, checked.findings);
  element('validate-summary').textContent = tally(checked.findings);
  // The count stays in sight on the other tabs.
  const count = checked.findings.length;
  element('tab-validate').textContent = count > 0 ? `${words().tabs.validate} (${count})` : words().tabs.validate;
  element('findings').replaceChildren(...findingList(checked.findings, state.packFile).children);
  return checked;
}

function updateExplain(checked: ReturnType<typeof check>): void {
  const termField = element('explain-term', HTMLInputElement);
  const explained = explain(pack(), checked, termField.value, words().term);
  const head = element('explain-head');
  const table = element('explain-table', HTMLTableElement);
  const text = EXPLAIN_TEXT[state.language];
  const columns = [text.key, text.value, text.layer, text.clause];
  table.tHead?.rows[0]?.replaceChildren(...columns.map((column) => make('th', undefined, column)));
  termField.setAttribute('aria-invalid', String('findings' in explained && explained.findings.length > 0));
  if ('findings' in explained) {
    const { findings } = explained;
    head.textContent = findings.length > 0 ? words().noTermRules : words().noEffective;
    table.tBodies[0]?.replaceChildren();
    element('explain-findings').replaceChildren(...findingList(findings, state.packFile).children);
    return;
  }
  element('explain-findings').replaceChildren();
  const { effective, entries, term } = explained;
  head.textContent = words().explainHead(
    `${effective.name} (${effective.id}) · ${text.term(term && formatTerm(term))} · ${text.national} ${effective.national.layer} ${effective.national.title[state.language]}`,
    effective.layers.join(' → '),
  );
  const rows = entries.flatMap((entry) => {
    const row = make('tr');
    row.append(
      make('td', 'key', entry.path),
      make('td', 'value', showValue(entry.value)),
      make('td', 'layer', entry.layer),
      make('td', 'clause', formatSource(entry.source)),
    );
    if (!entry.bound) return [row];
    const bound = make('tr', 'bound');
    const note = make('td', undefined, `↳ ${boundNote(entry.bound, state.language)}`);
    note.colSpan = 4;
    bound.append(note);
    return [row, bound];
  });
  table.tBodies[0]?.replaceChildren(...rows);
}

/**
 * An HTML document in a frame that may run nothing (sandbox without scripts; same origin only so
 * that the page can keep the reader's place): the frame is kept while the pack is typed, and scrolled
 * back to where the reader was once the new text has loaded.
 */
function showInFrame(output: HTMLElement, html: string, title: string): void {
  const kept = output.firstElementChild;
  const frame = kept instanceof HTMLIFrameElement ? kept : make('iframe');
  if (frame !== kept) {
    frame.setAttribute('sandbox', 'allow-same-origin');
    output.replaceChildren(frame);
  }
  frame.title = title;
  if (frame.srcdoc === html) return;
  const place = frame.contentWindow?.scrollY ?? 0;
  frame.addEventListener('load', () => frame.contentWindow?.scrollTo(0, place), { once: true });
  frame.srcdoc = html;
}

/** A document (HTML in a sandboxed frame, Markdown as text) or the findings that stopped it, and its download link. */
function showWritten(output: HTMLElement, link: HTMLAnchorElement, written: Written, format: string, name: string) {
  const previous = link.href;
  if (previous.startsWith('blob:')) URL.revokeObjectURL(previous);
  if (written.output === undefined) {
    link.removeAttribute('href');
    link.setAttribute('aria-disabled', 'true');
    output.replaceChildren(make('p', 'problem', words().noDocument), findingList(written.findings, state.packFile));
    return;
  }
  const type = format === 'html' ? 'text/html' : 'text/markdown';
  link.href = URL.createObjectURL(new Blob([written.output], { type: `${type};charset=utf-8` }));
  link.download = `${name}.${format}`;
  link.removeAttribute('aria-disabled');
  if (format === 'html') {
    showInFrame(output, written.output, name);
  } else {
    output.replaceChildren(make('pre', undefined, written.output));
  }
}

function updateRender(): void {
  const format = element('render-format', HTMLSelectElement).value === 'md' ? 'md' : 'html';
  const kind = element('render-document', HTMLSelectElement).value as DocumentKind;
  const written = render(pack(), format, kind, state.language);
  showWritten(element('render-output'), element('render-download', HTMLAnchorElement), written, format, 'render');
}

function scenarioItem(run: ScenarioRun, index: number): HTMLLIElement {
  const item = make('li', run.passed ? 'passed' : 'failed');
  if (index === state.scenarioIndex) item.classList.add('current');
  item.dataset.file = run.file;
  const name = make('button', 'name');
  name.type = 'button';
  name.append(
    make('span', 'mark', run.passed ? '✔' : '✖'),
    make('span', 'file', run.file),
    document.createTextNode(`  ${[run.scenario?.clause, run.scenario?.title].filter(Boolean).join(' ')}`),
  );
  name.addEventListener('click', () => {
    chooseScenario(index);
  });
  item.append(name);
  if (run.passed) return item;
  if (run.problems.length > 0) {
    item.append(make('p', 'why', words().notRun), findingList(run.problems, run.file));
  }
  for (const failure of run.outcome?.failures ?? [])
    item.append(make('p', 'problem', `✗ ${failure.message[state.language]}`));
  if (run.outcome)
    item.append(
      make('p', 'why', words().why),
      make('pre', undefined, run.outcome.explanation.map((line) => line[state.language]).join('\n')),
    );
  return item;
}

/**
 * The scenarios' runs (by position in the list; a hole is not run yet) for the texts they were run
 * on, and whether a run is going on.
 */
let scenarioRuns: { key: string; runs: (ScenarioRun | undefined)[]; running: boolean } = {
  key: '',
  runs: [],
  running: false,
};
/** Bumped by every new run of the scenarios: an older run still going stops. */
let scenarioGeneration = 0;
/** How long one slice of scenario runs may hold the page before the editor gets its turn. */
const SLICE_MS = 40;

function showScenarios(runs: readonly (ScenarioRun | undefined)[]): void {
  const total = state.scenarios.length;
  const done = runs.filter((run) => run !== undefined);
  const passed = done.filter((run) => run.passed).length;
  element('scenario-summary').textContent =
    total === 0
      ? words().scenarioEmpty
      : done.length < total
        ? words().scenarioRunning(done.length, total)
        : words().scenarioTally(total, passed);
  element('scenario-list').replaceChildren(...runs.flatMap((run, index) => (run ? [scenarioItem(run, index)] : [])));
  const current = state.scenarios[state.scenarioIndex];
  if (current) markIn(scenarioEditor, current.file, runs[state.scenarioIndex]?.problems ?? []);
}

/**
 * Runs every scenario against the packs in the page, a slice at a time so that typing is never held
 * up (a school's 60 scenarios may take a second or more on a slow machine), the one
 * in the editor first, showing results as they come. A change of text starts again; a run of the
 * same texts goes on; texts run to the end are not run again.
 */
function updateScenarios(): void {
  const packs = [{ file: 'pack.yaml', text: packEditor.text() }, ...state.others];
  const key = JSON.stringify([packs, state.scenarios]);
  const same = scenarioRuns.key === key;
  if (same) {
    showScenarios(scenarioRuns.runs);
    if (scenarioRuns.running || !scenarioRuns.runs.includes(undefined)) return;
  }
  const generation = ++scenarioGeneration;
  const scenarios = [...state.scenarios];
  const runs = same ? scenarioRuns.runs : scenarios.map((): ScenarioRun | undefined => undefined);
  const order = [...scenarios.keys()]
    .filter((index) => runs[index] === undefined)
    .sort((a, b) => Number(b === state.scenarioIndex) - Number(a === state.scenarioIndex));
  const current = { key, runs, running: true };
  scenarioRuns = current;
  const slice = () => {
    if (generation !== scenarioGeneration) return;
    // Hidden: what is left runs when the tab is shown again.
    if (state.tab !== 'scenarios') {
      current.running = false;
      return;
    }
    const started = performance.now();
    while (order.length > 0 && performance.now() - started < SLICE_MS) {
      const index = order.shift() ?? 0;
      const scenario = scenarios[index];
      if (scenario) runs[index] = runScenarioFile(scenario, packs);
    }
    showScenarios(runs);
    if (order.length > 0) setTimeout(slice, 0);
    else current.running = false;
  };
  slice();
}

function updateDiff(): void {
  const output = element('diff-output');
  const link = element('diff-download', HTMLAnchorElement);
  const other = state.others[state.otherIndex];
  if (!other) {
    link.setAttribute('aria-disabled', 'true');
    output.replaceChildren(make('p', undefined, words().noOther));
    return;
  }
  const edited = pack();
  const amendedIsEdited = element('diff-direction', HTMLInputElement).checked;
  const [current, amended] = amendedIsEdited ? [other, edited] : [edited, other];
  const format = element('diff-format', HTMLSelectElement).value === 'md' ? 'md' : 'html';
  const unchanged = element('diff-unchanged', HTMLInputElement).checked;
  const written = diff(current, amended, format, state.language, unchanged);
  markIn(otherEditor, other.file, written.findings);
  showWritten(output, link, written, format, 'diff');
  const refusal = output.querySelector('p.problem');
  if (written.output === undefined && refusal) refusal.textContent = words().noDiff;
}

/** Recomputes the findings, then the visible panel; a failure in the page's own code is shown, not thrown. */
function update(): void {
  try {
    const checked = updateValidate();
    if (state.tab === 'explain') updateExplain(checked);
    if (state.tab === 'render') updateRender();
    if (state.tab === 'scenarios') updateScenarios();
    if (state.tab === 'diff') updateDiff();
  } catch (error) {
    const panel = element(`panel-${state.tab}`);
    panel.prepend(make('p', 'problem', `${words().failed} ${error instanceof Error ? error.message : String(error)}`));
  }
}

function load(editor: Editor, text: string): void {
  loading = true;
  try {
    editor.load(text);
  } finally {
    loading = false;
  }
}

function chooseScenario(index: number): void {
  const scenario = state.scenarios[index];
  state.scenarioIndex = scenario ? index : -1;
  load(scenarioEditor, scenario?.text ?? '');
  update();
}

function chooseOther(index: number): void {
  state.otherIndex = index;
  element('other-version', HTMLSelectElement).value = String(index);
  load(otherEditor, state.others[index]?.text ?? '');
}

function fillOtherMenu(): void {
  const menu = element('other-version', HTMLSelectElement);
  const none = make('option', undefined, words().otherNone);
  none.value = '-1';
  menu.replaceChildren(
    none,
    ...state.others.map((other, index) => {
      const option = make('option', undefined, other.file);
      option.value = String(index);
      return option;
    }),
  );
  menu.value = String(state.otherIndex);
}

function chooseExample(id: string): void {
  const school = SCHOOLS.find((entry) => entry.id === id);
  if (!school) return;
  state.packFile = 'pack.yaml';
  load(packEditor, school.files.find((file) => file.file === 'pack.yaml')?.text ?? '');
  state.others = school.files.filter((file) => file.file.startsWith('versions/'));
  fillOtherMenu();
  chooseOther(state.others.length - 1);
  state.scenarios = school.files.filter((file) => file.file.startsWith('scenarios/'));
  chooseScenario(state.scenarios.length > 0 ? 0 : -1);
}

function showTab(tab: Tab): void {
  state.tab = tab;
  for (const each of TABS) {
    element(`tab-${each}`).setAttribute('aria-selected', String(each === tab));
    element(`tab-${each}`).tabIndex = each === tab ? 0 : -1;
    element(`panel-${each}`).hidden = each !== tab;
  }
  update();
}

function applyLanguage(): void {
  const w = words();
  document.documentElement.lang = state.language;
  document.title = w.title;
  element('title').textContent = w.title;
  element('intro').textContent = w.intro;
  const toggle = element('language');
  toggle.textContent = w.other;
  toggle.lang = state.language === 'zh-TW' ? 'en' : 'zh-TW';
  for (const tab of TABS) element(`tab-${tab}`).textContent = w.tabs[tab];
  for (const labelled of document.querySelectorAll<HTMLElement>('[data-word]')) {
    const key = labelled.dataset.word as keyof Words;
    const value = w[key];
    if (typeof value === 'string') labelled.textContent = value;
  }
  const kinds = element('render-document', HTMLSelectElement);
  const chosen = kinds.value || 'all';
  kinds.replaceChildren(
    ...DOCUMENTS.map((kind) => {
      const option = make('option', undefined, w.documents[kind] ?? kind);
      option.value = kind;
      return option;
    }),
  );
  kinds.value = chosen;
  fillOtherMenu();
  update();
}

async function readChosen(input: HTMLInputElement): Promise<PageFile[]> {
  const files = [...(input.files ?? [])];
  input.value = '';
  return Promise.all(files.map(async (file) => ({ file: file.name, text: await file.text() })));
}

function wire(): void {
  const menu = element('example', HTMLSelectElement);
  menu.replaceChildren(
    ...SCHOOLS.map((school) => {
      const option = make('option', undefined, `${school.title} (${school.id})`);
      option.value = school.id;
      return option;
    }),
  );
  menu.addEventListener('change', () => {
    chooseExample(menu.value);
  });
  element('language').addEventListener('click', () => {
    state.language = state.language === 'zh-TW' ? 'en' : 'zh-TW';
    applyLanguage();
  });
  for (const [index, tab] of TABS.entries()) {
    const button = element(`tab-${tab}`);
    button.addEventListener('click', () => {
      showTab(tab);
    });
    // The tab list's keys (WAI-ARIA): ← and → move to the previous and next tab.
    button.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      const next = TABS[(index + step + TABS.length) % TABS.length] ?? tab;
      showTab(next);
      element(`tab-${next}`).focus();
    });
  }
  for (const id of ['render-document', 'render-format', 'diff-direction', 'diff-unchanged', 'diff-format'])
    element(id).addEventListener('change', update);
  // The term is typed like the pack: recomputed once typing pauses.
  element('explain-term').addEventListener('input', later);
  const openPack = element('open-pack', HTMLInputElement);
  openPack.addEventListener('change', () => {
    void readChosen(openPack).then(([opened]) => {
      if (!opened) return;
      state.packFile = opened.file;
      load(packEditor, opened.text);
      update();
    });
  });
  const openScenarios = element('open-scenarios', HTMLInputElement);
  openScenarios.addEventListener('change', () => {
    void readChosen(openScenarios).then((opened) => {
      if (opened.length === 0) return;
      state.scenarios = [...state.scenarios, ...opened];
      chooseScenario(state.scenarios.length - opened.length);
    });
  });
  element('scenario-new').addEventListener('click', () => {
    const file = `scenarios/new-${state.scenarios.length + 1}.yaml`;
    state.scenarios = [...state.scenarios, { file, text: words().scenarioTemplate }];
    chooseScenario(state.scenarios.length - 1);
  });
  const openOther = element('open-other', HTMLInputElement);
  openOther.addEventListener('change', () => {
    void readChosen(openOther).then(([opened]) => {
      if (!opened) return;
      state.others = [...state.others, opened];
      fillOtherMenu();
      chooseOther(state.others.length - 1);
      update();
    });
  });
  const otherMenu = element('other-version', HTMLSelectElement);
  otherMenu.addEventListener('change', () => {
    chooseOther(Number(otherMenu.value));
    update();
  });
}

/**
 * An editor of the chosen one of a list of files (scenarios, other versions): typing changes that
 * file; typing or pasting with none chosen adds one, named `fresh()`.
 */
function editorOfChosen(
  id: string,
  schema: JsonSchema,
  label: string,
  list: 'scenarios' | 'others',
  fresh: () => string,
): Editor {
  const editor: Editor = createEditor(element(id), {
    schema,
    label,
    onChange: () => {
      if (loading) return;
      const index = list === 'scenarios' ? state.scenarioIndex : state.otherIndex;
      const file = state[list][index];
      const text = editor.text();
      if (file) state[list][index] = { ...file, text };
      else {
        // Not through chooseScenario/chooseOther: they load the editor, which may not change during its own update.
        state[list] = [...state[list], { file: fresh(), text }];
        if (list === 'scenarios') state.scenarioIndex = state.scenarios.length - 1;
        else {
          state.otherIndex = state.others.length - 1;
          fillOtherMenu();
        }
      }
      later();
    },
  });
  return editor;
}

function start(): void {
  packEditor = createEditor(element('pack-editor'), {
    schema: packSchema,
    label: WORDS['zh-TW'].editorLabel,
    onChange: later,
  });
  scenarioEditor = editorOfChosen(
    'scenario-editor',
    scenarioSchema,
    WORDS['zh-TW'].scenarioLabel,
    'scenarios',
    () => `scenarios/new-${state.scenarios.length + 1}.yaml`,
  );
  otherEditor = editorOfChosen('other-editor', packSchema, WORDS['zh-TW'].otherLabel, 'others', () => 'other.yaml');
  wire();
  chooseExample(SCHOOLS[0]?.id ?? '');
  applyLanguage();
}

start();
