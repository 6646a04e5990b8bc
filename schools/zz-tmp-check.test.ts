import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { parseCalendar, validatePack, checkWindows, loadPack } from '@portfolio-rules/core';
it('tmp', () => {
const cal = parseCalendar(readFileSync('examples/calendars/112.yaml','utf8'));
console.log('calendar', JSON.stringify(cal.findings.map(f=>[f.code,f.subject,f.message.en])));
const tl = loadPack(readFileSync('schools/_regional/taipei/pack.yaml','utf8'));
const overlays = { taipei: { pack: tl.pack!, file: 'x', positions: tl.positions } };
const out: string[] = [];
for (const f of ['schools/_regional/taipei/pack.yaml','schools/magong/pack.yaml','schools/pingrong/pack.yaml','schools/hsinchu-vocational/pack.yaml','schools/hsinchu-vocational/versions/111.yaml','schools/taipei-chenggong/pack.yaml','schools/vendor-defaults/pack.yaml','schools/_template/pack.yaml']) {
  const text = readFileSync(f,'utf8');
  const r = validatePack(text, { overlays });
  out.push(`${f} validate ${r.findings.map(x=>x.code).join(',')}`);
  for (const v of r.resolution?.versions ?? []) {
    const fs = checkWindows(v, cal.calendar!);
    out.push(`   ${v.layers.join('>')} ${fs.map(x=>`${x.code} ${x.subject} ${x.data.term??''} ${x.message.en}`).join('\n     ')}`);
  }
}
console.log(out.join('\n'));
});
