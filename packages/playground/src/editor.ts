// The YAML editor: CodeMirror 6 with YAML highlighting, completion and hover from a JSON Schema, the
// findings as diagnostics at their lines, and a way to put the cursor on a finding's line.
import { autocompletion, closeBrackets, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import type { FindingBase } from '@portfolio-rules/core';
import { schemaCompletion, schemaHover } from './schema/complete';
import type { JsonSchema } from './schema/lookup';

export interface Editor {
  readonly view: EditorView;
  text(): string;
  /** Replaces the whole text (a pack opened or chosen from the menu). */
  load(text: string): void;
  /** Shows findings as diagnostics at their lines (`message` picks the language). */
  mark(findings: readonly FindingBase[], message: (finding: FindingBase) => string): void;
  /** Puts the cursor on a line and column (1-based) and scrolls it into view. */
  jump(line: number, column: number): void;
}

/** The offset of a 1-based line and column, kept inside the text. */
function offsetOf(view: EditorView, line: number, column: number): { from: number; to: number } {
  const doc = view.state.doc;
  const at = doc.line(Math.min(Math.max(1, line), doc.lines));
  const from = Math.min(at.from + Math.max(0, column - 1), at.to);
  return { from, to: from < at.to ? at.to : from };
}

export function createEditor(
  parent: HTMLElement,
  options: { readonly schema?: JsonSchema; readonly label: string; readonly onChange: () => void },
): Editor {
  const { schema } = options;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: '',
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        yaml(),
        EditorState.tabSize.of(2),
        lintGutter(),
        ...(schema ? [autocompletion({ override: [schemaCompletion(schema)] }), schemaHover(schema)] : []),
        keymap.of([...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange();
        }),
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    load(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    mark(findings, message) {
      const diagnostics: Diagnostic[] = findings.flatMap((finding) => {
        if (!finding.position) return [];
        const { from, to } = offsetOf(view, finding.position.line, finding.position.column);
        return [{ from, to, severity: finding.severity, message: `${finding.code} ${message(finding)}` }];
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    jump(line, column) {
      const { from } = offsetOf(view, line, column);
      view.dispatch({ selection: { anchor: from }, effects: EditorView.scrollIntoView(from, { y: 'center' }) });
      view.focus();
    },
  };
}
