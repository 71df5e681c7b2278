"""fastexcel: load the first sheet into Arrow (header row = names), count non-null cells, sum numbers as cents.

fastexcel is column-oriented: it infers one dtype per column, so the header row is read as column
names (and counted as cells) and the amount columns come back as float64 with nulls for blanks."""
import sys

import fastexcel
import pyarrow as pa
import pyarrow.compute as pc

from rows import result_line

reader = fastexcel.read_excel(sys.argv[1])
table = reader.load_sheet(0, header_row=0).to_arrow()
cells = 0
cents = 0
for name, col in zip(table.column_names, table.columns):
    if name and not name.startswith("__UNNAMED__"):
        cells += 1
    if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
        cells += len(col) - col.null_count - (pc.sum(pc.equal(col, "")).as_py() or 0)
    else:
        cells += len(col) - col.null_count
        if pa.types.is_floating(col.type) or pa.types.is_integer(col.type):
            s = pc.sum(pc.round(pc.multiply(col, 100))).as_py()
            cents += int(s or 0)
print(result_line(cells, cents))
