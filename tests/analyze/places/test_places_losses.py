"""bench/places_losses.py: each gold toponym's loss put down to one cause."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from europenews.analyze.places.geonames import parse_gazetteer
from europenews.analyze.places.toponyms import Toponym
from europenews.evaluate.geo import GoldToponym

BENCH = Path(__file__).resolve().parents[3] / "bench"
ROWS = [
    "country\t1\tAlbion\tAB\t54.0\t-2.0\t60000000\tAB\talbion|~albionese",
    "city\t2\tPortwick\tAB\t51.5\t-0.1\t900000\tAB.01\tportwick",
    "city\t3\tPortwick\tZZ\t10.0\t10.0\t5000\tZZ.01\tportwick",
]


@pytest.fixture(scope="module")
def losses():
    sys.path.insert(0, str(BENCH))
    try:
        import places_losses
    finally:
        sys.path.remove(str(BENCH))
    return places_losses


def test_places_losses_cause_of_each_gold_toponym(losses):
    gaz = parse_gazetteer(ROWS)
    gold = GoldToponym(10, 18, "Portwick", 51.5, -0.1)
    town = Toponym(10, 18, "Portwick")
    trace = losses.Trace()
    assert losses.cause(gold, 3.0, [town], gaz, trace) == "right"
    assert losses.cause(gold, None, [], gaz, trace) == "not_recognised"
    # Read as the namesake abroad while the right reading was a candidate.
    assert losses.cause(gold, 5000.0, [town], gaz, trace) == "wrong_reading"
    # Recognised, then dropped: as weak, or by the frame.
    trace.weak.add(10)
    assert losses.cause(gold, None, [town], gaz, trace) == "dropped_weak"
    trace.weak.clear()
    trace.frame.add("portwick")
    assert losses.cause(gold, None, [town], gaz, trace) == "dropped_frame"
    # No candidate near the gold point: the gazetteer's point or name differs.
    far = GoldToponym(10, 18, "Portwick", -40.0, 170.0)
    assert losses.cause(far, 9000.0, [town], gaz, trace) == "far_only"
    unknown = Toponym(10, 18, "Nowhereton")
    assert losses.cause(gold, None, [unknown], gaz, trace) == "no_reading"
