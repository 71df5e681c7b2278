"""The peer of `yusuan report` for the benchmark: what a script would do at least, with openpyxl:
load the workbooks and write every sheet's cells as one HTML table each (no validation, no
merged cells, no marks). Usage: python3 html_peer.py OUT.html IN.xlsx [IN.xlsx ...]"""
import html
import sys

import openpyxl

out, inputs = sys.argv[1], sys.argv[2:]
parts = ["<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>report</title></head><body>"]
for path in inputs:
    book = openpyxl.load_workbook(path, data_only=True)
    for sheet in book.worksheets:
        parts.append(f"<h2>{html.escape(sheet.title)}</h2><table>")
        for row in sheet.iter_rows(values_only=True):
            cells = "".join(f"<td>{'' if v is None else html.escape(str(v))}</td>" for v in row)
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</table>")
parts.append("</body></html>")
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(parts))
