/* The C reference writer: libxlsxwriter in constant_memory mode, the same formatted flat sheet
 * Yusuan's writer produces (bold header, code column as text, amounts "#,##0.00", widths).
 *
 *   bench-write OUT ROWS                    timed contender (constant_memory, inline strings)
 *   bench-write --shared-strings OUT ROWS   data generator (normal mode: shared strings, as Excel)
 *
 * Prints the expected correctness line of the rows it wrote. */
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "rows.h"

int main(int argc, char **argv) {
  int shared = argc > 1 && strcmp(argv[1], "--shared-strings") == 0;
  if (argc != 3 + shared) {
    fprintf(stderr, "usage: bench-write [--shared-strings] OUT ROWS\n");
    return 2;
  }
  const char *out = argv[1 + shared];
  long rows = strtol(argv[2 + shared], NULL, 10);
  if (rows <= 0 || rows > 1000000) {
    fprintf(stderr, "bench-write: ROWS must be 1...1000000\n");
    return 2;
  }

  lxw_workbook_options options;
  memset(&options, 0, sizeof options);
  options.constant_memory = shared ? LXW_FALSE : LXW_TRUE;
  lxw_workbook *wb = workbook_new_opt(out, &options);
  if (!wb) {
    fprintf(stderr, "bench-write: cannot create %s\n", out);
    return 1;
  }
  lxw_worksheet *ws = workbook_add_worksheet(wb, "预算");
  lxw_format *bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format *text = workbook_add_format(wb);
  format_set_num_format(text, "@");
  lxw_format *money = workbook_add_format(wb);
  format_set_num_format(money, "#,##0.00");

  worksheet_set_column(ws, 0, 0, 10, text);
  worksheet_set_column(ws, 1, 1, 30, NULL);
  worksheet_set_column(ws, 2, 6, 16, money);
  for (int c = 0; c < BENCH_COLUMNS; c++) worksheet_write_string(ws, 0, (lxw_col_t)c, BENCH_HEADER[c], bold);

  long long cells = BENCH_COLUMNS;
  int64_t sum = 0;
  char code[8], name[96];
  for (uint32_t i = 0; i < (uint32_t)rows; i++) {
    lxw_row_t r = (lxw_row_t)(i + 1);
    bench_code(i, code);
    bench_name(i, name, sizeof name);
    worksheet_write_string(ws, r, 0, code, text);
    worksheet_write_string(ws, r, 1, name, NULL);
    cells += 2;
    for (int c = 0; c < BENCH_AMOUNTS; c++) {
      int64_t cents;
      if (!bench_amount(i, c, &cents)) continue;
      worksheet_write_number(ws, r, (lxw_col_t)(2 + c), (double)cents / 100.0, money);
      cells++;
      sum += cents;
    }
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    fprintf(stderr, "bench-write: %s\n", lxw_strerror(err));
    return 1;
  }
  bench_print_result(cells, sum);
  return 0;
}
