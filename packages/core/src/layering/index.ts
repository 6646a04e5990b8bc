import { clip } from '../_lib/clip';
import { suggest } from '../_lib/suggest';
import { createFinding } from '../findings/define';
import type { Position } from '../findings/types';
import type { Finding } from '../catalogue';
import {
  NATIONAL_VERSIONS,
  type NationalBound,
  type NationalVersion,
  nationalVersionFor,
  nationalVersionsBetween,
} from '../national';
import type { Pack } from '../pack/schema';
import { compareTerms, formatTerm, parseTerm, type Term } from '../term';
import type { Division } from '../units';
import { checkNationalBounds } from './bounds';
import { divisionFinding } from './divisions';
import { LAYERING_CODES } from './codes';
import { type Layer, mergeLayers, type Provenance } from './merge';
import { unreachable } from '../_lib/unreachable';

export { LAYERING_CODES } from './codes';
export { mergeLayers, provenanceOf, valueAtPath, type Layer, type Merged, type Provenance } from './merge';

/** A pack with where it came from, as `loadPack` returns it. */
export interface PackInput {
  readonly pack: Pack;
  readonly file?: string;
  readonly positions?: Readonly<Record<string, Position>>;
}

/** The rules that hold: the national version, the overlay and the school merged, each value knowing who set it. */
export interface EffectivePack {
  readonly id: string;
  readonly name: string;
  readonly document: string;
  readonly school?: string;
  readonly national: NationalVersion;
  /** The layers, bottom first: `national@…`, `overlay:<id>`, `school:<id>`. */
  readonly layers: readonly string[];
  /** The merged values, shaped like a pack without its own identity keys. */
  readonly values: Omit<Pack, 'id' | 'name' | 'document'>;
  readonly provenance: Readonly<Record<string, Provenance>>;
  /** The national bounds that hold whatever the pack says. */
  readonly bounds: readonly NationalBound[];
  readonly appliesFrom?: Term;
  readonly appliesUntil?: Term;
}

export interface Resolution {
  /** One effective pack per national version in force during the pack's period, oldest first. */
  readonly versions: readonly EffectivePack[];
  /**
   * The pack merged on each national version in force only outside its period, oldest first: how
   * `rulesFor` judges data of those terms (the national rules then in force, with the pack's own
   * values as the nearest school rules known). Their bounds are not checked against the pack.
   */
  readonly outside?: readonly EffectivePack[];
  readonly findings: readonly Finding[];
}

export interface ResolveOptions {
  /**
   * The regional overlays a pack may extend, by id: `regionalOverlays()`, the registry core ships,
   * which `validatePack` passes by itself. None by default here.
   */
  readonly overlays?: Readonly<Record<string, PackInput>>;
  /** The term the caller is about to check; a term outside the pack's period is reported (PR2007). */
  readonly term?: Term;
  /** The division the caller is about to check; a division the pack does not list is reported (PR2008). */
  readonly division?: Division;
}

const rank = (finding: Finding) =>
  `${finding.code}|${finding.subject}|${finding.related?.[0]?.layer ?? ''}|${JSON.stringify(finding.data)}`;

function layerName(pack: Pack): string {
  return `${pack.kind === 'overlay' ? 'overlay' : 'school'}:${pack.id}`;
}

/** Where a pack wrote the value at a path, with its file name. */
function positionIn(item: PackInput | undefined, path: string): { position?: Position } {
  const position = item?.positions?.[path];
  return position ? { position: { ...position, ...(item.file !== undefined && { file: item.file }) } } : {};
}

/**
 * Layers a pack on the national baseline (and on the regional overlay it extends), once per
 * national version in force during its period. Never throws: unknown layers and loosened
 * national bounds come back as findings, and the national bounds stay in force.
 */
export function resolvePack(input: PackInput, options: ResolveOptions = {}): Resolution {
  const { pack } = input;
  const findings: Finding[] = [];
  const overlays = options.overlays ?? {};
  const stack: PackInput[] = [];
  const extendsId = pack.extends ?? 'national';
  if (extendsId !== 'national') {
    // Only the registry's own entries: `extends: constructor` must not find Object.prototype's.
    const overlay = Object.hasOwn(overlays, extendsId) ? overlays[extendsId] : undefined;
    if (!overlay || pack.kind === 'overlay') {
      const code = pack.kind === 'overlay' ? LAYERING_CODES.overlayCascade : LAYERING_CODES.unknownExtends;
      const known = ['national', ...Object.keys(overlays)];
      const suggestion = suggest(extendsId, known);
      const params =
        pack.kind === 'overlay'
          ? { overlay: pack.id, extends: clip(extendsId) }
          : { extends: clip(extendsId), known, ...(suggestion && { suggestion }) };
      findings.push(
        createFinding(code as typeof LAYERING_CODES.unknownExtends, params as never, {
          rule: 'layering.extends',
          subject: 'extends',
          ...positionIn(input, 'extends'),
        }),
      );
      return { versions: [], findings };
    }
    if ((overlay.pack.extends ?? 'national') !== 'national') {
      findings.push(
        createFinding(
          LAYERING_CODES.overlayCascade,
          { overlay: overlay.pack.id, extends: overlay.pack.extends ?? '' },
          { rule: 'layering.extends', subject: 'extends', ...positionIn(overlay, 'extends') },
        ),
      );
      return { versions: [], findings };
    }
    stack.push(overlay);
  }
  stack.push(input);

  const from = pack.appliesFrom === undefined ? undefined : parseTerm(pack.appliesFrom);
  const until = pack.appliesUntil === undefined ? undefined : parseTerm(pack.appliesUntil);
  const nationals = nationalVersionsBetween(from, until);
  const period = { ...(from && { from: formatTerm(from) }), ...(until && { until: formatTerm(until) }) };
  if (nationals.length === 0) {
    // Only a period that ends before the first national version has none.
    findings.push(
      createFinding(LAYERING_CODES.noNationalVersion, period, {
        rule: 'layering.national',
        subject: 'appliesUntil',
        ...positionIn(input, 'appliesUntil'),
      }),
    );
    return { versions: [], findings };
  }
  const { term } = options;
  if (term) {
    const bound =
      from && compareTerms(term, from) < 0
        ? 'appliesFrom'
        : until && compareTerms(term, until) > 0
          ? 'appliesUntil'
          : undefined;
    if (bound)
      findings.push(
        createFinding(
          LAYERING_CODES.termOutsidePack,
          { term: formatTerm(term), ...period },
          { rule: 'layering.period', subject: bound, ...positionIn(input, bound) },
        ),
      );
  }

  const byLayer = new Map(stack.map((item) => [layerName(item.pack), item]));
  const positionOf = (path: string, layer: string): Position | undefined =>
    positionIn(byLayer.get(layer), path).position;

  const seen = new Set<string>();
  const effectiveOn = (national: NationalVersion, checked: boolean): EffectivePack => {
    const layers: Layer[] = [
      { name: national.layer, document: national.pack.document, values: national.pack },
      ...stack.map((item) => ({ name: layerName(item.pack), document: item.pack.document, values: item.pack })),
    ];
    const merged = mergeLayers(layers);
    const bounded = checked
      ? checkNationalBounds({ values: merged.values, provenance: merged.provenance, version: national, positionOf })
      : [];
    for (const finding of bounded) {
      if (seen.has(rank(finding))) continue;
      seen.add(rank(finding));
      findings.push(finding);
    }
    return {
      id: pack.id,
      name: pack.name,
      document: pack.document,
      ...(pack.school !== undefined && { school: pack.school }),
      national,
      layers: layers.map((layer) => layer.name),
      values: merged.values,
      provenance: merged.provenance,
      bounds: national.bounds,
      ...(from && { appliesFrom: from }),
      ...(until && { appliesUntil: until }),
    };
  };
  const versions = nationals.map((national) => effectiveOn(national, true));
  const [first] = versions;
  const unlisted =
    first && options.division !== undefined
      ? divisionFinding(first.values, options.division, 'divisions', positionIn(input, 'divisions').position)
      : undefined;
  if (unlisted) findings.push(unlisted);
  const outside = NATIONAL_VERSIONS.filter((national) => !nationals.includes(national)).map((national) =>
    effectiveOn(national, false),
  );
  return { versions, ...(outside.length > 0 && { outside }), findings };
}

/** The effective pack for a term: the one built on the national version in force then. */
export function effectiveFor(resolution: Resolution, term: Term): EffectivePack | undefined {
  const found = resolution.versions.filter((version) => compareTerms(version.national.firstTerm, term) <= 0).at(-1);
  if (!found) return undefined;
  const { appliesFrom, appliesUntil } = found;
  const before = appliesFrom && compareTerms(term, appliesFrom) < 0;
  const after = appliesUntil && compareTerms(term, appliesUntil) > 0;
  return before || after ? undefined : found;
}

/**
 * The rules that judge data of a term: the effective pack when the term lies in the pack's period;
 * otherwise the pack merged on the national version in force in that term (`outside`), so that the
 * national rules of the time hold (before 11101: 3 course outcomes selected a semester); a term
 * before any national version, or a resolution without `outside`, gets the nearest version.
 */
export function rulesFor(resolution: Resolution, term: Term): EffectivePack {
  const found = effectiveFor(resolution, term);
  if (found) return found;
  const national = nationalVersionFor(term);
  const ofTheTime =
    national &&
    [...resolution.versions, ...(resolution.outside ?? [])].find(
      (version) => version.national.layer === national.layer,
    );
  if (ofTheTime) return ofTheTime;
  const first = resolution.versions[0] ?? unreachable('a version');
  const start = first.appliesFrom ?? first.national.firstTerm;
  return compareTerms(term, start) < 0 ? first : (resolution.versions.at(-1) ?? first);
}
