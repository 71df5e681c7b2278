import Budget
import Foundation
import Layouts
import TestSupport
import XCTest

/// A PDF-to-Excel conversion (one sheet per PDF page, tables running over pages, department and
/// unit in one cell) reads to the same model as the department's workbook laid out one table per
/// sheet as finance systems export it: each table whole on its own sheet, away from A1, with the
/// department and the unit in cells of their own. openpyxl builds that workbook from the pages.
final class PDFConversionEquivalenceTests: XCTestCase {
  static let rebuild = #"""
    import re, sys, openpyxl
    src = openpyxl.load_workbook(sys.argv[1])
    out = openpyxl.Workbook()
    out.remove(out.active)
    def is_data(row):
        for v in row:
            if isinstance(v, (int, float)):
                return True
            if isinstance(v, str) and re.fullmatch(r"\d{3}", v.strip()):
                return True
        return False
    def values(ws):
        return [[c.value for c in r] for r in ws.iter_rows()]
    tables = []
    for ws in src.worksheets:
        rows = [r for r in values(ws) if any(v is not None for v in r)]
        if not rows:
            continue
        first = rows[0][0]
        if isinstance(first, str) and first.strip().endswith("表"):
            meta = [v for v in rows[1] if v is not None]
            body = rows[2:]
            header = []
            while body and not is_data(body[0]):
                header.append(body.pop(0))
            tables.append({"title": first, "meta": meta, "header": header, "data": body})
        elif tables:
            body = rows
            while body and not is_data(body[0]):
                body.pop(0)
            tables[-1]["data"] += body
    for i, t in enumerate(tables):
        ws = out.create_sheet("表%d" % (i + 1))
        top, left = 3, 2
        width = max(len(r) for r in t["header"] + t["data"])
        ws.cell(row=top, column=left, value=t["title"])
        if len(t["meta"]) == 2:
            department, unit = t["meta"]
        else:
            department, unit = t["meta"][0].rsplit("单位", 1)
            unit = "单位" + unit
        ws.cell(row=top + 1, column=left, value=department.strip())
        ws.cell(row=top + 1, column=left + width - 1, value=unit)
        r = top + 2
        for row in t["header"] + t["data"]:
            if all(v is None for v in row):
                continue
            for c, v in enumerate(row):
                if v is not None:
                    ws.cell(row=r, column=left + c, value=v)
            r += 1
    out.save(sys.argv[2])
    """#

  func testShanghaiConversionsReadAsTheDepartmentsOneTablePerSheetWorkbook() throws {
    let dir = try Fixtures.scratchFolder("pdf-equivalence")
    addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
    for name in ["department-budget-2026", "unit-budget-2026"] {
      let pages = RealDisclosureTests.real("shanghai/\(name).pdf-pages.xlsx")
      let workbook = dir + "/\(name).xlsx"
      _ = try Python3.run(Self.rebuild, arguments: [pages, workbook], modules: ["openpyxl"])
      let fromPages = try DisclosureReader().read([pages])
      let fromWorkbook = try DisclosureReader().read([workbook])
      XCTAssertEqual(fromWorkbook.disclosure.templateSet, fromPages.disclosure.templateSet, name)
      XCTAssertEqual(fromWorkbook.issues.map(\.description), [], name)
      XCTAssertEqual(
        fromPages.disclosure.withoutProvenance().differences(from: fromWorkbook.disclosure.withoutProvenance()).map(
          \.description),
        [], name)
      XCTAssertEqual(fromWorkbook.disclosure.tables.count, 9, name)
    }
  }
}
