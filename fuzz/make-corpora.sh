#!/usr/bin/env bash
# Generates the seed corpora fuzz/corpus-{xlsx,xls,csv,layout,json,model}/ (git-ignored) from the sample
# inputs, the test fixtures, files Yusuan itself writes, and small hand-made workbooks.
# Idempotent: re-running adds nothing that is already there (files are named by content hash).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null 2>&1 || export PATH=/opt/swift/usr/bin:$PATH
samples=samples/datong-kejiju-2023/input
mkdir -p fuzz/corpus-xlsx fuzz/corpus-xls fuzz/corpus-csv fuzz/corpus-layout fuzz/corpus-json fuzz/corpus-model
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# What Yusuan writes is the likeliest input shape besides the samples: xlsx, JSON, both CSV
# layouts in each encoding. Built with a plain (unsanitized) debug build.
swift build --product yusuan >/dev/null
yusuan=$(swift build --show-bin-path)/yusuan
"$yusuan" convert "$samples/datong-kejiju-2023.xlsx" -o "$work/out.xlsx" >/dev/null 2>&1
"$yusuan" convert "$samples/datong-kejiju-2023.xlsx" -o "$work/out.json" >/dev/null 2>&1
for layout in tidy disclosure; do
  for encoding in utf-8 utf-8-bom gb18030; do
    "$yusuan" convert "$samples/datong-kejiju-2023.xlsx" -o "$work/csv-$layout-$encoding" --to csv \
      --csv-layout "$layout" --encoding "$encoding" >/dev/null 2>&1
  done
done

python3 - "$samples" "$work" <<'PY'
import hashlib, io, json, os, sys, zipfile
samples, work = sys.argv[1], sys.argv[2]

def put(corpus, data):
    if isinstance(data, str): data = data.encode()
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join("fuzz", "corpus-" + corpus, name), "wb") as f: f.write(data)

def files(folder):
    return [os.path.join(folder, n) for n in sorted(os.listdir(folder))]

# xlsx: the samples, Yusuan's own output, and tiny workbooks that each exercise one feature.
for path in [samples + "/datong-kejiju-2023.xlsx", samples + "/datong-kejiju-2023-performance.xlsx", work + "/out.xlsx"]:
    put("xlsx", open(path, "rb").read())
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
def workbook(sheet_xml, sst=None, ns=NS, date1904=False, compression=zipfile.ZIP_DEFLATED):
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", compression) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
        z.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        pr = '<workbookPr date1904="1"/>' if date1904 else ''
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{ns}" xmlns:r="{rel}">{pr}<sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        rels = f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        if sst is not None: rels += f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
        z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", f'<?xml version="1.0"?><worksheet xmlns="{ns}"><sheetData>{sheet_xml}</sheetData></worksheet>'.replace("</sheetData></worksheet>", "</sheetData></worksheet>"))
        if sst is not None:
            items = "".join(f"<si><t>{s}</t></si>" for s in sst)
            z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst xmlns="{ns}" count="{len(sst)}" uniqueCount="{len(sst)}">{items}</sst>')
    return b.getvalue()
rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2" hidden="1"><c r="A2" t="inlineStr"><is><t>201</t></is></c><c r="B2"><v>1331.42</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#DIV/0!</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><r><t>科学</t></r><r><t>技术</t></r></is></c><c r="C3"><f>SUM(B2:B2)</f><v>1331.42</v></c><c r="E3" t="str"><v>x</v></c></row>'
merged = rows.replace("</row><row r=\"2\"", "</row><row r=\"2\"") + '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><sheetData>'
for seed in [
    workbook(rows, sst=["2023年预算支出总表", "单位：万元"]),
    workbook(rows, sst=["a", "b"], ns=STRICT, date1904=True),
    workbook(rows, sst=["a", "b"], compression=zipfile.ZIP_STORED),
    workbook('<row><c><v>1</v></c><c t="s"><v>1</v></c></row>', sst=["x", "y"]),
    workbook(merged, sst=["预算公开表1", "单位"]),
    workbook(""),
]:
    put("xlsx", seed)

# csv: every sample and written CSV file as is (both encodings, both layouts, BOM or not).
csv_files = files(samples + "/csv") + files(samples + "/csv-gb18030")
for layout in ["tidy", "disclosure"]:
    for encoding in ["utf-8", "utf-8-bom", "gb18030"]:
        csv_files += files(f"{work}/csv-{layout}-{encoding}")
for path in csv_files:
    put("csv", open(path, "rb").read())
for text in ['a,"b ""c""",d\r\n1,,\n', '"unterminated\n', '\ufeff表,x\n', 'a;b\tc\r\r\n']:
    put("csv", text)

# layout: UTF-8 CSV text, then NUL and the merged ranges (fuzz/Targets/Layout's encoding).
for path in files(samples + "/csv") + files(f"{work}/csv-tidy-utf-8") + files(f"{work}/csv-disclosure-utf-8"):
    put("layout", open(path, "rb").read())
try:
    import csv, openpyxl
    for path in [samples + "/datong-kejiju-2023.xlsx", samples + "/datong-kejiju-2023-performance.xlsx", work + "/out.xlsx"]:
        book = openpyxl.load_workbook(path)
        for sheet in book.worksheets:
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\n")
            for row in sheet.iter_rows(values_only=True):
                writer.writerow(["" if v is None else v for v in row])
            merges = " ".join(str(r) for r in sheet.merged_cells.ranges)
            put("layout", out.getvalue().encode() + b"\0" + merges.encode())
except ImportError:
    print("openpyxl missing: layout corpus has no xlsx-derived grids (pip install openpyxl)", file=sys.stderr)

# json: the fixture, Yusuan's output, and one small disclosure per table (smaller seeds mutate better).
for path in ["Tests/Fixtures/datong-kejiju-2023.json", work + "/out.json"]:
    put("json", open(path, "rb").read())
whole = json.load(open("Tests/Fixtures/datong-kejiju-2023.json", encoding="utf-8"))
for table in whole.get("tables", []):
    one = dict(whole); one["tables"] = [table]; one["forms"] = []
    put("json", json.dumps(one, ensure_ascii=False, indent=1))
    for section in table.get("sections", []):
        section["rows"] = section.get("rows", [])[:3]
    put("json", json.dumps(one, ensure_ascii=False))
for form in whole.get("forms", [])[:2]:
    one = dict(whole); one["tables"] = []; one["forms"] = [form]
    put("json", json.dumps(one, ensure_ascii=False))
PY
# xls: the .xls fixtures and, with LibreOffice, each sample CSV table and the performance forms
# saved as .xls (small workbooks mutate better than large ones).
for path in Tests/Fixtures/*.xls; do cp "$path" "fuzz/corpus-xls/$(sha1sum <"$path" | cut -c1-40)"; done
if command -v soffice >/dev/null 2>&1; then
  mkdir -p "$work/xls"
  soffice --headless "-env:UserInstallation=file://$work/lo-profile" --convert-to xls --outdir "$work/xls" \
    "$samples"/csv/*.csv "$samples/datong-kejiju-2023-performance.xlsx" >/dev/null 2>&1 || true
  for path in "$work"/xls/*.xls; do
    [ -f "$path" ] && cp "$path" "fuzz/corpus-xls/$(sha1sum <"$path" | cut -c1-40)"
  done
else
  echo "soffice missing: the xls corpus holds only the fixtures (scripts/install-test-deps.sh)" >&2
fi

# model: mutation programs (fuzz/Targets/Model): each department with each choice of files
# written, and a few random programs of 1 to 8 mutations (a fixed seed: the same files each time).
python3 - <<'PY'
import hashlib, os, random
rng = random.Random(20261204)
def put(data):
    open(os.path.join("fuzz/corpus-model", hashlib.sha1(data).hexdigest()), "wb").write(data)
for base in range(3):
    for files in (0x00, 0x40, 0x80, 0xC0):
        put(bytes([base | files, 0xFF, 0xFF]))
        for _ in range(4):
            tables = [rng.randrange(256), rng.randrange(256)]
            put(bytes([base | files | (0x20 if rng.random() < 0.3 else 0)] + tables)
                + bytes(rng.randrange(256) for _ in range(rng.randrange(4, 8) * 12)))
PY

for corpus in xlsx xls csv layout json model; do
  echo "fuzz/corpus-$corpus: $(ls fuzz/corpus-$corpus | wc -l) files"
done
