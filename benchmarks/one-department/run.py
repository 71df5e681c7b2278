"""Times the one-department job as whole processes: Yusuan against the openpyxl script.

    python3 run.py YUSUAN_BINARY INPUT.xlsx [RUNS]

Each round runs, in turn (interleaved, so both share the machine's noise):
  - yusuan convert IN -o out.xlsx      (formatted workbook)
  - yusuan convert IN -o out.json      (JSON model)
  - yusuan convert IN -o out.xlsx -o out.json  (both from one reading: the job as one process)
  - python3 openpyxl_job.py IN out.xlsx out.json   (both outputs in one process)
Round k starts with the k-th command (rotating), so that no command always runs right after the
same one. With YUSUAN_ALT=PATH (e.g. another build), that binary's two calls join each round.
One untimed warm-up round first checks that every command succeeds and writes its outputs.
Wall time per process comes from time.perf_counter around posix_spawn + wait4; peak RSS is the
child's ru_maxrss from wait4. Prints medians, min/max, and the ratios.
"""

import os
import platform
import shutil
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(argv):
    """Runs argv to completion; returns (wall s, CPU s, peak RSS KB). Fails loudly on exit != 0."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    t0 = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    os.close(devnull)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("failed (%d): %s" % (os.waitstatus_to_exitcode(status), " ".join(argv)))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main():
    yusuan, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    out = tempfile.mkdtemp(prefix="yusuan-one-department-")
    try:
        measure(yusuan, source, runs, out)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def measure(yusuan, source, runs, out):
    """Runs the rounds with outputs in the folder `out` and prints the tables and ratios."""
    y_xlsx, y_json = os.path.join(out, "yusuan.xlsx"), os.path.join(out, "yusuan.json")
    p_xlsx, p_json = os.path.join(out, "openpyxl.xlsx"), os.path.join(out, "openpyxl.json")

    def fresh(*paths):
        for p in paths:
            if os.path.exists(p):
                os.remove(p)

    commands = {
        "yusuan → xlsx": [yusuan, "convert", source, "-o", y_xlsx],
        "yusuan → json": [yusuan, "convert", source, "-o", y_json],
        "yusuan → xlsx + json (one call)": [yusuan, "convert", source, "-o", y_xlsx, "-o", y_json],
        "openpyxl script → xlsx + json": [sys.executable, os.path.join(HERE, "openpyxl_job.py"), source, p_xlsx, p_json],
    }
    alt = os.environ.get("YUSUAN_ALT")
    if alt:
        commands["alt yusuan → xlsx"] = [os.path.abspath(alt), "convert", source, "-o", y_xlsx]
        commands["alt yusuan → json"] = [os.path.abspath(alt), "convert", source, "-o", y_json]
    walls = {k: [] for k in commands}
    cpus = {k: [] for k in commands}
    rss = {k: 0 for k in commands}
    names = list(commands)
    for round_ in range(runs + 1):
        # Each round starts one command later, so that no command always follows the same one.
        for name in names[round_ % len(names):] + names[:round_ % len(names)]:
            argv = commands[name]
            fresh(y_xlsx, y_json, p_xlsx, p_json)
            wall, cpu, peak = run(argv)
            if round_ == 0:
                continue  # warm-up: checks the command and fills the page cache
            walls[name].append(wall)
            cpus[name].append(cpu)
            rss[name] = max(rss[name], peak)
    med = {k: statistics.median(v) for k, v in walls.items()}
    sums = [a + b for a, b in zip(walls["yusuan → xlsx"], walls["yusuan → json"])]
    y_total = statistics.median(sums)
    cpu_med = {k: statistics.median(v) for k, v in cpus.items()}
    cpu_sums = [a + b for a, b in zip(cpus["yusuan → xlsx"], cpus["yusuan → json"])]
    y_cpu = statistics.median(cpu_sums)
    py = med["openpyxl script → xlsx + json"]
    print("machine: %d CPU, %s, load %s; Python %s" % (
        os.cpu_count(), platform.platform(), " ".join("%.2f" % x for x in os.getloadavg()), platform.python_version()))
    print("input: %s (%d bytes); %d timed rounds after 1 warm-up, interleaved" % (
        os.path.basename(source), os.path.getsize(source), runs))
    print()
    print("| process | wall median ms | wall min ms | wall max ms | CPU median ms | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in commands:
        v = walls[name]
        print("| %s | %.1f | %.1f | %.1f | %.1f | %.1f |" % (
            name, med[name] * 1e3, min(v) * 1e3, max(v) * 1e3, cpu_med[name] * 1e3, rss[name] / 1024))
    print("| yusuan, both calls (sum per round) | %.1f | %.1f | %.1f | %.1f | |" % (
        y_total * 1e3, min(sums) * 1e3, max(sums) * 1e3, y_cpu * 1e3))
    print()
    py_cpu = cpu_med["openpyxl script → xlsx + json"]
    one = "yusuan → xlsx + json (one call)"
    print("openpyxl script ÷ yusuan, one call:     wall %.1f×, CPU %.1f×" % (py / med[one], py_cpu / cpu_med[one]))
    print("openpyxl script ÷ yusuan, two calls:    wall %.1f×, CPU %.1f×" % (py / y_total, py_cpu / y_cpu))
    print("openpyxl script ÷ yusuan → xlsx alone:  wall %.1f×, CPU %.1f×" % (
        py / med["yusuan → xlsx"], py_cpu / cpu_med["yusuan → xlsx"]))
    # Both processes of a round ran within the same second, so their ratio shares that moment's noise.
    paired = sorted(p / y for p, y in zip(walls["openpyxl script → xlsx + json"], walls[one]))
    print("same-round ratios, one call (wall):     median %.1f×, %d of %d rounds ≥ 20×" % (
        statistics.median(paired), sum(r >= 20 for r in paired), len(paired)))
    if alt:
        a_sums = [a + b for a, b in zip(walls["alt yusuan → xlsx"], walls["alt yusuan → json"])]
        a_cpu = [a + b for a, b in zip(cpus["alt yusuan → xlsx"], cpus["alt yusuan → json"])]
        print("openpyxl script ÷ alt yusuan (%s), both calls: wall %.1f× (%.1f ms), CPU %.1f×" % (
            alt, py / statistics.median(a_sums), statistics.median(a_sums) * 1e3, py_cpu / statistics.median(a_cpu)))
    # The job is one process on each side: the script writes both outputs, and so does one convert call.
    print("target ≥ 20× (wall, one call): %s" % ("met" if py / med[one] >= 20 else "NOT met"))


if __name__ == "__main__":
    main()
