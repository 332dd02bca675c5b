#!/usr/bin/env python3
"""Prints criterion's results (target/criterion/**/new/estimates.json) as BENCH lines:
`BENCH  soapgen  <benchmark id>  <mean ns>  ns`. Usage: criterion_lines.py CRITERION_DIR"""
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1])
for estimates in sorted(root.glob("**/new/estimates.json")):
    # The id as the bench named it (`seed/soap11/encode_request`); directory names flatten `/`.
    bench_id = json.loads((estimates.parent / "benchmark.json").read_text())["full_id"]
    mean = json.loads(estimates.read_text())["mean"]["point_estimate"]
    print(f"BENCH\tsoapgen\t{bench_id}\t{mean:.1f}\tns")
