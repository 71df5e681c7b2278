import YusuanKit

/// The pages `yusuan serve` shows: the upload form, the result (summary, download, report) and
/// the refusal page. Each is one self-contained HTML document: no external font, style or script.
enum ServePages {
  /// The upload form.
  static func upload(_ language: Language, limits: Limits) -> String {
    let zh = language == .zh
    let size = ServeRefusal.megabytes(limits.maxFileBytes)
    let body = """
      <form id="upload" method="post" action="/report?lang=\(language.rawValue)" enctype="multipart/form-data">
      <label class="drop" id="drop" for="files">
      <span class="big">\(zh ? "把一个部门的文件拖到这里" : "Drop the files of one department here")</span>
      <span>\(zh ? "或点击这里选择文件（可多选）" : "or click here to choose files (several at once)")</span>
      <span class="small">\(zh ? "部门预算公开表（.xlsx、.xls）、导出的 CSV 或 JSON，可加上绩效目标申报表；一次最多 \(limits.maxUploadFiles) 个文件，共 \(size)。" : "The budget disclosure workbook (.xlsx, .xls), exported CSV or JSON files, and the performance forms workbook if you have one; at most \(limits.maxUploadFiles) files and \(size) at a time.")</span>
      <input id="files" type="file" name="files" multiple required accept=".xlsx,.xlsm,.xls,.csv,.txt,.json">
      <span id="chosen" class="chosen"></span>
      </label>
      <label class="narrative" for="narrative">\(zh ? "情况说明（可选）：已公开说明的 .txt 文本，核对其中的数字与表是否一致" : "Narrative (optional): the published 情况说明 as a .txt file, its figures checked against the tables")
      <input id="narrative" type="file" name="narrative" accept=".txt"></label>
      <button type="submit" id="check">\(zh ? "检查并生成报告" : "Check and show the report")</button>
      </form>
      <section class="help">
      <h2>\(zh ? "怎么用" : "How it works")</h2>
      <ol>
      <li>\(zh ? "选择同一个部门的文件，点“检查并生成报告”。" : "Choose the files of one department and press “Check and show the report”.")</li>
      <li>\(zh ? "报告按公开格式显示每张表；有问题的单元格标红（尾差标黄），鼠标停在上面可看原因。" : "The report shows every table as published; wrong cells are marked red (rounding differences yellow); hover a cell for the reason.")</li>
      <li>\(zh ? "需要时下载整理好的工作簿、JSON 和 CSV（一个 zip 文件）。" : "Download the formatted workbook, the JSON and the CSV files as one zip if you need them.")</li>
      </ol>
      <p>\(zh ? "文件只在这台电脑上处理，处理完即删除，不会发送到别处。" : "Files are processed on this computer only and deleted afterwards; nothing is sent elsewhere.")</p>
      </section>
      <script>
      document.getElementById('files').addEventListener('change', function (e) {
        var names = Array.prototype.map.call(e.target.files, function (f) { return f.name; });
        document.getElementById('chosen').textContent = names.join('、');
      });
      </script>
      """
    return document(language, title: zh ? "预算公开表检查" : "Budget disclosure check", switchTo: "/", body: body)
  }

  /// The result of an upload: what was read, the download form, and the report below.
  static func result(_ department: CheckedDepartment, token: String, language: Language) -> String {
    let zh = language == .zh
    let d = department.disclosure
    let year = d.year.map { zh ? "\($0)年" : " \($0)" } ?? ""
    let heading =
      zh
      ? "\(HTMLWriter.text(d.department))\(year)部门\(d.stage.chineseName)"
      : "\(HTMLWriter.text(d.department))\(year) department \(d.stage == .budget ? "budget" : "final accounts")"
    let verdictClass =
      department.errors > 0 ? "bad" : (department.warnings + department.roundings > 0 ? "warn" : "good")
    let verdict =
      zh
      ? "错误 \(department.errors)，警告 \(department.warnings)，尾差 \(department.roundings)"
      : "\(department.errors) errors, \(department.warnings) warnings, \(department.roundings) rounding"
    let narrativeVerdict =
      department.narrative.map { n in
        let cls = n.hasDisagreements ? "bad" : n.checkedNothing ? "warn" : "good"
        return
          "\n<p id=\"narrative-verdict\" class=\"verdict \(cls)\">\(zh ? "情况说明：" : "Narrative: ")\(HTMLWriter.text(n.summary(language)))</p>"
      } ?? ""
    let files = department.fileNames.map { "<li>\(HTMLWriter.text($0))</li>" }.joined()
    let lang = language.rawValue
    let body = """
      <section class="result">
      <h2 id="department">\(heading)</h2>
      <p id="verdict" class="verdict \(verdictClass)">\(verdict)</p>\(narrativeVerdict)
      <p>\(zh ? "已读取的文件：" : "Files read:")</p><ul id="files-read">\(files)</ul>
      <form id="download" method="get" action="/download/\(token)">
      <input type="hidden" name="lang" value="\(lang)">
      <label>\(zh ? "CSV 编码" : "CSV encoding")
      <select name="encoding" id="encoding">
      <option value="utf-8-bom" selected>\(zh ? "UTF-8（带 BOM，Excel 和 WPS 可直接打开）" : "UTF-8 with BOM (opens in Excel and WPS)")</option>
      <option value="gb18030">GB18030\(zh ? "（旧版软件）" : " (older software)")</option>
      <option value="utf-8">UTF-8\(zh ? "（不带 BOM）" : " (no BOM)")</option>
      </select></label>
      <label>\(zh ? "CSV 版式" : "CSV layout")
      <select name="layout" id="layout">
      <option value="disclosure" selected>\(zh ? "与公开表相同" : "as the published tables")</option>
      <option value="tidy">\(zh ? "每行一条记录（便于统计）" : "one record per row (for analysis)")</option>
      </select></label>
      <button type="submit" id="download-zip">\(zh ? "下载工作簿、JSON 和 CSV（zip）" : "Download workbook, JSON and CSV (zip)")</button>
      </form>
      <p class="links"><a id="open-report" href="/report/\(token)?lang=\(lang)" target="_blank">\(zh ? "在新窗口打开报告（可打印）" : "Open the report in a new window (printable)")</a>
      · <a id="again" href="/?lang=\(lang)">\(zh ? "检查其他文件" : "Check other files")</a></p>
      </section>
      <iframe id="report" src="/report/\(token)?lang=\(lang)" title="\(zh ? "报告" : "Report")"></iframe>
      """
    return document(language, title: zh ? "检查结果" : "Check result", switchTo: nil, body: body)
  }

  /// A refusal: what was wrong, and the way back.
  static func refusal(_ refusal: ServeRefusal, language: Language) -> String {
    let zh = language == .zh
    let body = """
      <section class="refusal" id="refusal">
      <h2>\(zh ? "无法处理上传的文件" : "The upload could not be processed")</h2>
      <p id="reason">\(HTMLWriter.text(refusal.message(language)))</p>
      <p><a id="back" href="/?lang=\(language.rawValue)">\(zh ? "返回，重新选择文件" : "Back, choose other files")</a></p>
      </section>
      """
    return document(language, title: zh ? "无法处理" : "Refused", switchTo: "/", body: body)
  }

  /// The frame every page shares; `switchTo` is the path the language switch links to.
  private static func document(_ language: Language, title: String, switchTo: String?, body: String) -> String {
    let zh = language == .zh
    let other =
      zh
      ? "<a id=\"lang-switch\" href=\"\(switchTo ?? "/")?lang=en\" hreflang=\"en\" lang=\"en\">English</a>"
      : "<a id=\"lang-switch\" href=\"\(switchTo ?? "/")?lang=zh\" hreflang=\"zh-CN\" lang=\"zh-CN\">中文</a>"
    return """
      <!DOCTYPE html>
      <html lang="\(zh ? "zh-CN" : "en")">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(title) · Yusuan</title>
      <style>\(style)</style>
      </head>
      <body>
      <header><h1>\(zh ? "预算 Yusuan · 部门预算公开表检查" : "Yusuan · department budget disclosure check")</h1><nav>\(other)</nav></header>
      <main>
      \(body)
      </main>
      </body>
      </html>

      """
  }

  private static let style = """
    body{margin:0;font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:#1d2733;background:#f4f6f8;font-size:16px}
    header{display:flex;justify-content:space-between;align-items:center;background:#1f4e79;color:#fff;padding:12px 24px}
    header h1{font-size:20px;margin:0}header a{color:#fff}
    main{max-width:1200px;margin:0 auto;padding:24px}
    .drop{position:relative;display:flex;flex-direction:column;align-items:center;gap:10px;padding:48px 24px;border:3px dashed #1f4e79;border-radius:12px;background:#fff;cursor:pointer;text-align:center}
    label.narrative{display:block;margin:14px 0;color:#333}
    label.narrative input{display:block;margin-top:6px}
    .drop:hover,.drop:focus-within{background:#eaf2fb}
    .drop input{position:absolute;inset:0;width:100%;height:100%;opacity:0;cursor:pointer}
    .big{font-size:24px;font-weight:bold;color:#1f4e79}.small{font-size:14px;color:#555}.chosen{font-weight:bold}
    button{margin-top:16px;font-size:18px;padding:12px 28px;border:0;border-radius:8px;background:#1f4e79;color:#fff;cursor:pointer}
    button:hover{background:#163a5a}
    .help{margin-top:24px;background:#fff;border-radius:12px;padding:8px 24px}
    .result{background:#fff;border-radius:12px;padding:8px 24px 16px}
    .verdict{font-size:20px;font-weight:bold}.bad{color:#b00020}.warn{color:#8a6100}.good{color:#1b7a34}
    form#download label{display:inline-block;margin:0 16px 8px 0}select{font-size:16px;padding:4px}
    iframe{width:100%;height:80vh;margin-top:16px;border:1px solid #ccd;background:#fff}
    .refusal{background:#fff;border-left:6px solid #b00020;border-radius:8px;padding:8px 24px}
    #reason{font-size:18px;white-space:pre-wrap}
    """
}
