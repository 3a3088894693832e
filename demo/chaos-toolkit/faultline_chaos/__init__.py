"""Python probes and tolerances for the demo's Chaos Toolkit experiments.

Chaos Toolkit's HTTP probe sends one request; a fault that fails 30% of requests needs a sample to be
seen, so the frontend is probed the way its users meet it: many requests, a few at a time.
"""

import math
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import requests
from chaoslib.exceptions import ActivityFailed

__all__ = ["sample_frontend", "prometheus_value_at_most"]


def _one(url: str, timeout: float) -> tuple[float, bool]:
    started = time.monotonic()
    try:
        r = requests.get(url, timeout=timeout, headers={"x-faultline-client": "chaos-probe"})
        failed = r.status_code >= 500
    except requests.RequestException:
        failed = True
    return time.monotonic() - started, failed


def sample_frontend(url: str, samples: int = 16, timeout: float = 3, parallel: int = 4) -> dict[str, Any]:
    """The share of 5xx or unanswered requests and the 95th percentile latency of `samples` requests."""
    if samples < 1:
        raise ActivityFailed("samples must be at least 1")
    with ThreadPoolExecutor(max_workers=parallel) as pool:
        results = list(pool.map(lambda _: _one(url, timeout), range(samples)))
    durations = sorted(d for d, _ in results)
    failed = sum(1 for _, f in results if f)
    p95 = durations[min(len(durations) - 1, math.ceil(len(durations) * 0.95) - 1)]
    return {
        "samples": len(results),
        "failed": failed,
        "error_rate": failed / len(results),
        "p95_seconds": round(p95, 3),
    }


def prometheus_value_at_most(value: dict[str, Any] | None = None, maximum: float = 0) -> bool:
    """Tolerance for chaosprometheus' instant query: every sample at most `maximum`.

    Chaos Toolkit passes the probe's result as `value`; it checks a tolerance's declared arguments
    before the run, so `value` needs a default.

    No series, or NaN (0/0: no requests in the window), means nothing to judge and passes; a failed
    query does not.
    """
    if not isinstance(value, dict) or value.get("status") != "success":
        return False
    result = value.get("data", {}).get("result", [])
    samples = [float(series["value"][1]) for series in result]
    return all(math.isnan(s) or s <= maximum for s in samples)
