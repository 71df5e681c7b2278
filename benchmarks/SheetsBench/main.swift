// Benchmark driver for the Sheets module (see benchmarks/README.md).
print("sheets-bench: not yet implemented")
