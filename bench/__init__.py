"""Benchmarks (not tests): `python -m bench [NAME ...] [--quick]`; results in docs/benchmarks.md."""
