"""Run every benchmark (bench/bench_*.py), then write BENCHMARKS.md from the results.

    python bench/run_all.py [--only NAME ...] [--report-only]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", help="benchmark names, e.g. throughput events")
    ap.add_argument("--report-only", action="store_true", help="only regenerate BENCHMARKS.md")
    args = ap.parse_args()
    failed = []
    if not args.report_only:
        for script in sorted(HERE.glob("bench_*.py")):
            name = script.stem.removeprefix("bench_")
            if args.only and name not in args.only:
                continue
            print(f"\n### {name}", flush=True)
            t0 = time.perf_counter()
            res = subprocess.run([sys.executable, str(script)])
            print(f"({name}: {time.perf_counter() - t0:.0f} s, exit {res.returncode})", flush=True)
            if res.returncode:
                failed.append(name)
    subprocess.run([sys.executable, str(HERE / "report.py")], check=True)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
