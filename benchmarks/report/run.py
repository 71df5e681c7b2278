"""Times one department's HTML report: `yusuan report` against an openpyxl script that only
dumps the sheets as HTML tables (html_peer.py), and against `yusuan validate` (the same reading
and rules without the page), as whole processes, interleaved round by round.

    python3 run.py YUSUAN_BINARY [RUNS] IN.xlsx [IN.xlsx ...]

`yusuan report --timings` also prints its steps; the median of its 生成报告 step (rendering the
page) is the figure the target (< 50 ms, release build) is about. Prints medians and ratios.
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(argv):
    t0 = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    if done.returncode not in (0, 1):  # 1: written, with findings
        sys.exit(f"failed ({done.returncode}): {' '.join(argv)}\n{done.stderr}")
    return wall, done.stderr


def main():
    yusuan, runs, inputs = os.path.abspath(sys.argv[1]), int(sys.argv[2]), [os.path.abspath(p) for p in sys.argv[3:]]
    out = tempfile.mkdtemp(prefix="yusuan-report-bench-")
    try:
        page = os.path.join(out, "report.html")
        commands = {
            "yusuan report": [yusuan, "report", *inputs, "-o", page, "--timings"],
            "yusuan validate": [yusuan, "validate", *inputs],
            "openpyxl → HTML": [sys.executable, os.path.join(HERE, "html_peer.py"), os.path.join(out, "peer.html"), *inputs],
        }
        for argv in commands.values():
            timed(argv)  # warm-up, and a check that each works
        walls = {name: [] for name in commands}
        render = []
        names = list(commands)
        for k in range(runs):
            for name in names[k % len(names):] + names[:k % len(names)]:
                wall, stderr = timed(commands[name])
                walls[name].append(wall)
                if name == "yusuan report":
                    step = re.search(r"生成报告 ([0-9.]+) ms", stderr)
                    if not step:
                        sys.exit("no 生成报告 step in --timings:\n" + stderr)
                    render.append(float(step.group(1)))
        median = {name: statistics.median(v) * 1000 for name, v in walls.items()}
        print(f"{runs} interleaved rounds; inputs: {', '.join(os.path.basename(p) for p in inputs)}")
        print(f"| command | median wall | min | max |\n|---|---:|---:|---:|")
        for name, v in walls.items():
            print(f"| {name} | {median[name]:.1f} ms | {min(v) * 1000:.1f} ms | {max(v) * 1000:.1f} ms |")
        print(f"\nrendering the page (yusuan report's 生成报告 step): median {statistics.median(render):.1f} ms, "
              f"max {max(render):.1f} ms (target < 50 ms)")
        print(f"ratio openpyxl → HTML ÷ yusuan report: {median['openpyxl → HTML'] / median['yusuan report']:.1f}×")
        print(f"ratio yusuan report ÷ yusuan validate: {median['yusuan report'] / median['yusuan validate']:.2f}× "
              f"(what the page adds to reading and checking)")
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
