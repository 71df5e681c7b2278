#!/usr/bin/env python3
"""Builds every hostile input of issue 21 item 2 at the red-team's full size, runs the built
`yusuan` binary on each under /usr/bin/time -v, and prints wall time, peak RSS and exit status.
Each must end in < 2 s and < 300 MB with exit 0, 1 or 2; the script exits 1 if one does not.

    benchmarks/hostile/run.py [--yusuan PATH] [--keep DIR] [--only NAME]

Two sizes of the scalable inputs (the `@small` rows) show time linear, memory bounded.
Inputs are written to a temporary folder (about 2 GB of disk, most of it sparse or hard links).
"""
import argparse, os, re, shutil, struct, subprocess, sys, tempfile, zlib

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def deflate(data):
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def write_zip(path, entries, extra_directory_records=0):
    """A plain zip writer that deflates each distinct content once (13 × 190 MB stay fast).
    `entries` are (name, bytes). `extra_directory_records` adds that many copies of the last
    central-directory record (zip64 end records then say how many)."""
    cache = {}
    with open(path, "wb") as f:
        directory = []
        for name, data in entries:
            key = id(data)
            if key not in cache:
                cache[key] = (deflate(data), zlib.crc32(data) & 0xFFFFFFFF, len(data))
            comp, crc, size = cache[key]
            offset = f.tell()
            n = name.encode()
            f.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0, crc, len(comp), size, len(n), 0) + n)
            f.write(comp)
            directory.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0, crc, len(comp), size,
                                         len(n), 0, 0, 0, 0, 0, offset) + n)
        cd_start = f.tell()
        for record in directory:
            f.write(record)
        if extra_directory_records:
            block = directory[-1] * 10_000
            left = extra_directory_records
            while left >= 10_000:
                f.write(block)
                left -= 10_000
            f.write(directory[-1] * left)
        count = len(directory) + extra_directory_records
        cd_size = f.tell() - cd_start
        if count > 0xFFFF:
            z64 = f.tell()
            f.write(struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count, cd_size, cd_start))
            f.write(struct.pack("<IIQI", 0x07064B50, 0, z64, 1))
            f.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0))
        else:
            f.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, cd_size, cd_start, 0))


def workbook_entries(sheet_parts, sheet_list=None, rels=None):
    """Entries of a workbook with sheets named S1… on parts xl/worksheets/sheetN.xml."""
    names = [f"S{i + 1}" for i in range(len(sheet_parts))]
    sheets = sheet_list or "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, n in enumerate(names))
    relations = rels or "".join(
        f'<Relationship Id="rId{i + 1}" Type="{REL}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
        for i in range(len(sheet_parts)))
    entries = [
        ("[Content_Types].xml", b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        ("_rels/.rels", f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'.encode()),
        ("xl/workbook.xml", f'<workbook xmlns="{NS}" xmlns:r="{REL}"><sheets>{sheets}</sheets></workbook>'.encode()),
        ("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{PKG}">{relations}</Relationships>'.encode()),
    ]
    for i, part in enumerate(sheet_parts):
        if part is not None:
            entries.append((f"xl/worksheets/sheet{i + 1}.xml", part))
    return entries


def sheet(body, after=b""):
    return f'<worksheet xmlns="{NS}"><sheetData>'.encode() + body + b"</sheetData>" + after + b"</worksheet>"


def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def cells(count, per_row=1000):
    row_cells = b"<c><v>1</v></c>" * per_row
    rows = count // per_row
    return b"".join(b'<row r="%d">' % (r + 1) + row_cells + b"</row>" for r in range(rows))


# --- the inputs -------------------------------------------------------------------------

def attributes(d, n):
    tag = b"<extLst" + b"".join(b' a%d=""' % i for i in range(n)) + b"/>"
    p = os.path.join(d, f"attributes-{n}.xlsx")
    write_zip(p, workbook_entries([sheet(b"", tag * 3)]))
    return ["validate", p]


def repeated_row(d, n):
    body = b"".join(b'<row r="1"><c r="%s1"><v>1</v></c></row>' % col(i % 16384).encode() for i in range(n))
    p = os.path.join(d, f"row1-x{n}.xlsx")
    write_zip(p, workbook_entries([sheet(body)]))
    return ["validate", p]


def aliased_sheets(d, n, part):
    lst = "".join(f'<sheet name="S{i + 1}" sheetId="{i + 1}" r:id="rId1"/>' for i in range(n))
    rels = f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    p = os.path.join(d, f"alias-{n}.xlsx")
    write_zip(p, workbook_entries([part], sheet_list=lst, rels=rels))
    return ["validate", p]


def alias_10mb(d, n=200_000):
    return aliased_sheets(d, n, sheet(b" " * (10 << 20)))


def alias_1m_cells(d, n=2_000):
    return aliased_sheets(d, n, sheet(cells(1_000_000)))


def directory_records(d, n=4_500_000):
    p = os.path.join(d, f"cd-{n}.xlsx")
    # The repeated record names a one-letter entry: 47 bytes a record, 4.5 M of them in 212 MB.
    write_zip(p, workbook_entries([sheet(b"")]) + [("x", b"")], extra_directory_records=n)
    return ["validate", p]


def big_sheets(d, n=13, mb=190):
    part = sheet(b" " * (mb << 20))
    p = os.path.join(d, f"sheets-{n}x{mb}MB.xlsx")
    write_zip(p, workbook_entries([part] * n))
    return ["validate", p]


def many_cells(d, n=19_900_000):
    p = os.path.join(d, f"cells-{n}.xlsx")
    write_zip(p, workbook_entries([sheet(cells(n, per_row=10_000))]))
    return ["validate", p]


def csv_folder(d, files=8, mb=187):
    folder = os.path.join(d, f"csv-{files}x{mb}MB")
    os.makedirs(folder)
    line = b"1,2,3,4,5,6,7,8,9,10\n"
    first = os.path.join(folder, "预算公开表01.csv")
    with open(first, "wb") as f:
        block = line * ((1 << 20) // len(line))
        for _ in range(mb):
            f.write(block)
    for i in range(2, files + 1):  # hard links: the same bytes under eight names, one copy on disk
        os.link(first, os.path.join(folder, f"预算公开表{i:02d}.csv"))
    return ["validate", folder]


def text_csv(d, fields=2_600_000):
    """Distinct 17-byte texts (too long for Swift's inline strings): the most memory per byte."""
    p = os.path.join(d, f"text-{fields}.csv")
    with open(p, "wb") as f:
        for r in range(fields // 10):
            f.write(",".join(f"t{r:09d}-{c:06d}" for c in range(10)).encode() + b"\n")
    return ["validate", p]


def text_cells(d, cells=2_100_000):
    row = lambda r: b'<row r="%d">' % (r + 1) + b"".join(
        b'<c t="inlineStr"><is><t>t%09d-%06d</t></is></c>' % (r, c) for c in range(100)) + b"</row>"
    p = os.path.join(d, f"text-{cells}.xlsx")
    write_zip(p, workbook_entries([sheet(b"".join(row(r) for r in range(cells // 100)))]))
    return ["validate", p]


def json_array(d, mb=250):
    p = os.path.join(d, f"array-{mb}MB.json")
    with open(p, "wb") as f:
        f.write(b"[0")
        chunk = b",0" * (1 << 19)
        for _ in range(mb):
            f.write(chunk)
        f.write(b"]")
    return ["validate", p]


def sparse(d, ext, gb=3):
    p = os.path.join(d, f"sparse-{gb}GB.{ext}")
    with open(p, "wb") as f:
        f.truncate(gb << 30)
    return ["validate", p]


def sparse_in_batch(d, ext):
    folder = os.path.join(d, f"batch-sparse-{ext}")
    os.makedirs(folder)
    with open(os.path.join(folder, f"a.{ext}"), "wb") as f:
        f.truncate(3 << 30)
    return ["batch", folder, "-o", folder + "-out"]


def fifo(d):
    p = os.path.join(d, "预算公开表01.csv")
    os.mkfifo(p)
    return ["validate", p]


def fifo_in_batch(d):
    folder = os.path.join(d, "batch-fifo")
    os.makedirs(folder)
    os.mkfifo(os.path.join(folder, "a.csv"))
    return ["batch", folder, "-o", folder + "-out"]


CASES = [
    ("3 tags × 400 k attributes", lambda d: attributes(d, 400_000)),
    ("3 tags × 100 k attributes @small", lambda d: attributes(d, 100_000)),
    ("200 k <row r=\"1\">", lambda d: repeated_row(d, 200_000)),
    ("50 k <row r=\"1\"> @small", lambda d: repeated_row(d, 50_000)),
    ("200 k sheets aliasing a 10 MB part", alias_10mb),
    ("2,000 sheets aliasing a 1 M-cell part", alias_1m_cells),
    ("900 sheets aliasing a 1 M-cell part", lambda d: alias_1m_cells(d, 900)),
    ("4.5 M central-directory records", directory_records),
    ("1.1 M central-directory records @small", lambda d: directory_records(d, 1_100_000)),
    ("13 sheets × 190 MB", big_sheets),
    ("13 sheets × 100 MB (each within the part budget)", lambda d: big_sheets(d, 13, 100)),
    ("13 sheets × 25 MB (each within the part budget) @small", lambda d: big_sheets(d, 13, 25)),
    ("19.9 M cells in one sheet", many_cells),
    ("8 M cells in one sheet (within the part budget)", lambda d: many_cells(d, 8_000_000)),
    ("5 M cells in one sheet @small", lambda d: many_cells(d, 5_000_000)),
    ("0.95 M cells in one sheet (accepted: within the cell budget)", lambda d: many_cells(d, 950_000)),
    ("0.5 M cells in one sheet (accepted) @small", lambda d: many_cells(d, 500_000)),
    ("folder of 8 × 187 MB CSVs", csv_folder),
    ("folder of 2 × 187 MB CSVs @small", lambda d: csv_folder(d, 2)),
    ("2.6 M distinct 17-byte texts in one CSV (46 MB)", text_csv),
    ("0.95 M distinct 17-byte texts in one CSV (accepted)", lambda d: text_csv(d, 950_000)),
    ("2.1 M distinct 17-byte inline texts in one sheet", text_cells),
    ("0.95 M distinct 17-byte inline texts in one sheet (accepted)", lambda d: text_cells(d, 950_000)),
    ("250 MB JSON array", json_array),
    ("60 MB JSON array @small", lambda d: json_array(d, 60)),
    ("sparse 3 GB .json", lambda d: sparse(d, "json")),
    ("sparse 3 GB .xlsx", lambda d: sparse(d, "xlsx")),
    ("sparse 3 GB .json in batch", lambda d: sparse_in_batch(d, "json")),
    ("sparse 3 GB .xlsx in batch", lambda d: sparse_in_batch(d, "xlsx")),
    ("FIFO named .csv", fifo),
    ("FIFO named .csv in batch", fifo_in_batch),
]


def measure(binary, args, timeout=60):
    try:
        run = subprocess.run(["/usr/bin/time", "-v", binary] + args, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None, "timeout", ""
    err = run.stderr
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", err)
    seconds = (int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))) if wall else None
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    status = re.search(r"Exit status: (\d+)", err)
    signal = re.search(r"Command terminated by signal (\d+)", err)
    # (The loader's "warning: direct reference to protected function" lines come from the toolchain.)
    first = next((l for l in err.splitlines() if l.strip() and not l.startswith("\t") and "Command" not in l
                  and not l.startswith("warning: direct reference")), "")
    code = f"signal {signal.group(1)}" if signal else (status.group(1) if status else "?")
    return seconds, int(rss.group(1)) / 1024 if rss else None, code, first[:110]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--yusuan", default=os.path.join(os.path.dirname(__file__), "../../.build/release/yusuan"))
    parser.add_argument("--keep", help="build the inputs here and keep them")
    parser.add_argument("--only", help="run only cases whose title contains this")
    options = parser.parse_args()
    binary = os.path.abspath(options.yusuan)
    work = options.keep or tempfile.mkdtemp(prefix="yusuan-hostile-")
    os.makedirs(work, exist_ok=True)
    failures = 0
    print(f"| input | input size | time (s) | peak RSS (MB) | exit | first line of stderr |")
    print(f"|---|---:|---:|---:|---|---|")
    try:
        for title, build in CASES:
            if options.only and options.only not in title:
                continue
            case_dir = tempfile.mkdtemp(dir=work)
            args = build(case_dir)
            target = args[1]
            size = sum(os.lstat(os.path.join(r, f)).st_size for r, _, fs in os.walk(target) for f in fs) \
                if os.path.isdir(target) else os.lstat(target).st_size
            seconds, rss, code, first = measure(binary, args)
            ok = seconds is not None and seconds < 2 and rss is not None and rss < 300 and code in ("0", "1", "2")
            failures += 0 if ok else 1
            t = f"{seconds:.2f}" if seconds is not None else "—"
            m = f"{rss:.0f}" if rss is not None else "—"
            print(f"| {title} | {size / 1e6:.1f} MB | {t} | {m} | {code}{'' if ok else ' **FAIL**'} | {first.replace('|', '/')} |",
                  flush=True)
            if not options.keep:
                shutil.rmtree(case_dir, ignore_errors=True)
    finally:
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
