"""Benchmarks: run with `make bench`. Figures go to docs/benchmarks.md, never into tests."""
