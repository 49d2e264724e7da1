"""Accuracy floors (bench/floors.json): CI fails when a score drops below its floor.

Each evaluation runs on a fixed slice of its shared data set, through the same
``europenews.evaluate`` functions as ``europenews eval``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from europenews.config import Settings

REPO = Path(__file__).resolve().parent.parent
FLOORS = json.loads((REPO / "bench" / "floors.json").read_text(encoding="utf-8"))
EVALUATORS = {
    "ner": "europenews.evaluate.ner:evaluate_ner",
    "quotes": "europenews.evaluate.quotes:evaluate_quotes",
    "geo": "europenews.evaluate.geo:evaluate_geo",
    "events": "europenews.evaluate.events:evaluate_events",
}

pytestmark = pytest.mark.slow


def metric(result: dict[str, Any], dotted: str) -> float:
    """``a.b.c`` → result["a"]["b"]["c"]; a key that itself holds a dot ("threshold_0.5")
    is matched whole."""
    value: Any = result
    rest = dotted
    while rest:
        key = next((k for k in value if rest == k or rest.startswith(k + ".")), None)
        if key is None:
            raise KeyError(rest)
        value, rest = value[key], rest[len(key) + 1:]
    return float(value)


@pytest.mark.parametrize("task", sorted(EVALUATORS))
def test_floors_hold(task: str, shared_data: Path) -> None:
    import importlib

    spec = FLOORS[task]
    module, func = EVALUATORS[task].split(":")
    evaluate = getattr(importlib.import_module(module), func)
    result = evaluate(shared_data / spec["data"], Settings(), limit=spec["limit"])
    below = {name: (metric(result, name), floor) for name, floor in spec["metrics"].items()
             if metric(result, name) < floor}
    assert not below, f"{task}: below floor (score, floor): {below}"
