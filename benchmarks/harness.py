"""Times whole processes side by side: Yusuan's sheets-bench against C and Python peers.

Called by benchmarks/run.sh (which builds everything first); see benchmarks/README.md.

For each size: generate the data once (deterministic, cached in benchmarks/data/), run every
contender once untimed to check its correctness line (a wrong answer fails the whole run), then
run N timed rounds interleaved (A B C ... A B C ...) so that all contenders share the machine's
noise. Wall time and peak RSS come from wait4 on the child (getrusage of that process), taken by
the small C wrapper benchmarks/c/measure.c.
"""

import argparse
import datetime
import hashlib
import importlib.metadata
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
YUSUAN = "yusuan"
LINE = re.compile(r"^cells=\d+ sum=-?\d+\.\d\d$")


class Contender:
    """One command line to time; `kind` is "read" or "write"."""

    def __init__(self, name, kind, argv, output=None, note=""):
        self.name = name
        self.kind = kind
        self.argv = argv
        self.output = output  # the file a writer produces, read back to check it
        self.note = note
        self.failed = None  # why it failed, or None
        self.walls = []
        self.rss_kb = []


MEASURE = None  # path of the compiled measure wrapper (benchmarks/c/measure.c)


def run_once(argv):
    """Runs argv to completion; returns (exit status, wall seconds, peak RSS KB, stdout, stderr).

    The command runs under the measure wrapper, which forks it from a small process so that
    ru_maxrss is the command's own and not the harness's (Linux keeps the pre-exec peak)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".measure") as report:
        try:
            subprocess.run([MEASURE, report.name] + argv, stdout=out, stderr=err,
                           stdin=subprocess.DEVNULL, check=True)
            status, wall, rss = report.read().split()
        except (OSError, subprocess.CalledProcessError, ValueError) as e:
            err.seek(0)
            return 127, 0.0, 0, "", "measure failed: %s %s" % (e, err.read().decode("utf-8", "replace"))
        out.seek(0)
        err.seek(0)
        return (int(status), float(wall), int(rss),
                out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


def last_line(text):
    lines = [l for l in text.strip().splitlines() if l.strip()]
    return lines[-1].strip() if lines else ""


def short(text, limit=200):
    text = " ".join(text.strip().split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fingerprint():
    """Changes whenever the row definition or the generator changes, so stale data is rebuilt."""
    h = hashlib.sha256()
    for rel in ("c/rows.h", "c/bench_write.c"):
        with open(os.path.join(HERE, rel), "rb") as f:
            h.update(f.read())
    return h.hexdigest()[:16]


def ensure_data(args, rows):
    """Returns (path, expected line), generating the workbook when missing or stale."""
    path = os.path.join(args.data, "budget-%d.xlsx" % rows)
    meta = path + ".expected"
    fp = fingerprint()
    if os.path.exists(path) and os.path.exists(meta):
        with open(meta, encoding="utf-8") as f:
            stamp, expected = (f.read().split("\n") + ["", ""])[:2]
        if stamp == fp and LINE.match(expected):
            return path, expected
    status, wall, rss, out, err = run_once([args.c_write, "--shared-strings", path, str(rows)])
    expected = last_line(out)
    if status != 0 or not LINE.match(expected):
        sys.exit("harness: generating %s failed: %s" % (path, short(err or out)))
    with open(meta, "w", encoding="utf-8") as f:
        f.write(fp + "\n" + expected)
    print("generated %s (%d rows, %.1f MB) in %.1f s" % (path, rows, os.path.getsize(path) / 1e6, wall),
          file=sys.stderr)
    return path, expected


def contenders(args, data, rows):
    work = args.work
    py = args.python
    out = lambda name: os.path.join(work, "out-%s-%d.xlsx" % (name, rows))
    all_ = [
        Contender(YUSUAN, "read", [args.sheets_bench, "read", data], note="Sheets streaming reader"),
        Contender("c-floor", "read", [args.c_read, data], note="libzip + libxml2 SAX2 push"),
        Contender("python-calamine", "read", [py, os.path.join(HERE, "py/read_calamine.py"), data]),
        Contender("fastexcel", "read", [py, os.path.join(HERE, "py/read_fastexcel.py"), data]),
        Contender("openpyxl", "read", [py, os.path.join(HERE, "py/read_openpyxl.py"), data],
                  note="read_only=True"),
        Contender(YUSUAN, "write", [args.sheets_bench, "write", out("yusuan"), str(rows)],
                  output=out("yusuan"), note="Sheets flat constant-memory writer"),
        Contender("c-libxlsxwriter", "write", [args.c_write, out("c"), str(rows)], output=out("c"),
                  note="constant_memory"),
        Contender("python-xlsxwriter", "write",
                  [py, os.path.join(HERE, "py/write_xlsxwriter.py"), out("py"), str(rows)],
                  output=out("py"), note="constant_memory"),
    ]
    if args.alt_sheets_bench:
        # Another build of Yusuan's driver (an earlier commit, say), measured in the same rounds.
        alt = os.path.abspath(args.alt_sheets_bench)
        all_ += [
            Contender("yusuan-alt", "read", [alt, "read", data], note="--alt-sheets-bench"),
            Contender("yusuan-alt", "write", [alt, "write", out("yusuan-alt"), str(rows)],
                      output=out("yusuan-alt"), note="--alt-sheets-bench"),
        ]
    skip = set(args.skip)
    return [c for c in all_ if c.name not in skip and "%s-%s" % (c.name, c.kind) not in skip
            and c.kind in args.kinds]


def check(c, expected, args):
    """Runs c once untimed; sets c.failed on a crash, returns a mismatch message or None."""
    if c.output and os.path.exists(c.output):
        os.remove(c.output)
    status, wall, rss, out, err = run_once(c.argv)
    if status != 0:
        c.failed = "exit %d: %s" % (status, short(err or out))
        return None
    if c.kind == "read":
        got = last_line(out)
    else:
        rstatus, _, _, rout, rerr = run_once([args.c_read, c.output])
        if rstatus != 0:
            return "%s %s: its output cannot be read back: %s" % (c.name, c.kind, short(rerr or rout))
        got = last_line(rout)
    if got != expected:
        return "%s %s: got %r, expected %r" % (c.name, c.kind, got, expected)
    return None


def fmt_s(x):
    return "%.3f" % x if x < 10 else "%.2f" % x


def table(cs, kind, rows):
    cs = [c for c in cs if c.kind == kind]
    yus = next((c for c in cs if c.name == YUSUAN and not c.failed and c.walls), None)
    head = ("| %s | median s | min s | max s | peak RSS MB | Yusuan ÷ this | %s |\n"
            "|---|---:|---:|---:|---:|---:|---|\n" % (kind, "cells/s" if kind == "read" else "rows/s"))
    lines = []
    for c in cs:
        if c.failed or not c.walls:
            lines.append("| %s | FAILED | | | | | %s |" % (c.name, c.failed or "no runs"))
            continue
        med = statistics.median(c.walls)
        ratio = "%.2f" % (statistics.median(yus.walls) / med) if yus and c is not yus else ("1" if c is yus else "n/a")
        rate = "%.2fM cells/s" % (c.cells / med / 1e6) if kind == "read" else "%.0fk rows/s" % (rows / med / 1e3)
        lines.append("| %s | %s | %s | %s | %.1f | %s | %s%s |" % (
            c.name, fmt_s(med), fmt_s(min(c.walls)), fmt_s(max(c.walls)), max(c.rss_kb) / 1024, ratio,
            rate, "; " + c.note if c.note else ""))
    return head + "\n".join(lines) + "\n"


def targets(results):
    """The project's targets, evaluated on the largest size."""
    rows = max(results)
    cs = {(c.name, c.kind): c for c in results[rows]}
    ok = lambda c: c is not None and not c.failed and c.walls
    med = lambda c: statistics.median(c.walls)
    out = []

    def line(text, cond, *need):
        if not all(ok(c) for c in need):
            out.append("- n/a (a contender failed): " + text)
        else:
            out.append("- %s: %s" % ("PASS" if cond() else "FAIL", text))

    yr, yw = cs.get((YUSUAN, "read")), cs.get((YUSUAN, "write"))
    for peer in ("python-calamine", "fastexcel"):
        p = cs.get((peer, "read"))
        if p is not None:
            line("Yusuan read of %d rows faster than %s" % (rows, peer), lambda p=p: med(yr) < med(p), yr, p)
    cf = cs.get(("c-floor", "read"))
    if cf is not None:
        line("Yusuan read of %d rows within 1.5× of the C floor" % rows, lambda: med(yr) <= 1.5 * med(cf), yr, cf)
    if yr is not None:
        line("Yusuan read peak RSS < 50 MB at %d rows" % rows, lambda: max(yr.rss_kb) < 50 * 1024, yr)
    cw = cs.get(("c-libxlsxwriter", "write"))
    if cw is not None:
        line("Yusuan write of %d rows within 1.2× of C libxlsxwriter constant_memory" % rows,
             lambda: med(yw) <= 1.2 * med(cw), yw, cw)
    return "\n".join(out) + "\n"


def memory_table(results):
    sizes = sorted(results)
    names = []
    for rows in sizes:
        for c in results[rows]:
            if (c.name, c.kind) not in names:
                names.append((c.name, c.kind))
    head = "| contender | " + " | ".join("%d rows" % s for s in sizes) + " |\n|---|" + "---:|" * len(sizes) + "\n"
    lines = []
    for name, kind in names:
        cells = []
        for rows in sizes:
            c = next((c for c in results[rows] if (c.name, c.kind) == (name, kind)), None)
            cells.append("—" if c is None or c.failed or not c.rss_kb else "%.1f MB" % (max(c.rss_kb) / 1024))
        lines.append("| %s %s | %s |" % (name, kind, " | ".join(cells)))
    return head + "\n".join(lines) + "\n"


def sh(argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def environment(args):
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
    except OSError:
        pass
    pkgs = []
    for p in ("python-calamine", "fastexcel", "pyarrow", "openpyxl", "XlsxWriter"):
        try:
            pkgs.append("%s %s" % (p, importlib.metadata.version(p)))
        except importlib.metadata.PackageNotFoundError:
            pkgs.append("%s missing" % p)
    debs = sh(["dpkg-query", "-W", "-f", "${Package} ${Version}, ",
               "libxlsxwriter-dev", "libzip-dev", "libxml2-dev"]).rstrip(", ")
    swift = sh(["swift", "--version"]).splitlines()
    commit = sh(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"])
    dirty = sh(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"])
    return [
        "- date: %s" % datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "- commit: %s%s" % (commit or "?", " (with uncommitted changes)" if dirty else ""),
        "- machine: %d CPU (%s), %s, load average at start %s" % (
            os.cpu_count(), cpu or "?", platform.platform(), "%.2f %.2f %.2f" % os.getloadavg()),
        "- Swift: %s" % (swift[0] if swift else "?"),
        "- C: %s; %s" % (sh(["cc", "--version"]).splitlines()[0] if sh(["cc", "--version"]) else "?", debs),
        "- Python %s: %s" % (platform.python_version(), ", ".join(pkgs)),
        "- runs: %d timed rounds per size after one untimed check round, interleaved" % args.runs,
    ]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="20000,200000")
    ap.add_argument("--skip", default="", help="comma list: contender names, or name-kind (yusuan-write)")
    ap.add_argument("--kinds", default="read,write", help="read, write or both")
    ap.add_argument("--results", default=os.path.join(HERE, "results", "latest.md"))
    ap.add_argument("--no-results", action="store_true", help="print only; do not write the results file")
    ap.add_argument("--sheets-bench", required=True)
    ap.add_argument("--alt-sheets-bench", help="another sheets-bench build to time beside it (e.g. an earlier commit)")
    ap.add_argument("--c-read", required=True)
    ap.add_argument("--c-write", required=True)
    ap.add_argument("--measure", required=True, help="the compiled benchmarks/c/measure.c")
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--data", default=os.path.join(HERE, "data"))
    ap.add_argument("--work", default=os.path.join(HERE, "work"))
    args = ap.parse_args()
    global MEASURE
    MEASURE = args.measure
    args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    args.skip = [s.strip() for s in args.skip.split(",") if s.strip()]
    args.kinds = [s.strip() for s in args.kinds.split(",") if s.strip()]
    if args.runs < 1 or not args.sizes:
        sys.exit("harness: --runs must be ≥ 1 and --sizes non-empty")
    os.makedirs(args.data, exist_ok=True)
    os.makedirs(args.work, exist_ok=True)

    env = environment(args)
    results = {}
    mismatches = []
    for rows in args.sizes:
        data, expected = ensure_data(args, rows)
        cs = contenders(args, data, rows)
        print("== %d rows: %s (expected %s)" % (rows, os.path.basename(data), expected), file=sys.stderr)
        swift_expect = sh([args.sheets_bench, "expect", str(rows)])
        if swift_expect and swift_expect != expected:
            mismatches.append("sheets-bench's row function disagrees with rows.h: %r" % swift_expect)
        cells = int(expected.split()[0].split("=")[1])
        for c in cs:
            c.cells = cells
            m = check(c, expected, args)
            if m:
                mismatches.append("%d rows: %s" % (rows, m))
            print("  check %-18s %-5s %s" % (c.name, c.kind, "FAILED " + c.failed if c.failed else
                                             ("MISMATCH" if m else "ok")), file=sys.stderr)
        results[rows] = cs
        if mismatches:
            continue
        for r in range(args.runs):
            for c in cs:
                if c.failed:
                    continue
                status, wall, rss, out, err = run_once(c.argv)
                if status != 0:
                    c.failed = "exit %d in round %d: %s" % (status, r + 1, short(err or out))
                    continue
                if c.kind == "read" and last_line(out) != expected:
                    mismatches.append("%d rows: %s read changed its answer in round %d: %r"
                                      % (rows, c.name, r + 1, last_line(out)))
                c.walls.append(wall)
                c.rss_kb.append(rss)
            print("  round %d/%d done" % (r + 1, args.runs), file=sys.stderr)

    if mismatches:
        print("\nCORRECTNESS MISMATCH — no times reported:", file=sys.stderr)
        for m in mismatches:
            print("  " + m, file=sys.stderr)
        sys.exit(1)

    doc = ["# Sheets benchmark results", ""] + env + [""]
    doc.append("Times are whole-process wall-clock medians (start-up and imports included). "
               "\"Yusuan ÷ this\" is Yusuan's median over this contender's median: below 1 means "
               "Yusuan is faster. Peak RSS is the largest ru_maxrss over the timed runs.\n")
    for rows in args.sizes:
        data = os.path.join(args.data, "budget-%d.xlsx" % rows)
        doc.append("## %d rows × 7 columns (%s, %.1f MB)\n" % (rows, os.path.basename(data),
                                                              os.path.getsize(data) / 1e6))
        for kind in ("read", "write"):
            if any(c.kind == kind for c in results[rows]):
                doc.append(table(results[rows], kind, rows))
    doc.append("## Peak memory as the sheet grows\n")
    doc.append(memory_table(results))
    doc.append("## Targets (largest size)\n")
    doc.append(targets(results))
    doc.append("- load average at end: %.2f %.2f %.2f\n" % os.getloadavg())
    text = "\n".join(doc)
    print(text)
    if not args.no_results:
        os.makedirs(os.path.dirname(args.results), exist_ok=True)
        with open(args.results, "w", encoding="utf-8") as f:
            f.write(text)
        print("wrote %s" % os.path.relpath(args.results, os.getcwd()), file=sys.stderr)


if __name__ == "__main__":
    main()
