"""Shared helpers of the benchmark scripts: timing, medians and a uniform printout.

Benchmarks print figures instead of asserting them: timed tests flake on shared 2-core machines,
so each script measures a baseline in the same run and prints the ratio next to the goal.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

# Run from a checkout without installing: `python benchmarks/bench_x.py`.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
DOCS = Path(__file__).resolve().parent.parent / "docs"


def random_rows(framework, rng) -> dict[str, dict]:
    """One assessment's responses as a history would have them: every indicator scored, ~5 % N/A."""
    return {i.code: {"na": True} if rng.random() < 0.05 else {"level": rng.randint(1, 5)} for i in framework.indicators}


def timings_ms(fn: Callable[[], object], repeat: int, warmup: int = 1) -> list[float]:
    """Wall-clock milliseconds of `repeat` calls of fn, after `warmup` untimed calls."""
    for _ in range(warmup):
        fn()
    result = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        result.append((time.perf_counter() - start) * 1000)
    return result


def interleaved_medians(ours: Callable[[], object], baseline: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median milliseconds of `ours` and of `baseline`, run by turns so load from other processes falls
    on both alike."""
    mine, base = [], []
    for _ in range(repeat):
        mine += timings_ms(ours, 1, warmup=0)
        base += timings_ms(baseline, 1, warmup=0)
    return median(mine), median(base)


def median(values: list[float]) -> float:
    return statistics.median(values)


def report(name: str, value_ms: float, goal_ms: float | None = None, *, unit: str = "ms") -> bool:
    """Print one figure against its goal; returns whether the goal is met."""
    met = goal_ms is None or value_ms <= goal_ms
    goal = f"  (goal < {goal_ms:g} {unit}: {'met' if met else 'NOT MET'})" if goal_ms is not None else ""
    print(f"{name:<58} {value_ms:10.2f} {unit}{goal}")
    return met


def report_ratio(name: str, ratio: float, goal: float | None = None) -> bool:
    met = goal is None or ratio <= goal
    goal_text = f"  (goal ≤ {goal:g}×: {'met' if met else 'NOT MET'})" if goal is not None else ""
    print(f"{name:<58} {ratio:10.2f} ×{goal_text}")
    return met
