"""The offline world map: Natural Earth outlines (world-atlas TopoJSON) as one SVG, plus the
projection and marker sizing the templates use.

The outlines ship with the package (``static/countries-110m.json``, ISC licence, see
``static/LICENSE-world-atlas.txt``); no tile server and no outside request. Projection is
plate carrée: x = lon + 180, y = 90 - lat in a 360 × 180 viewBox, so markers need no maths.
"""

from __future__ import annotations

import itertools
import json
import math
from importlib import resources
from typing import Any

WIDTH, HEIGHT = 360.0, 180.0


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of each arc (TopoJSON arcs are quantised and delta-encoded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _path(ring: list[tuple[float, float]]) -> str:
    """SVG path data of a ring; a ring cut by the antimeridian (Russia, Fiji) is made
    continuous and drawn twice, 360° apart, so no stripe crosses the whole map."""
    jumps = sum(1 for a, b in itertools.pairwise(ring) if abs(a[0] - b[0]) > 180)
    # One jump is a ring around a pole (Antarctica): it is already right as it is.
    if jumps == 0 or jumps % 2:
        return _coords(ring)
    unwrapped = [ring[0]]
    for lon, lat in ring[1:]:
        prev = unwrapped[-1][0]
        lon += 360 * round((prev - lon) / 360)
        unwrapped.append((lon, lat))
    shift = -360 if max(p[0] for p in unwrapped) > 180 else 360
    return _coords(unwrapped) + _coords([(lon + shift, lat) for lon, lat in unwrapped])


def _coords(ring: list[tuple[float, float]]) -> str:
    coords = " ".join(f"{lon + 180:.2f},{90 - lat:.2f}" for lon, lat in ring)
    return f"M{coords}Z"


def world_svg() -> str:
    """The country outlines as a standalone SVG document (built once per app)."""
    raw = resources.files("europenews.web").joinpath("static/countries-110m.json").read_text(
        encoding="utf-8")
    topology = json.loads(raw)
    arcs = _decode_arcs(topology)
    paths = []
    for geom in topology["objects"]["countries"]["geometries"]:
        polygons = ([geom["arcs"]] if geom["type"] == "Polygon"
                    else geom["arcs"] if geom["type"] == "MultiPolygon" else [])
        d = "".join(_path(_ring(arcs, ring)) for poly in polygons for ring in poly)
        if d:
            name = str(geom.get("properties", {}).get("name", ""))
            name = name.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
            # Hairline borders at any zoom (the story and place maps zoom in on this file).
            paths.append(f'<path d="{d}" vector-effect="non-scaling-stroke">'
                         f'<title>{name}</title></path>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:g} {HEIGHT:g}" '
        f'width="{WIDTH:g}" height="{HEIGHT:g}">'
        '<rect width="360" height="180" fill="#cddff0"/>'
        '<g id="world" fill="#f7f5ef" stroke="#8593a0" stroke-width="0.6" fill-rule="evenodd">'
        + "".join(paths) + "</g></svg>"
    )


def project(lat: float | None, lon: float | None) -> tuple[float, float] | None:
    """SVG coordinates of a point, or None when it is not geocoded."""
    if lat is None or lon is None:
        return None
    return (round(float(lon) + 180.0, 3), round(90.0 - float(lat), 3))


def radius(value: float | int | None, base: float = 1.2, scale: float = 0.6,
           top: float = 9.0) -> float:
    """Marker radius growing with the square root of a count (area ∝ value)."""
    return round(min(top, base + scale * math.sqrt(max(float(value or 0), 0.0))), 2)


def view_box(points: list[tuple[float, float]], pad: float = 8.0,
             min_span: float = 24.0) -> str:
    """A viewBox around the points (the whole world when there are none), 2:1 like the map."""
    if not points:
        return f"0 0 {WIDTH:g} {HEIGHT:g}"
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    w = max(max(xs) - min(xs) + 2 * pad, (max(ys) - min(ys) + 2 * pad) * 2, min_span)
    w = min(w, WIDTH)
    h = w / 2
    x0 = min(max(cx - w / 2, 0.0), WIDTH - w)
    y0 = min(max(cy - h / 2, 0.0), HEIGHT - h)
    return f"{x0:.1f} {y0:.1f} {w:.1f} {h:.1f}"


def markers(rows: list[dict[str, Any]], size_key: str, kind: str) -> list[dict[str, Any]]:
    """Template-ready markers (x, y, r, label) for rows with ``lat``/``lon``/``name``."""
    out = []
    for row in rows:
        xy = project(row.get("lat"), row.get("lon"))
        if xy is None:
            continue
        counts: dict[str, Any] = {k: row[k] for k in ("killed", "injured", "events", "articles")
                                  if k in row}
        out.append({"x": xy[0], "y": xy[1], "r": radius(row.get(size_key)), "kind": kind,
                    "name": row.get("name") or "", "value": row.get(size_key) or 0, **counts})
    return out
