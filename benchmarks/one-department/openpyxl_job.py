"""The one-department job done the way a competent Python user would: openpyxl only.

    python3 openpyxl_job.py IN.xlsx OUT.xlsx OUT.json

Reads the department's workbook, parses its 13 tables (title, 部门名称, multi-row headers from
the merges, side-by-side 收入/支出 parts, rows with codes as text and amounts as exact two-decimal
values) into a dict model, then writes a styled workbook (merged title, header merges, thin
borders, codes as text, #,##0.00 amounts, CJK-aware column widths, wrapping, frozen headers,
A4 landscape fit to one page wide, repeated header rows, page-number footer) and a JSON file.
This is the same job `yusuan convert IN -o OUT.xlsx` plus `yusuan convert IN -o OUT.json` does.
"""

import json
import re
import sys
import unicodedata
from decimal import Decimal

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

CODE = re.compile(r"^\d{3,9}$")
TABLE_NO = re.compile(r"(\d+)\s*$")


def text(v):
    """A cell's text without padding (ideographic spaces indent names)."""
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).replace("\u3000", " ").strip()


def amount(v):
    """An amount as an exact two-decimal string, or None when blank."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    return str(Decimal(str(v)).quantize(Decimal("0.01")))


def width(s):
    """Display width: East Asian wide characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def filled(ws, grid):
    """Cell values with each merged range's value copied into every cell it covers."""
    grid = [list(r) for r in grid]
    for m in ws.merged_cells.ranges:
        v = grid[m.min_row - 1][m.min_col - 1]
        for r in range(m.min_row - 1, m.max_row):
            for c in range(m.min_col - 1, m.max_col):
                grid[r][c] = v
    return grid


def parse_sheet(ws):
    raw = [list(r) for r in ws.iter_rows(values_only=True)]
    grid = filled(ws, raw)
    ncols = ws.max_column
    title = text(grid[0][0])
    department = text(grid[1][0]).replace("部门名称：", "").replace("部门名称:", "")
    # The header block runs from row 3 down to the lowest header merge; a group header merged
    # across columns has its leaves on the row below it.
    top = 2
    bottom = 3
    changed = True
    while changed:
        changed = False
        for m in ws.merged_cells.ranges:
            if 3 <= m.min_row <= bottom:
                low = m.max_row + (1 if m.min_row == m.max_row and m.max_col > m.min_col else 0)
                if low > bottom:
                    bottom, changed = low, True
    end = bottom
    if end < len(grid) and all(text(v) == str(i + 1) for i, v in enumerate(grid[end]) if v is not None) and any(grid[end]):
        end += 1  # the 1 2 3 … column-number row
    header_rows = grid[top:end]
    numbered = bool(header_rows) and all(text(v) == str(i + 1) for i, v in enumerate(header_rows[-1]) if v is not None)
    if numbered:
        header_rows = header_rows[:-1]
    paths = []
    for c in range(ncols):
        path = []
        for hr in header_rows:
            t = text(hr[c])
            if t and (not path or path[-1] != t):
                path.append(t)
        paths.append(path)
    # Side-by-side parts: the top header splits into 收入 / 支出 (or two 预算 parts).
    groups = []
    for c in range(ncols):
        key = paths[c][0] if paths[c] else ""
        if key in ("收入", "支出") or key.endswith("收入") or key.endswith("支出") and len(paths[c]) > 1:
            if not groups or groups[-1][0] != key:
                groups.append((key, []))
            groups[-1][1].append(c)
    if len(groups) < 2:
        groups = [("", list(range(ncols)))]
    sections = []
    body = raw[end:]  # body merges (a 合计 across code and name) keep their value once
    note = None
    for key, cols in groups:
        columns = []
        for c in cols:
            path = paths[c][1:] if key else paths[c]
            name = "/".join(path) if path else get_column_letter(c + 1)
            last = path[-1] if path else ""
            kind = "code" if "编码" in last else ("name" if last == "项目" or last.endswith("名称") else "amount")
            columns.append({"key": name, "kind": kind, "column": c})
        rows = []
        for r in body:
            if text(r[0]).startswith("注"):
                note = text(r[0])
                continue
            if all(r[c] is None for c in cols):
                continue
            record = {}
            for col in columns:
                v = r[col["column"]]
                record[col["key"]] = amount(v) if col["kind"] == "amount" else (text(v) or None)
            rows.append(record)
        sections.append({"part": key or None, "columns": columns, "rows": rows})
    m = TABLE_NO.search(ws.title)
    return {
        "number": int(m.group(1)) if m else None,
        "title": title,
        "department": department,
        "header": [[text(v) for v in hr] for hr in header_rows],
        "numbered": numbered,
        "merges": [str(r) for r in ws.merged_cells.ranges if r.min_row > 2 and r.min_row <= 2 + len(header_rows)],
        "sections": sections,
        "note": note,
        "ncols": ncols,
    }


def read_model(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    tables = [parse_sheet(ws) for ws in wb.worksheets if ws.max_row > 3]
    year = re.match(r"(\d{4})年", tables[0]["title"]) if tables else None
    return {
        "department": tables[0]["department"] if tables else "",
        "year": int(year.group(1)) if year else None,
        "tables": tables,
    }


THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BODY = Font(name="宋体", size=10)
BOLD = Font(name="宋体", size=10, bold=True)
TITLE = Font(name="黑体", size=16, bold=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center", indent=1)


def write_table(wb, t):
    ws = wb.create_sheet("预算公开表%d" % t["number"])
    n = t["ncols"]
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    c = ws.cell(1, 1, t["title"])
    c.font, c.alignment = TITLE, Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=max(n - 1, 1))
    ws.cell(2, 1, "部门名称：" + t["department"]).font = BODY
    u = ws.cell(2, n, "单位：万元")
    u.font, u.alignment = BODY, Alignment(horizontal="right")
    top = 3
    for i, hr in enumerate(t["header"]):
        for j, v in enumerate(hr):
            cell = ws.cell(top + i, j + 1)
            cell.font, cell.alignment, cell.border = BOLD, CENTER, BOX
    for rng in t["merges"]:
        ws.merge_cells(rng)
    for i, hr in enumerate(t["header"]):
        for j, v in enumerate(hr):
            if v and not isinstance(ws.cell(top + i, j + 1), openpyxl.cell.cell.MergedCell):
                ws.cell(top + i, j + 1).value = v
    r0 = top + len(t["header"])
    if t["numbered"]:
        for j in range(n):
            cell = ws.cell(r0, j + 1, str(j + 1))
            cell.font, cell.alignment, cell.border = BOLD, CENTER, BOX
        r0 += 1
    widths = [8.0] * n
    last = r0 - 1
    for s in t["sections"]:
        for i, rec in enumerate(s["rows"]):
            r = r0 + i
            last = max(last, r)
            for col in s["columns"]:
                j = col["column"]
                v = rec.get(col["key"])
                cell = ws.cell(r, j + 1)
                cell.border, cell.font = BOX, BODY
                if col["kind"] == "amount":
                    cell.alignment, cell.number_format = RIGHT, "#,##0.00"
                    if v is not None:
                        cell.value = Decimal(v)
                        widths[j] = max(widths[j], len("{:,.2f}".format(Decimal(v))) + 3)
                else:
                    cell.alignment = LEFT
                    if col["kind"] == "code":
                        cell.number_format = "@"
                    if v is not None:
                        cell.value = v
                        widths[j] = max(widths[j], min(width(v) + 2, 36))
    if t["note"]:
        last += 1
        ws.cell(last, 1, t["note"]).font = BODY
    for j, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(j + 1)].width = w
    ws.freeze_panes = ws.cell(r0, 1)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:%d" % (r0 - 1)
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    ws.print_options.horizontalCentered = True


def main():
    src, out_xlsx, out_json = sys.argv[1:4]
    model = read_model(src)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for t in model["tables"]:
        write_table(wb, t)
    wb.properties.title = "%s%s年部门预算公开表" % (model["department"], model["year"] or "")
    wb.properties.creator = "openpyxl job"
    wb.save(out_xlsx)
    public = {
        "department": model["department"],
        "year": model["year"],
        "unit": "万元",
        "tables": [
            {"number": t["number"], "title": t["title"], "note": t["note"],
             "sections": [{"part": s["part"], "columns": s["columns"], "rows": s["rows"]} for s in t["sections"]]}
            for t in model["tables"]
        ],
    }
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(public, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print("tables=%d rows=%d" % (len(model["tables"]), sum(len(s["rows"]) for t in model["tables"] for s in t["sections"])))


if __name__ == "__main__":
    main()
