"""The link-on-context decision over a candidate's evidence (store/linkscore.py)."""

from __future__ import annotations

import pytest

from europenews.errors import InputError
from europenews.store.linkscore import (
    FEATURES,
    MIN_CONTEXT,
    LinkEvidence,
    LinkModel,
    enough_context,
)


def _evidence(**changes: object) -> LinkEvidence:
    values: dict[str, object] = dict(shared=0.0, role=False, candidates=1, named=True,
                                     single=True, person=True, acronym=False, size=3,
                                     mentions=2)
    values.update(changes)
    return LinkEvidence(**values)  # type: ignore[arg-type]


def test_no_context_never_links() -> None:
    assert enough_context(_evidence()) is None
    assert enough_context(_evidence(person=False, single=False)) is None


def test_the_one_person_known_by_a_surname_links_on_half_the_context() -> None:
    half = MIN_CONTEXT / 2
    assert enough_context(_evidence(shared=half)) == pytest.approx(half)
    # Two people known by that surname, or one known by the surname alone: the full context.
    assert enough_context(_evidence(shared=half, candidates=2)) is None
    assert enough_context(_evidence(shared=half, named=False)) is None
    assert enough_context(_evidence(shared=MIN_CONTEXT, candidates=2)) == MIN_CONTEXT


def test_a_shared_role_is_context() -> None:
    found = enough_context(_evidence(role=True, candidates=3))
    assert found is not None and found >= MIN_CONTEXT


def test_features_follow_their_names() -> None:
    features = _evidence(shared=7.0, candidates=4).features()
    assert len(features) == len(FEATURES)
    assert features[FEATURES.index("shared")] == 3.0  # capped
    assert features[FEATURES.index("single_shared")] == 3.0


def test_model_reads_its_weights_and_rejects_others() -> None:
    weights = [0.0] * len(FEATURES) + [0.0]
    weights[FEATURES.index("shared")] = 2.0
    model = LinkModel.from_dict({"features": list(FEATURES), "weights": weights,
                                 "threshold": 0.5})
    assert model.probability(_evidence()) == pytest.approx(0.5)
    assert model.probability(_evidence(shared=1.0)) > model.probability(_evidence(shared=0.5))
    with pytest.raises(InputError):
        LinkModel.from_dict({"features": ["shared"], "weights": [1.0, 0.0], "threshold": 0.5})
    with pytest.raises(InputError):
        LinkModel.from_dict({"features": list(FEATURES), "weights": [1.0], "threshold": 0.5})
