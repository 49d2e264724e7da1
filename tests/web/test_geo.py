from __future__ import annotations

import pytest

from europenews.web.geo import markers, project, radius, view_box, world_svg


def test_geo_world_svg_has_country_outlines():
    svg = world_svg()
    assert svg.startswith("<svg") and svg.count("<path") > 150
    assert "<title>Ukraine</title>" in svg


@pytest.mark.parametrize(("lat", "lon", "xy"), [
    (0.0, 0.0, (180.0, 90.0)), (46.6354, 32.6169, (212.617, 43.365)), (None, 3.0, None),
], ids=["origin", "kherson", "not-geocoded"])
def test_geo_project_plate_carree(lat, lon, xy):
    assert project(lat, lon) == xy


def test_geo_radius_grows_with_casualties_and_is_capped():
    assert radius(0) < radius(4) < radius(100) <= radius(10**6) == 9.0


def test_geo_view_box_zooms_on_points_and_stays_on_map():
    assert view_box([]) == "0 0 360 180"
    x0, y0, w, h = (float(v) for v in view_box([(212.6, 43.4)]).split())
    assert w == 2 * h and w < 360 and x0 <= 212.6 <= x0 + w and y0 <= 43.4 <= y0 + h
    x0, y0, w, h = (float(v) for v in view_box([(1.0, 1.0), (359.0, 179.0)]).split())
    assert (x0, y0, w, h) == (0.0, 0.0, 360.0, 180.0)


def test_geo_markers_skip_rows_without_coordinates():
    rows = [{"name": "Kherson", "lat": 46.6, "lon": 32.6, "killed": 4},
            {"name": "Nowhere", "lat": None, "lon": None, "killed": 9}]
    [m] = markers(rows, "killed", "event")
    assert m["name"] == "Kherson" and m["killed"] == 4
