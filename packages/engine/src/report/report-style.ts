/** The report's style sheet: system fonts only, contrast at least 4.5:1 for text, and print rules. */
export const reportStyle = `
:root { color-scheme: light; --ink: #1b2430; --muted: #4a5563; --line: #d5dae1; --paper: #ffffff;
  --band: #f3f5f8; --flagged: #b3261e; --watch: #8a4700; --clear: #4a5563; --accent: #1f4e79; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
  color: var(--ink); background: var(--paper); line-height: 1.5; }
body { margin: 0; }
main { max-width: 1120px; margin: 0 auto; padding: 0 1.25rem 3rem; }
header.top { background: var(--accent); color: #fff; }
header.top .inner { max-width: 1120px; margin: 0 auto; padding: 1.25rem; display: flex; gap: 1rem;
  align-items: flex-start; justify-content: space-between; flex-wrap: wrap; }
header.top h1 { margin: 0 0 .25rem; font-size: 1.7rem; }
header.top p { margin: 0; }
button.lang { font: inherit; font-weight: 600; background: #fff; color: var(--accent); border: 2px solid #fff;
  border-radius: 6px; padding: .35rem .9rem; cursor: pointer; }
button.lang:hover, button.lang:focus-visible { background: #e6eef6; outline: 3px solid #ffbf47; outline-offset: 2px; }
nav.toc { margin: 1rem 0; padding: .75rem 1rem; background: var(--band); border-radius: 6px; }
nav.toc h2 { font-size: 1rem; margin: 0 0 .25rem; }
nav.toc ol { margin: 0; padding-left: 1.25rem; columns: 2; }
a { color: var(--accent); }
h2 { font-size: 1.4rem; margin: 2.25rem 0 .5rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.12rem; margin: 1.5rem 0 .4rem; }
.due-process { border-left: 6px solid var(--flagged); background: #fdf1f0; padding: .75rem 1rem; margin: 1rem 0; }
.due-process h3 { margin-top: 0; color: var(--flagged); }
.due-process p { margin: .35rem 0; }
dl.facts { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; }
dl.facts div { background: var(--band); border-radius: 6px; padding: .5rem .9rem; min-width: 12rem; }
dl.facts dt { font-size: .85rem; color: var(--muted); }
dl.facts dd { margin: 0; font-size: 1.15rem; font-weight: 600; }
dl.meanings dt { margin-top: .5rem; }
dl.meanings dd { margin-left: 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; color: var(--muted); }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--band); font-weight: 600; }
tbody th { font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: .88rem;
  white-space: nowrap; }
.id-long { white-space: normal; overflow-wrap: anywhere; min-width: 10rem; }
td ul.flags { margin: 0; padding-left: 0; list-style: none; }
td ul.flags li { margin: 0 0 .3rem; }
.evidence { color: var(--muted); white-space: nowrap; }
.badge { display: inline-block; border-radius: 999px; padding: 0 .55rem; font-size: .8rem; font-weight: 600;
  border: 1px solid currentColor; white-space: nowrap; }
.badge-flagged { color: #fff; background: var(--flagged); border-color: var(--flagged); }
.badge-watch { color: var(--watch); background: #fff4e5; }
.badge-clear { color: var(--clear); background: #fff; }
.badge-insufficient_data { color: var(--muted); background: #fff; border-style: dashed; }
tr.status-flagged > :first-child { border-left: 4px solid var(--flagged); }
tr.status-watch > :first-child { border-left: 4px solid #b35c00; }
td.office { white-space: nowrap; }
details { margin: .5rem 0 1rem; }
summary { cursor: pointer; color: var(--accent); font-weight: 600; }
ul.inline-list { display: flex; flex-wrap: wrap; gap: .35rem 1.5rem; padding-left: 1.1rem; }
figure.chart { margin: .75rem 0 1rem; padding: .5rem; border: 1px solid var(--line); border-radius: 6px; break-inside: avoid; }
figure.chart figcaption { font-size: .92rem; }
.plot { min-height: 40px; overflow-x: auto; }
.plot svg { max-width: 100%; height: auto; }
.chart-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: .75rem; }
.funnel-summary { margin: .25rem 0 0; color: var(--muted); font-size: .88rem; }
ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem 1.25rem; padding: 0; margin: .5rem 0; font-size: .9rem; }
.swatch { display: inline-block; vertical-align: middle; margin-right: .4rem; }
.swatch.dot { width: 11px; height: 11px; border-radius: 50%; }
.dot-flagged { background: #b3261e; } .dot-watch { background: #b35c00; } .dot-clear { background: #7c8796; }
.swatch.line-target { width: 26px; border-top: 2px solid #1b2430; }
.swatch.line-95 { width: 26px; border-top: 2px dashed #3d4654; }
.swatch.line-998 { width: 26px; border-top: 2px solid #3d4654; }
.note { color: var(--muted); font-size: .9rem; }
th .note { font-weight: 400; display: block; font-size: .82rem; }
.table-scroll { overflow-x: auto; }
table.performance tbody th { min-width: 16rem; }
footer { max-width: 1120px; margin: 0 auto; padding: 1rem 1.25rem 2rem; color: var(--muted); font-size: .88rem;
  border-top: 1px solid var(--line); }
code { font-size: .85em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; color: var(--accent); padding: .5rem; z-index: 10; }
@media (max-width: 640px) { .chart-grid { grid-template-columns: 1fr; } nav.toc ol { columns: 1; } }
@media print {
  header.top { background: none; color: var(--ink); border-bottom: 2px solid var(--ink); }
  button.lang, nav.toc, .skip { display: none; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  details > summary { list-style: none; }
  h2 { break-after: avoid; } h3 { break-after: avoid; }
  tr, figure.chart, .due-process { break-inside: avoid; }
  .chart-grid { grid-template-columns: 1fr 1fr; }
  .badge-flagged { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .plot svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
