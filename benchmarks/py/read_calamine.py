"""python-calamine: iterate every cell of the first sheet, count non-empty ones, sum numbers as cents."""
import sys

from python_calamine import CalamineWorkbook

from rows import result_line

wb = CalamineWorkbook.from_path(sys.argv[1])
sheet = wb.get_sheet_by_index(0)
cells = 0
cents = 0
for r in sheet.iter_rows():
    for v in r:
        if v is None or v == "":
            continue
        cells += 1
        if type(v) is float or type(v) is int:
            cents += round(v * 100)
print(result_line(cells, cents))
