"""Times Yusuan's validation of one department, per template set, in a release build.

    python3 run.py YUSUAN_BINARY RUNS IN [IN ...]

Each round runs `yusuan validate IN --timings --lang en` once per input (interleaved, so all
share the machine's noise; each round starts one input later). `--timings` measures inside the
process: reading, validating with the catalog loaded on first use, and validating again (the
rules alone). Prints the medians, the share of validation in the read + validate job, and each
median against the 10 ms target.
"""

import re
import statistics
import subprocess
import sys

TARGET_MS = 10.0
LINE = re.compile(r"read ([\d.]+) ms, validate \(loading the catalog\) ([\d.]+) ms, validate again ([\d.]+) ms")


def timings(yusuan, path):
    done = subprocess.run([yusuan, "validate", path, "--timings", "--lang", "en"], capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit("yusuan validate %s failed (%d): %s" % (path, done.returncode, done.stderr.strip()[-300:]))
    found = LINE.search(done.stderr)
    if not found:
        sys.exit("no --timings line for %s: %r" % (path, done.stderr[-300:]))
    # The report's second line says what the rules did: "80 rules: 56 passed, 1 with findings, …".
    return [float(x) for x in found.groups()], done.stdout.splitlines()[1]


def main():
    yusuan, runs, inputs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    samples = {p: [] for p in inputs}
    ran = {}
    for p in inputs:  # untimed warm-up, which also records what the rules did
        ran[p] = timings(yusuan, p)[1]
    for r in range(runs):
        for p in inputs[r % len(inputs):] + inputs[:r % len(inputs)]:
            samples[p].append(timings(yusuan, p)[0])
    print("| Input | Rules | Read (median ms) | Validate, catalog loading (ms) | Validate again (ms) | Validate ÷ (read + validate) | Validate ÷ 10 ms target |")
    print("|---|---|---|---|---|---|---|")
    worst = 0.0
    for p in inputs:
        read, first, again = (statistics.median(s[i] for s in samples[p]) for i in range(3))
        worst = max(worst, first)
        name = p.rsplit("/", 1)[-1]
        print("| %s | %s | %.1f | %.2f | %.2f | %.2f | %.2f |" % (name, ran[p], read, first, again, first / (read + first), first / TARGET_MS))
    print("\n%d rounds; the slowest department's validation median %.2f ms is %.2f× the 10 ms target." % (runs, worst, worst / TARGET_MS))
    if worst >= TARGET_MS:
        sys.exit(1)


if __name__ == "__main__":
    main()
