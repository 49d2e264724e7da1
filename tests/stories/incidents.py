"""Story records of two invented incidents, shared by the tests of the story bench scripts."""

from __future__ import annotations


def record(i: int, story: str, day: str, title: str, text: str) -> dict[str, object]:
    """One article record as the story trainers read them (bench/train_stories.py)."""
    return {"id": f"a{i}", "story": story, "published": day, "source": f"site{i}.example",
            "title": title, "text": text}


LEAD = (
    "Two men were wounded late Friday outside the Ferncliff Lounge on Harbour Road, police in "
    "Dunmore said. Detective Walter Ostrander said both victims were taken to Saint Agnes."
)
OTHER = (
    "A woman was injured Sunday when shots hit a parked van on Quarry Lane in Belwick, the "
    "county sheriff said. Deputy Marisol Quenby said no arrest had been made."
)
