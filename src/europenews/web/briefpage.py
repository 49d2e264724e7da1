"""A brief on the story page, and as a page of its own (``europenews brief --format html``).

Both render ``templates/_brief.html``; the stand-alone page carries the site's CSS and the
world outline inline, so the file opens anywhere without the server.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

from europenews.briefdata import Brief
from europenews.web.geo import world_svg
from europenews.web.pages import map_context

_WORLD_GROUP = re.compile(r'<g id="world".*</g>', re.S)


def brief_map(brief: dict[str, Any]) -> dict[str, Any]:
    """The brief's places as a small zoomed map (``_map.html``)."""
    return map_context([dict(p) for p in brief["places"]], [], zoom=True)


def standalone_html(brief: Brief) -> str:
    """The brief as one HTML document; links point at a server on localhost:8000."""
    from europenews.web.app import make_templates

    data = brief.to_dict()
    css = resources.files("europenews.web").joinpath("static/site.css").read_text("utf-8")
    world = _WORLD_GROUP.search(world_svg())
    template = make_templates().env.get_template("brief_page.html")
    context = {"brief": data, "brief_map": brief_map(data), "base": "http://localhost:8000",
               "css": css, "world": world.group(0) if world else ""}
    html = template.render(**context)
    # The outline is in this document, not at the server's /world.svg.
    return html.replace('href="/world.svg#world"', 'href="#world"')
