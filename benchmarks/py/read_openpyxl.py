"""openpyxl (read_only=True): iterate every cell of the first sheet, count non-empty, sum numbers as cents."""
import sys

from openpyxl import load_workbook

from rows import result_line

wb = load_workbook(sys.argv[1], read_only=True, data_only=True)
ws = wb.worksheets[0]
cells = 0
cents = 0
for r in ws.iter_rows(values_only=True):
    for v in r:
        if v is None or v == "":
            continue
        cells += 1
        if type(v) is float or type(v) is int:
            cents += round(v * 100)
wb.close()
print(result_line(cells, cents))
