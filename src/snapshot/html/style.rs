//! The page's style sheet.

/// The page's style: readable on screen, printable on A4 and Letter.
pub(super) const STYLE: &str = r#"
@page{size:auto;margin:12mm}
*{box-sizing:border-box}
html{background:#EEF0F3;color:#1A1D21;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif}
body{margin:0;padding:20px 10px}
main{max-width:180mm;margin:0 auto;background:#fff;padding:8mm 8mm 6mm;border-radius:6px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:1.7em;line-height:1.15;margin:0 0 1mm;color:#1F3A5F}
h2{font-size:.95em;text-transform:uppercase;letter-spacing:.06em;color:#1F3A5F;border-bottom:2px solid #1F3A5F;padding-bottom:1mm;margin:6mm 0 3mm;break-after:avoid}
h3{font-size:1em;margin:0 0 1.5mm}
p{margin:0 0 1.5mm}
ul{margin:0 0 2mm;padding-left:1.2em}
code{font:inherit;font-family:ui-monospace,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.92em}
.good{color:#1B7A3A}.watch{color:#B26B00}.bad{color:#C01F2F}.none{color:#6B7280}
.kicker{font-size:.75em;text-transform:uppercase;letter-spacing:.07em;color:#5B6573;margin:0 0 .5mm}
.top{display:grid;grid-template-columns:1fr auto;gap:2mm 6mm;align-items:end;padding-bottom:3mm;border-bottom:1px solid #D5D9DF}
.team{color:#333;margin:0}
.when{text-align:right;color:#444;font-size:.9em}
.when p{margin:0}
.day{font-size:1.25em;font-weight:700;color:#1A1D21}
.glance{grid-column:1/-1;display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:2.5mm;margin-top:2mm}
.tile{border:1px solid #D5D9DF;border-radius:5px;padding:2mm 2.5mm;display:flex;flex-direction:column}
.tile .label{font-size:.72em;text-transform:uppercase;letter-spacing:.05em;color:#5B6573}
.tile .value{font-size:1.5em;font-weight:700;line-height:1.25}
.tile .value small{font-size:.6em;color:#5B6573;font-weight:600}
.tile .sub{font-size:.75em;color:#5B6573}
.grid{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:4mm}
.card{border:1px solid #D5D9DF;border-left:5px solid #9AA3AE;border-radius:5px;padding:2.5mm 3mm 2mm;break-inside:avoid}
.st-good{border-left-color:#1B7A3A}.st-watch{border-left-color:#B26B00}.st-bad{border-left-color:#C01F2F}
.card-head{display:flex;justify-content:space-between;align-items:flex-start;gap:2mm}
.card h3{font-size:1.05em;margin:0}
.badge{flex:none;font-weight:700;font-size:.78em;padding:.15em .6em;border:1.5px solid currentColor;border-radius:99px;white-space:nowrap;margin-top:.2em}
.badge.good{background:#E8F3EC}.badge.watch{background:#FBF0E0}.badge.bad{background:#FBE7E9}.badge.none{background:#F1F2F4}
.latest{margin:1.5mm 0 .5mm}
.big{font-size:2.2em;font-weight:800;line-height:1}
.unit{font-weight:600;color:#333}
.on{font-size:.8em;color:#5B6573;margin-left:.4em}
.target{font-size:.82em;color:#333}
.better{display:block;color:#5B6573}
svg.chart{display:block;width:100%;height:auto;margin:1mm 0 0;font-family:inherit}
svg .tick{font-size:10.5px;fill:#5B6573}svg .goal{fill:#1B7A3A;font-weight:700}
.legend{font-size:.72em;color:#5B6573;margin:0 0 1mm}
.key{margin-right:1.1em;white-space:nowrap}
.key i{display:inline-block;width:16px;height:0;vertical-align:middle;margin-right:.35em}
.k-target{border-top:2px solid #1B7A3A}.k-median{border-top:2px dashed #555}
.k-mean{border-top:2px solid #1A1D21}.k-limits{border-top:2px dashed #555}
.key i.k-dot{width:9px;height:9px;border-radius:50%}
.icon{width:26px;height:26px;vertical-align:middle;flex:none}
.icons{display:inline-flex;gap:4px;vertical-align:middle;margin-left:.4em}
.reading{display:inline-flex;align-items:center;gap:.35em}
.summary .icon{width:22px;height:22px}
.rule{font-size:.85em;margin:1mm 0}
.change{fill:#1F3A5F;font-weight:700;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
.key i.k-signal{width:9px;height:9px;border:1.6px solid #6B3FA0;border-radius:50%}
.signals{font-size:.82em;margin:0;padding-left:1.1em}
.signals li{margin-bottom:.4mm}
.sense{font-weight:600;white-space:nowrap}
.quiet{font-size:.82em;color:#5B6573}
.empty{color:#5B6573;font-style:italic}
.counts{margin-bottom:2mm;break-after:avoid}
table{width:100%;border-collapse:collapse;font-size:.9em}
th{text-align:left;font-size:.78em;text-transform:uppercase;letter-spacing:.04em;color:#5B6573;border-bottom:1.5px solid #333;padding:1mm 1.5mm}
td{border-bottom:1px solid #E1E4E8;padding:1.3mm 1.5mm;vertical-align:top}
tr{break-inside:avoid}
tr.late td{background:#FDF3F4}
.mark{width:1.4em;padding-right:0;font-weight:700}
.nowrap{white-space:nowrap}
.num{text-align:right}
.why{color:#333}
.meta{font-size:.85em;color:#5B6573}
.two{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:6mm;break-inside:avoid}
.faces{display:flex;gap:2mm;margin:1mm 0 1.5mm}
.face{flex:1;text-align:center;display:flex;flex-direction:column;align-items:center}
.face svg{width:34px;height:34px}
.face.zero svg{opacity:.45}
.face .n{font-size:1.3em;font-weight:700;line-height:1.2}
.face .name{font-size:.7em;color:#5B6573;line-height:1.1}
svg.mood{margin-top:0}
.bars{display:grid;grid-template-columns:auto minmax(0,1fr) 2.2em;gap:1.2mm 2mm;align-items:center;font-size:.9em}
.bar{display:block;height:3.2mm;background:#EEF0F3;border-radius:2px;overflow:hidden;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.bar>span{display:block;height:100%;background:#1F3A5F}
.bar.wide{margin:1mm 0 1.5mm}
.bars .n{text-align:right;font-weight:700}
table.compact td,table.compact th{padding:.8mm 1.5mm}
.big-line{margin:0}
.big-line strong{font-size:1.3em}
.sub-title{font-weight:700;font-size:.85em;margin:2mm 0 .5mm}
footer{margin-top:6mm;padding-top:2mm;border-top:1px solid #D5D9DF;font-size:.75em;color:#5B6573}
@media (max-width:620px){.grid,.two,.glance{grid-template-columns:1fr}.top{grid-template-columns:1fr}.when{text-align:left}}
@media print{html{background:#fff;font-size:9.5pt}body{padding:0}main{box-shadow:none;border-radius:0;padding:0}h2{margin-top:4.5mm}footer{margin-top:3mm;break-before:avoid}tr.late td{background:none}}
"#;
