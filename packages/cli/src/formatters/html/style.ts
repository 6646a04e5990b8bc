/** The report's only style sheet, inline: system fonts (no web font to fetch), colours that survive printing. */
export const REPORT_STYLE = `
:root{--error:#b3261e;--warning:#9a6700;--info:#1f5f99;--ink:#1d1d1f;--muted:#5f6368;--line:#d0d4d9;--bar:#2f7ebc}
*{box-sizing:border-box}
body{font-family:"Noto Sans TC","Noto Sans CJK TC","PingFang TC","Microsoft JhengHei","WenQuanYi Zen Hei",system-ui,sans-serif;color:var(--ink);margin:0 auto;max-width:1100px;padding:1.5rem 2rem;line-height:1.5}
h1{font-size:1.6rem;margin:.2rem 0 .8rem}h2{font-size:1.3rem;border-bottom:2px solid var(--ink);padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.08rem;margin:1.4rem 0 .4rem}h4{font-size:1rem;margin:1rem 0 .3rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
nav.contents ul{columns:2;padding-left:1.2rem}nav.toc ol{display:flex;flex-wrap:wrap;gap:.2rem 1.6rem;padding-left:1.2rem;margin:.2rem 0}
table.by-rule{width:auto;min-width:32rem}table.by-rule a{color:inherit}
details{margin:.4rem 0 1rem}details>summary{cursor:pointer}details.classes>summary{font-weight:600}
summary.rule-head{font-weight:600;margin:1rem 0 .3rem}
.cards{display:flex;flex-wrap:wrap;gap:.8rem;margin:.6rem 0}
.card{border:1px solid var(--line);border-left:6px solid var(--muted);border-radius:4px;padding:.4rem .9rem;min-width:8rem}
.card .number{font-size:1.8rem;font-weight:700;display:block;font-variant-numeric:tabular-nums}
.card.error{border-left-color:var(--error)}.card.error .number{color:var(--error)}
.card.warning{border-left-color:var(--warning)}.card.warning .number{color:var(--warning)}
.card.info{border-left-color:var(--info)}.card.info .number{color:var(--info)}
p.intake{font-size:1.15rem;font-weight:600;font-variant-numeric:tabular-nums}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.92rem}
th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f1f3f4}thead th.number{white-space:normal}td.number,th.number{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
figure{margin:0 0 .6rem}.wide{overflow-x:auto}table.statistics{font-size:.84rem}table.overdue{width:auto;min-width:20rem}table.statistics th,table.statistics td{padding:.2rem .35rem}table.statistics tbody th{white-space:nowrap}
tr.total td{font-weight:700;background:#fafafa}
.badge{display:inline-block;border-radius:3px;padding:0 .4rem;font-size:.8rem;color:#fff;vertical-align:middle}
.badge.error{background:var(--error)}.badge.warning{background:var(--warning)}.badge.info{background:var(--info)}
.rule-head .name{color:var(--muted);font-weight:400}.cites{color:var(--muted);margin:.1rem 0 .3rem}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.9em}
.note{color:var(--muted)}
svg.chart{max-width:100%;height:auto;display:block;margin:.3rem 0 1rem;font-size:12px;font-family:inherit}
svg.chart .label,svg.chart .value,svg.chart .legend text{fill:var(--ink)}svg.chart .inside{fill:#fff;font-size:11px}
svg.chart .track{fill:#eef0f2}svg.chart .rate{fill:var(--bar)}
svg.chart .error{fill:var(--error)}svg.chart .warning{fill:var(--warning)}svg.chart .info{fill:var(--info)}
svg.chart .draft{fill:#9aa0a6}svg.chart .submitted{fill:#e8a33d}svg.chart .certified{fill:#2e8b57}svg.chart .rejected{fill:#c0392b}
@media print{
  @page{size:A4;margin:14mm}
  body{max-width:none;padding:0;font-size:10.5pt}
  nav.contents,nav.toc{display:none}.wide{overflow:visible}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  section.school{break-before:page}section.school:first-of-type{break-before:auto}
  h2,h3,h4{break-after:avoid}svg.chart,tr,.card{break-inside:avoid}
  thead{display:table-header-group}
}
`.trim();
