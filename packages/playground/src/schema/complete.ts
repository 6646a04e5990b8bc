// Completion and hover in the editor from the pack's JSON Schema (hints.ts says what; this file shows it).
import type { CompletionContext, CompletionSource } from '@codemirror/autocomplete';
import { hoverTooltip, type Tooltip } from '@codemirror/view';
import { completionsAt, hoverAt } from './hints';
import type { JsonSchema } from './lookup';

/** The completion source CodeMirror asks as the user types (or presses Ctrl-Space). */
export function schemaCompletion(schema: JsonSchema): CompletionSource {
  return (context: CompletionContext) => {
    const result = completionsAt(schema, context.state.doc.toString(), context.pos);
    if (!result) return null;
    const typed = context.pos > result.from;
    return typed || context.explicit ? { ...result, options: [...result.options] } : null;
  };
}

/** The hover tooltip: a key's description from the schema. */
export function schemaHover(schema: JsonSchema) {
  return hoverTooltip((view, pos): Tooltip | null => {
    const hover = hoverAt(schema, view.state.doc.toString(), pos);
    if (!hover) return null;
    return {
      pos: hover.from,
      end: hover.to,
      above: true,
      create() {
        const dom = document.createElement('div');
        dom.className = 'schema-hover';
        dom.textContent = hover.text;
        return { dom };
      },
    };
  });
}
