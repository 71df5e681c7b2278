"""Reading cost of each shipped template set against the Datong sample, whole processes side by side.

    python3 run.py YUSUAN_BINARY [ROUNDS]

Each round runs `yusuan convert IN -o OUT.json` (read every sheet, detect the set, read the tables,
validate, write JSON) for every input, in an order that rotates from round to round so that no
input always follows the same one. Prints, per input, the median wall time, the ratio to the
Datong sample's median (issue: at most 1.5x per department), and the time per non-empty cell.
"""

import os
import statistics
import sys
import tempfile
import time
import zipfile
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
INPUTS = [
    ("datong (sample, 13 tables)", "samples/datong-kejiju-2023/input/datong-kejiju-2023.xlsx"),
    ("shanghai dept (PDF pages)", "Tests/Fixtures/real/shanghai/department-budget-2026.pdf-pages.xlsx"),
    ("shanghai unit (PDF pages)", "Tests/Fixtures/real/shanghai/unit-budget-2026.pdf-pages.xlsx"),
    ("shanghai dept (template)", "Tests/Fixtures/real/shanghai/department_budget_template.xlsx"),
    ("jiangsu (PDF pages)", "Tests/Fixtures/real/jiangsu/tables-2019.pdf-pages.xlsx"),
]


def cells(path):
    """Non-empty cells of a workbook (the `<c>` elements holding a value)."""
    with zipfile.ZipFile(path) as z:
        return sum(len(re.findall(rb"<c [^>]*>(?:<f>[^<]*</f>)?<v>|<c [^>]*t=\"inlineStr\"", z.read(n)))
                   for n in z.namelist() if n.startswith("xl/worksheets/sheet"))


def run(argv):
    devnull = os.open(os.devnull, os.O_WRONLY)
    t0 = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
    _, status, _ = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    os.close(devnull)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit("failed (%d): %s" % (os.waitstatus_to_exitcode(status), " ".join(argv)))
    return wall


def main():
    binary = os.path.abspath(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 41
    out = tempfile.mkdtemp(prefix="yusuan-template-sets-")
    inputs = [(name, os.path.join(ROOT, path)) for name, path in INPUTS]
    times = {name: [] for name, _ in inputs}
    try:
        for name, path in inputs:  # warm-up: every input converts
            run([binary, "convert", path, "-o", os.path.join(out, "w.json")])
        for k in range(rounds):
            order = inputs[k % len(inputs):] + inputs[:k % len(inputs)]
            for name, path in order:
                times[name].append(run([binary, "convert", path, "-o", os.path.join(out, "r.json")]))
    finally:
        for f in os.listdir(out):
            os.remove(os.path.join(out, f))
        os.rmdir(out)
    base = statistics.median(times[inputs[0][0]])
    print("%-28s %10s %8s %8s %12s" % ("input", "median ms", "ratio", "cells", "us/cell"))
    for name, path in inputs:
        m = statistics.median(times[name])
        n = cells(path)
        print("%-28s %10.2f %7.2fx %8d %12.2f" % (name, m * 1e3, m / base, n, m * 1e6 / max(n, 1)))
    print("(%d rounds, load %.2f)" % (rounds, os.getloadavg()[0]))


if __name__ == "__main__":
    main()
