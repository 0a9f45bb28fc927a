"""Benchmarks (`python -m bench.<name>`): each prints its figures against a baseline
measured in the same run; docs/benchmarks.md records them. They use the product; the
product never imports them."""
