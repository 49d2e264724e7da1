"""How far the gazetteer's country and first-level region points lie from GeoNames' own.

    .venv/bin/python bench/geo_points.py [../shared/data/geo/tr-news/TR-News.xml]

TR-News gold toponyms carry GeoNames' id and point. For each gold country (PCL*) and region
(ADM1) toponym, the record with the same GeoNames id in the shipped gazetteer gives our point;
a toponym whose two points lie more than 161 km apart is counted wrong by A@161 even when it
is read right. Prints the count and the places responsible, as JSON. Needs no model.
"""

from __future__ import annotations

import argparse
import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from europenews.analyze.places.geonames import distance_km, load_gazetteer

LIMIT_KM = 161.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "xml", type=Path, nargs="?", default=Path("../shared/data/geo/tr-news/TR-News.xml")
    )
    args = parser.parse_args()
    gaz = load_gazetteer()
    ours = {}
    for i in range(len(gaz.rows)):
        entry = gaz.entry(i)
        if entry.feature in ("country", "region") and entry.geonames_id:
            ours[entry.geonames_id] = entry
    counts: Counter[str] = Counter()
    off: Counter[tuple[str, int]] = Counter()
    for toponym in ET.parse(args.xml).getroot().iter("toponym"):
        tag = toponym.find("gaztag")
        code = (tag.findtext("fcode") or "") if tag is not None else ""
        if not (code.startswith("PCL") or code == "ADM1"):
            continue
        kind = "country" if code.startswith("PCL") else "region"
        counts[f"{kind}_gold"] += 1
        entry = ours.get(int(tag.get("geonameid", "0") or 0))
        if entry is None:
            counts[f"{kind}_not_in_gazetteer"] += 1
            continue
        km = distance_km(float(tag.findtext("lat")), float(tag.findtext("lon")),
                         entry.lat, entry.lon)
        if km > LIMIT_KM:
            counts[f"{kind}_over_{int(LIMIT_KM)}_km"] += 1
            off[(entry.name, round(km))] += 1
    print(json.dumps({
        **counts,
        "gold_toponyms": sum(1 for _ in ET.parse(args.xml).getroot().iter("toponym")),
        "off": [{"place": name, "km": km, "gold_toponyms": n}
                for (name, km), n in off.most_common()],
    }, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
