"""Performance benchmarks: a seeded news-like corpus and ``python -m benchmarks.perf``."""
