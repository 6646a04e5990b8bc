import { createFinding } from '../findings/define';
import type { Position } from '../findings/types';
import type { Finding } from '../catalogue';
import type { NationalBound, NationalVersion } from '../national';
import { LAYERING_CODES } from './codes';
import { type Provenance, provenanceOf, valueAtPath } from './merge';

const NO_FORCED_COUNTS = { document: '學習歷程檔案QA', clause: '一(三)' };

/** How many a cap allows in the bound's period at most: a per-semester cap counts twice in a year. */
function allowedIn(max: number, per: 'semester' | 'academicYear', boundPer: 'semester' | 'academicYear'): number {
  return per === 'semester' && boundPer === 'academicYear' ? max * 2 : max;
}

interface BoundContext {
  readonly values: unknown;
  readonly provenance: Readonly<Record<string, Provenance>>;
  readonly version: NationalVersion;
  readonly positionOf: (path: string, layer: string) => Position | undefined;
}

function checkBound(bound: NationalBound, context: BoundContext): Finding[] {
  const { values, provenance, version } = context;
  if (bound.kind === 'capMax') {
    const max = valueAtPath(values, `${bound.path}.max`);
    if (typeof max !== 'number') return [];
    const per = (valueAtPath(values, `${bound.path}.per`) as 'semester' | 'academicYear' | undefined) ?? bound.per;
    if (allowedIn(max, per, bound.per) <= bound.max) return [];
    // The loosening is the upper layer's whether it raised `max` or only turned a yearly cap into a per-semester one.
    const blamed = ['max', 'per']
      .map((key) => ({ path: `${bound.path}.${key}`, setBy: provenanceOf(provenance, `${bound.path}.${key}`) }))
      .find(({ setBy }) => setBy !== undefined && setBy.layer !== version.layer);
    if (!blamed?.setBy) return [];
    const { setBy } = blamed;
    return [
      createFinding(
        LAYERING_CODES.loosensCap,
        {
          path: bound.path,
          value: max,
          per,
          nationalMax: bound.max,
          nationalPer: bound.per,
          nationalSource: bound.source,
          ...(setBy.source && { schoolSource: setBy.source }),
        },
        {
          rule: 'layering.bounds',
          subject: blamed.path,
          source: bound.source,
          layer: version.layer,
          related: [
            {
              layer: setBy.layer,
              value: valueAtPath(values, blamed.path),
              ...(setBy.source && { source: setBy.source }),
            },
          ],
          ...optionalPosition(context.positionOf(blamed.path, setBy.layer)),
        },
      ),
    ];
  }
  const value = valueAtPath(values, bound.path);
  if (typeof value !== 'number' || value >= bound.min) return [];
  const setBy = provenanceOf(provenance, bound.path);
  if (!setBy || setBy.layer === version.layer) return [];
  return [
    createFinding(
      LAYERING_CODES.loosensMinimum,
      {
        path: bound.path,
        value,
        nationalMin: bound.min,
        nationalSource: bound.source,
        ...(setBy.source && { schoolSource: setBy.source }),
      },
      {
        rule: 'layering.bounds',
        subject: bound.path,
        source: bound.source,
        layer: version.layer,
        related: [{ layer: setBy.layer, value, ...(setBy.source && { source: setBy.source }) }],
        ...optionalPosition(context.positionOf(bound.path, setBy.layer)),
      },
    ),
  ];
}

function optionalPosition(position: Position | undefined): { position?: Position } {
  return position ? { position } : {};
}

/** Students decide whether to upload and select; a pack that sets a minimum count contradicts FAQ 一(三). */
function forcedCounts(context: BoundContext): Finding[] {
  const findings: Finding[] = [];
  for (const kind of ['courseOutcome', 'diversePerformance']) {
    for (const action of ['upload', 'select']) {
      const path = `caps.${kind}.${action}.min`;
      const min = valueAtPath(context.values, path);
      if (typeof min !== 'number' || min <= 0) continue;
      const setBy = provenanceOf(context.provenance, path);
      findings.push(
        createFinding(
          LAYERING_CODES.forcedCount,
          {
            path: `caps.${kind}.${action}`,
            min,
            nationalSource: NO_FORCED_COUNTS,
            ...(setBy?.source && { schoolSource: setBy.source }),
          },
          {
            rule: 'layering.bounds',
            subject: path,
            source: NO_FORCED_COUNTS,
            layer: context.version.layer,
            ...(setBy && {
              related: [{ layer: setBy.layer, value: min, ...(setBy.source && { source: setBy.source }) }],
            }),
            ...optionalPosition(setBy && context.positionOf(path, setBy.layer)),
          },
        ),
      );
    }
  }
  return findings;
}

/** Every place an upper layer loosens a national bound, citing both clauses. */
export function checkNationalBounds(context: BoundContext): Finding[] {
  return [...context.version.bounds.flatMap((bound) => checkBound(bound, context)), ...forcedCounts(context)];
}
