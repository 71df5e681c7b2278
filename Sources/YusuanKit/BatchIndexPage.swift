import Sheets

extension BatchSummary {
  /// The page listing every department of the run with its status and findings, sortable by any
  /// column (a small inline script; without it the list stays in path order), each linking to
  /// its HTML report. The links are relative to the output folder, where `batch --report-html`
  /// writes the page as `index.html`.
  public func indexHTML(language: Language = .zh) -> String {
    let zh = language == .zh
    let title = zh ? "部门预算公开报告一览" : "Budget disclosure reports"
    var out = "<!DOCTYPE html>\n<html lang=\"\(zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
    out +=
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>\(HTMLWriter.text(title))</title>\n"
    out += "<style>\n\(Self.indexCSS)</style>\n</head>\n<body>\n<h1>\(HTMLWriter.text(title))</h1>\n"
    let counts = BatchStatus.allCases.map { (status: $0, count: count($0)) }.filter { $0.count > 0 }
    out += "<p id=\"summary\">"
    out += HTMLWriter.text(zh ? "共 \(rows.count) 个部门：" : "\(rows.count) departments: ")
    out += counts.map {
      "<span class=\"status-\($0.status.rawValue)\">\(HTMLWriter.text(Self.statusName($0.status, zh))) \($0.count)</span>"
    }
    .joined(separator: zh ? "，" : ", ")
    if cancelled {
      out += HTMLWriter.text(
        zh ? "（运行被中断，未列出的部门尚未处理）" : " (the run was interrupted; departments not listed were not reached)")
    }
    out += "</p>\n<table id=\"departments\">\n<thead><tr>"
    let headers =
      zh ? ["部门", "年度", "状态", "问题数", "输入", "报告"] : ["Department", "Year", "Status", "Findings", "Input", "Report"]
    for (i, h) in headers.enumerated() {
      out +=
        i < 5
        ? "<th><button type=\"button\" data-column=\"\(i)\">\(HTMLWriter.text(h))</button></th>"
        : "<th>\(HTMLWriter.text(h))</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for row in rows {
      let rank = Self.rank(row.status)
      out += "<tr class=\"status-\(row.status.rawValue)\">"
      out += "<td>\(HTMLWriter.text(row.department))</td>"
      out += "<td data-sort=\"\(row.year ?? 0)\">\(row.year.map(String.init) ?? "")</td>"
      out += "<td data-sort=\"\(rank)\">\(HTMLWriter.text(Self.statusName(row.status, zh)))</td>"
      out += "<td data-sort=\"\(row.findings)\" class=\"number\">\(row.findings)</td>"
      out += "<td><code>\(HTMLWriter.text(row.file))</code></td>"
      if let report = row.outputs.first(where: { $0.hasSuffix(".html") }) {
        out +=
          "<td><a href=\"\(HTMLWriter.attribute(Self.href(report)))\">\(HTMLWriter.text(zh ? "打开" : "open"))</a></td>"
      } else {
        out += "<td>\(HTMLWriter.text(row.error ?? ""))</td>"
      }
      out += "</tr>\n"
    }
    out += "</tbody>\n</table>\n<script>\n\(Self.sortScript)</script>\n</body>\n</html>\n"
    return out
  }

  /// Writes the index page atomically, never onto an input.
  public func writeIndexHTML(to path: String, language: Language = .zh, refusing inputs: [String] = []) throws {
    try AtomicFile.write(bytes: Array(indexHTML(language: language).utf8), to: path, refusing: inputs)
  }

  static func statusName(_ status: BatchStatus, _ zh: Bool) -> String {
    switch status {
    case .ok: zh ? "通过" : "ok"
    case .findings: zh ? "有问题" : "findings"
    case .differences: zh ? "往返有差异" : "differences"
    case .unreadable: zh ? "无法读取" : "unreadable"
    case .failed: zh ? "写出失败" : "failed"
    }
  }

  /// Worst first when sorted descending.
  static func rank(_ status: BatchStatus) -> Int {
    switch status {
    case .ok: 0
    case .findings: 1
    case .differences: 2
    case .failed: 3
    case .unreadable: 4
    }
  }

  /// A relative path as a link: each segment percent-encoded where a URL needs it (space, `#`,
  /// `?`, `%` …); CJK letters stay as they are, which browsers accept.
  static func href(_ relative: String) -> String {
    var out = ""
    for scalar in relative.unicodeScalars {
      if scalar.value < 0x80
        && !(scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._~/".unicodeScalars.contains(scalar))
      {
        for byte in String(scalar).utf8 { out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2) }
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  static let indexCSS = """
    body{margin:24px;font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif;color:#202124}
    table{border-collapse:collapse}
    th,td{border:1px solid #dadce0;padding:4px 10px;text-align:left}
    th,td:nth-child(-n+5){white-space:nowrap}
    th button{font:inherit;font-weight:bold;border:0;background:none;cursor:pointer;padding:0}
    th button::after{content:" ↕";color:#9aa0a6}
    td.number{text-align:right}
    tr.status-findings td:nth-child(3),span.status-findings{color:#c5221f;font-weight:bold}
    tr.status-differences td:nth-child(3),span.status-differences{color:#b06000;font-weight:bold}
    tr.status-unreadable td:nth-child(3),tr.status-failed td:nth-child(3),span.status-unreadable,span.status-failed{color:#a142f4;font-weight:bold}
    tr.status-ok td:nth-child(3),span.status-ok{color:#137333}

    """

  /// Sorts the table by the clicked column (again: the other way), by `data-sort` where given.
  static let sortScript = """
    document.querySelectorAll('#departments th button').forEach(function (button) {
      button.addEventListener('click', function () {
        var column = Number(button.dataset.column), body = document.querySelector('#departments tbody');
        var descending = button.dataset.order !== 'desc';
        button.dataset.order = descending ? 'desc' : 'asc';
        var key = function (row) { var c = row.cells[column]; return c.dataset.sort !== undefined ? Number(c.dataset.sort) : c.textContent; };
        Array.from(body.rows).sort(function (a, b) {
          var x = key(a), y = key(b), order = x < y ? -1 : x > y ? 1 : 0;
          return descending ? -order : order;
        }).forEach(function (row) { body.appendChild(row); });
      });
    });

    """
}

extension String {
  /// The text with `0`s in front up to `width` characters.
  fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
