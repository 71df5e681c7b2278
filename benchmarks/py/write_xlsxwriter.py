"""Python XlsxWriter (constant_memory): the same formatted flat sheet as benchmarks/c/bench_write.c."""
import sys

import xlsxwriter

from rows import HEADER, result_line, row

out, n = sys.argv[1], int(sys.argv[2])
wb = xlsxwriter.Workbook(out, {"constant_memory": True})
ws = wb.add_worksheet("预算")
bold = wb.add_format({"bold": True})
text = wb.add_format({"num_format": "@"})
money = wb.add_format({"num_format": "#,##0.00"})
ws.set_column(0, 0, 10, text)
ws.set_column(1, 1, 30)
ws.set_column(2, 6, 16, money)
for c, h in enumerate(HEADER):
    ws.write_string(0, c, h, bold)
cells = len(HEADER)
total = 0
for i in range(n):
    code, name, amounts = row(i)
    r = i + 1
    ws.write_string(r, 0, code, text)
    ws.write_string(r, 1, name)
    cells += 2
    for c, cents in enumerate(amounts):
        if cents is None:
            continue
        ws.write_number(r, 2 + c, cents / 100, money)
        cells += 1
        total += cents
wb.close()
print(result_line(cells, total))
