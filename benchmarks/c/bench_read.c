/* The C floor reader: libzip + libxml2 SAX2 push parser, nothing else. Counts the non-empty cells
 * of the first worksheet and sums its numeric cells as cents (strtod, rounded per cell).
 * Shared strings are not materialised: their <si> elements are only counted, so that a string
 * cell's index can be checked. Prints the correctness line.
 *
 *   bench-read FILE */
#include <libxml/parser.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "rows.h"

enum { CHUNK = 64 * 1024 };

typedef struct {
  long long si_count;    /* <si> seen in sharedStrings.xml */
  long long cells;       /* non-empty cells */
  int64_t cents;         /* sum of numeric cells */
  char type;             /* current <c t=…>: 'n', 's', 'i' (inlineStr), 'o' (other) */
  int has_value;         /* current cell has <v> or <is> */
  int in_v;              /* inside <v> */
  char v[128];           /* text of <v> */
  size_t v_len;
  int failed;
} State;

static int is_name(const xmlChar *n, const char *want) { return strcmp((const char *)n, want) == 0; }

static void sst_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int nns,
                      const xmlChar **ns, int nattr, int ndef, const xmlChar **attrs) {
  (void)prefix, (void)uri, (void)nns, (void)ns, (void)nattr, (void)ndef, (void)attrs;
  if (is_name(local, "si")) ((State *)ctx)->si_count++;
}

static void sheet_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int nns,
                        const xmlChar **ns, int nattr, int ndef, const xmlChar **attrs) {
  (void)prefix, (void)uri, (void)nns, (void)ns, (void)ndef;
  State *s = ctx;
  if (local[0] == 'c' && local[1] == 0) {
    s->type = 'n';
    s->has_value = 0;
    /* attrs: localname, prefix, URI, value begin, value end — five per attribute */
    for (int a = 0; a < nattr; a++) {
      const xmlChar **at = attrs + 5 * a;
      if (at[0][0] == 't' && at[0][1] == 0) {
        size_t len = (size_t)(at[4] - at[3]);
        const char *v = (const char *)at[3];
        if (len == 1 && v[0] == 'n') s->type = 'n';
        else if (len == 1 && v[0] == 's') s->type = 's';
        else if (len == 9 && memcmp(v, "inlineStr", 9) == 0) s->type = 'i';
        else s->type = 'o';
      }
    }
  } else if (local[0] == 'v' && local[1] == 0) {
    s->in_v = 1;
    s->v_len = 0;
  } else if (is_name(local, "is")) {
    s->has_value = 1;
  }
}

static void sheet_chars(void *ctx, const xmlChar *ch, int len) {
  State *s = ctx;
  if (!s->in_v) return;
  if (s->v_len + (size_t)len >= sizeof s->v) {
    s->failed = 1;
    return;
  }
  memcpy(s->v + s->v_len, ch, (size_t)len);
  s->v_len += (size_t)len;
}

static void sheet_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri) {
  (void)prefix, (void)uri;
  State *s = ctx;
  if (local[0] == 'v' && local[1] == 0) {
    s->in_v = 0;
    s->has_value = 1;
    s->v[s->v_len] = 0;
  } else if (local[0] == 'c' && local[1] == 0) {
    if (!s->has_value) return;
    if (s->type == 'n') {
      if (s->v_len == 0) return;
      s->cents += llround(strtod(s->v, NULL) * 100.0);
    } else if (s->type == 's') {
      long long idx = strtoll(s->v, NULL, 10);
      if (idx < 0 || idx >= s->si_count) s->failed = 1;
    }
    s->cells++;
  }
}

/* Streams one zip entry through a SAX2 push parser; returns 0 on success. */
static int parse_entry(zip_t *za, zip_int64_t index, xmlSAXHandler *sax, State *s) {
  zip_file_t *zf = zip_fopen_index(za, (zip_uint64_t)index, 0);
  if (!zf) return -1;
  static char buf[CHUNK];
  zip_int64_t n = zip_fread(zf, buf, 4);
  if (n < 0) return -1;
  xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(sax, s, buf, (int)n, NULL);
  xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_COMPACT);
  int rc = 0;
  while ((n = zip_fread(zf, buf, CHUNK)) > 0) {
    if (xmlParseChunk(ctxt, buf, (int)n, 0) != 0) { rc = -1; break; }
  }
  if (n < 0) rc = -1;
  if (rc == 0 && xmlParseChunk(ctxt, NULL, 0, 1) != 0) rc = -1;
  xmlFreeParserCtxt(ctxt);
  zip_fclose(zf);
  return rc;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: bench-read FILE\n");
    return 2;
  }
  int zerr = 0;
  zip_t *za = zip_open(argv[1], ZIP_RDONLY, &zerr);
  if (!za) {
    fprintf(stderr, "bench-read: cannot open %s (libzip error %d)\n", argv[1], zerr);
    return 1;
  }
  State s;
  memset(&s, 0, sizeof s);
  xmlSAXHandler sax;
  memset(&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;

  zip_int64_t sst = zip_name_locate(za, "xl/sharedStrings.xml", ZIP_FL_NOCASE);
  if (sst >= 0) {
    sax.startElementNs = sst_start;
    if (parse_entry(za, sst, &sax, &s) != 0) {
      fprintf(stderr, "bench-read: bad sharedStrings.xml\n");
      return 1;
    }
  }
  zip_int64_t sheet = zip_name_locate(za, "xl/worksheets/sheet1.xml", ZIP_FL_NOCASE);
  if (sheet < 0) {
    fprintf(stderr, "bench-read: no xl/worksheets/sheet1.xml\n");
    return 1;
  }
  sax.startElementNs = sheet_start;
  sax.endElementNs = sheet_end;
  sax.characters = sheet_chars;
  if (parse_entry(za, sheet, &sax, &s) != 0 || s.failed) {
    fprintf(stderr, "bench-read: bad worksheet XML\n");
    return 1;
  }
  zip_discard(za);
  bench_print_result(s.cells, s.cents);
  return 0;
}
