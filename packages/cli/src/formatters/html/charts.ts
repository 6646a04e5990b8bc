import { escapeMarkup as x } from '../markup';
import { formatCount } from './text';

/** Charts as inline SVG: no script, no font or image to fetch, and they print. */

const WIDTH = 720;
const LABEL = 150;
const VALUE = 130;
const ROW = 26;
const BAR = 18;
const PLOT = WIDTH - LABEL - VALUE - 16;

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** The number as printed beside the bar, e.g. `80.0% (4/5)`. */
  readonly text: string;
  /** A longer description shown on hover, e.g. the code's title. */
  readonly hint?: string;
  /** The bar's class (its colour), instead of the chart's. */
  readonly className?: string;
}

const svg = (title: string, height: number, body: string[]) =>
  `<svg class="chart" role="img" aria-label="${x(title)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">\n${body.join('\n')}\n</svg>`;

const label = (text: string, y: number) =>
  `<text class="label" x="${LABEL - 8}" y="${y + BAR / 2}" text-anchor="end" dominant-baseline="central">${x(text)}</text>`;

/** About how wide a legend text is at 12px: wide CJK characters, narrow Latin ones. */
const textWidth = (text: string) =>
  [...text].reduce((sum, character) => sum + (/[\u2e80-\uffff]/.test(character) ? 13 : 7), 0);

const width = (value: number, max: number) => (max > 0 ? Math.max(0, Math.min(1, value / max)) * PLOT : 0).toFixed(1);

/** Horizontal bars on one scale (`max`, e.g. 1 for rates), each with its label and its number. */
export function barChart(
  title: string,
  bars: readonly Bar[],
  options: { readonly max: number; readonly className: string },
): string {
  const rows = bars.map((bar, index) => {
    const y = 4 + index * ROW;
    const w = width(bar.value, options.max);
    return [
      `<g class="bar">`,
      label(bar.label, y),
      `<rect class="track" x="${LABEL}" y="${y}" width="${PLOT}" height="${BAR}"/>`,
      `<rect class="${x(bar.className ?? options.className)}" x="${LABEL}" y="${y}" width="${w}" height="${BAR}"><title>${x(bar.hint ? `${bar.hint}: ${bar.text}` : `${bar.label}: ${bar.text}`)}</title></rect>`,
      `<text class="value" x="${LABEL + PLOT + 8}" y="${y + BAR / 2}" dominant-baseline="central">${x(bar.text)}</text>`,
      `</g>`,
    ].join('');
  });
  return svg(title, 8 + bars.length * ROW, rows);
}

export interface Stack {
  readonly label: string;
  /** The parts in order, each with its class (its colour) and count. */
  readonly parts: readonly { readonly className: string; readonly name: string; readonly value: number }[];
}

/** Bars of 100%, each split into its parts (e.g. certification states), with a legend above. */
export function stackedChart(title: string, stacks: readonly Stack[]): string {
  const first = stacks[0]?.parts ?? [];
  let legendX = LABEL;
  const legend = first.map((part) => {
    const item = `<g class="legend"><rect class="${x(part.className)}" x="${legendX}" y="4" width="12" height="12"/><text x="${legendX + 16}" y="10" dominant-baseline="central">${x(part.name)}</text></g>`;
    legendX += 28 + textWidth(part.name);
    return item;
  });
  const rows = stacks.map((stack, index) => {
    const y = 26 + index * ROW;
    const total = stack.parts.reduce((sum, part) => sum + part.value, 0);
    let offset = 0;
    const segments = stack.parts.map((part) => {
      const w = Number(width(part.value, total));
      const segment = `<rect class="${x(part.className)}" x="${(LABEL + offset).toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${BAR}"><title>${x(`${stack.label} ${part.name}: ${formatCount(part.value)}`)}</title></rect>${w >= 28 ? `<text class="inside" x="${(LABEL + offset + w / 2).toFixed(1)}" y="${y + BAR / 2}" text-anchor="middle" dominant-baseline="central">${formatCount(part.value)}</text>` : ''}`;
      offset += w;
      return segment;
    });
    return [
      `<g class="stack">`,
      label(stack.label, y),
      `<rect class="track" x="${LABEL}" y="${y}" width="${PLOT}" height="${BAR}"/>`,
      ...segments,
      `<text class="value" x="${LABEL + PLOT + 8}" y="${y + BAR / 2}" dominant-baseline="central">${formatCount(total)}</text>`,
      `</g>`,
    ].join('');
  });
  return svg(title, 30 + stacks.length * ROW, [...legend, ...rows]);
}
