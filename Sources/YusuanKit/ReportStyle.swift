/// The report page's own CSS (the tables' styles come from `HTMLWriter`). Marks are colours and
/// outline styles both, so they stay apart in grey print: errors solid red, warnings solid amber,
/// rounding dashed blue, read notes dotted purple; later rules win, so errors show above all.
enum ReportStyle {
  static let css = """
    body{margin:0;padding:16px 24px;background:#eef0f3;color:#202124;font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif;font-size:14px}
    header.cover,section.notes,section.page,footer{background:#fff;margin:0 auto 16px;padding:12px 20px;max-width:1400px;box-sizing:border-box;border-radius:4px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
    section.page{overflow-x:auto}
    h1{font-size:22px;margin:4px 0 8px}
    h2{font-size:17px;margin:4px 0 10px}
    h3{font-size:15px;margin:10px 0 4px}
    dl.facts{display:grid;grid-template-columns:max-content auto;gap:3px 16px;margin:8px 0;align-items:baseline}
    dl.facts dt{color:#5f6368}
    dl.facts dd{margin:0}
    p.status{display:inline-block;padding:4px 12px;border-radius:12px;font-weight:bold;margin:0 0 4px}
    p.status.status-error{background:#fce8e6;color:#a50e0e}
    p.status.status-warning{background:#fef7e0;color:#8a4b00}
    p.status.status-ok{background:#e6f4ea;color:#0d652d}
    p.legend span{display:inline-block;padding:1px 8px;margin-right:6px}
    nav.contents ol{columns:2;margin:0;padding-left:24px}
    .badge{display:inline-block;font-size:12px;font-weight:normal;background:#fce8e6;color:#a50e0e;border-radius:8px;padding:0 6px}
    a.top{font-size:12px;font-weight:normal;margin-left:8px}
    ol.findings li{margin:6px 0}
    ol.findings li:target{background:#fff8c5}
    .sev{font-weight:bold}
    li.sev-error .sev{color:#c5221f}
    li.sev-warning .sev{color:#b06000}
    li.sev-rounding .sev{color:#1967d2}
    .cells{color:#5f6368;font-size:13px}
    .cells a{margin-right:4px}
    .cells a.wrong{font-weight:bold}
    .unplaced{margin-right:4px}
    table.narrative{border-collapse:collapse;margin:6px 0}
    table.narrative th,table.narrative td{border:1px solid #dadce0;padding:3px 8px;text-align:left}
    table.narrative mark{background:#fce8e6;font-weight:bold}
    h2 .source{font-size:13px;font-weight:normal;color:#5f6368}
    .cell-involved{background:#f1f3f4;outline:1px dotted #5f6368;outline-offset:-2px}
    .cell-read{background:#f3e8fd;outline:2px dotted #8430ce;outline-offset:-2px}
    .cell-rounding{background:#e8f0fe;outline:2px dashed #1a73e8;outline-offset:-2px}
    .cell-warning{background:#fef7e0;outline:2px solid #e37400;outline-offset:-2px}
    .cell-error{background:#fce8e6;outline:2px solid #d93025;outline-offset:-2px}
    td[id]:target{box-shadow:inset 0 0 0 3px #202124}
    table.sheet td[id]{position:relative;overflow:visible}
    td span.links{position:absolute;top:-7px;right:-4px;z-index:1;display:flex;gap:1px;font:bold 10px/12px system-ui,sans-serif}
    td span.links a{padding:0 3px;border-radius:6px;background:#1a73e8;color:#fff;text-decoration:none}
    td.cell-warning span.links a{background:#e37400}
    td.cell-read span.links a{background:#8430ce}
    td.cell-error span.links a{background:#d93025}
    @page{size:A4;margin:10mm}
    @media print{
    body{background:#fff;padding:0;font-size:10pt}
    header.cover,section.notes,section.page{box-shadow:none;max-width:none;padding:0;margin:0;border-radius:0;overflow:visible}
    section.page{break-before:page}
    .screen,nav.contents,td span.links,a.top{display:none}
    *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    }

    """
}
