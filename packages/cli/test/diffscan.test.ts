// TEMPORARY exploration (not committed): scans many datasets and tallies disagreements by code.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAudit, type DatasetRecord, type Finding, parseRecord, type Resolution, validatePack } from '@portfolio-rules/core';
import { it } from 'vitest';
import { loadOverlays } from '../src/_lib/overlays';
import { asOfFor, defaultYear, generateSample, planFrom } from '../src/sample';
import { replay } from './differential/replay';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PACKS = ['magong', 'hsinchu-vocational', 'pingrong', 'taipei-chenggong', 'vendor-defaults', '_template'];
it('scan', async () => {
  const overlays = await loadOverlays(`${ROOT}schools/_regional`, ROOT);
  const tally = new Map<string, { n: number; ex: string }>();
  for (const id of PACKS) {
    const file = `schools/${id}/pack.yaml`;
    const resolution: Resolution = validatePack(readFileSync(`${ROOT}${file}`, 'utf8'), { file, overlays: overlays.overlays }).resolution!;
    const plan = planFrom(resolution, defaultYear(resolution));
    for (let seed = 1; seed <= Number(process.env.SCAN ?? 4); seed++) {
      let t0 = performance.now(); const lines: string[] = [];
      await generateSample({ students: 60, seed, schools: 1, violations: 0.4 }, plan, { write: (t) => void lines.push(t) });
      const records: DatasetRecord[] = lines.join('').trimEnd().split('\n').map((l, i) => { const r = parseRecord(l, i + 1); if (!r.ok) throw new Error('x'); return r.record; });
      const tGen = performance.now() - t0; t0 = performance.now(); const asOf = asOfFor(plan);
      const audit = createAudit(resolution, { asOf, calendar: plan.calendars });
      records.forEach((r, i) => audit.add(r, { line: i + 1, column: 1, record: i + 1 }));
      const audited = audit.finish().findings;
      const tAudit = performance.now() - t0; t0 = performance.now(); const rep = replay(resolution, plan.calendars, records, asOf); console.log(id, records.length, 'gen', tGen.toFixed(0), 'audit', tAudit.toFixed(0), 'replay', (performance.now() - t0).toFixed(0));
      const studentOf = (item: string) => rep.items.get(item)?.studentId;
      const key = (f: Finding) => {
        if (f.code === 'PR3001' || f.code === 'PR3002') return `${f.code} ${studentOf(f.subject) ?? f.subject} ${String(f.data.period)} ${String(f.data.kind)}`;
        if (f.code === 'PR7001' || f.code === 'PR7010' || f.code === 'PR7002' || f.code === 'PR7014') { const [c, t] = f.subject.includes(':') ? f.subject.split(':') : [String(f.data.category), String(f.data.term)]; return `${f.code} ${c}:${t}`; }
        if (f.code === 'PR6100') return `${f.code} ${f.rule} ${f.subject}`;
        return `${f.code} ${f.subject}`;
      };
      const carried = (f: Finding) => { const item = rep.items.get(f.subject); if (f.code === 'PR3013') return item?.summary !== undefined; if (f.code === 'PR3014') return item?.files !== undefined; return true; };
      const errs = (fs: readonly Finding[]) => new Set(fs.filter((f) => (f.severity === 'error' || f.code === 'PR6100') && carried(f)).map(key));
      const a = errs(audited); const e = errs(rep.findings);
      for (const k of e) if (!a.has(k)) { const t = `engine-only ${id} ${k.split(' ')[0]}`; const c = tally.get(t) ?? { n: 0, ex: k }; c.n++; tally.set(t, c); }
      for (const k of a) if (!e.has(k)) { const t = `audit-only ${id} ${k.split(' ')[0]}`; const c = tally.get(t) ?? { n: 0, ex: k }; c.n++; tally.set(t, c); }
    }
  }
  console.log([...tally].map(([k, v]) => `${k}: ${v.n} e.g. ${v.ex}`).sort().join('\n'));
}, 600_000);
