"""The docs describe what ships: every command, factory and API route is documented."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_cli_reference_is_current() -> None:
    generated = load_script("gen_cli_docs").render()
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == generated, (
        "docs/cli.md is stale: run .venv/bin/python scripts/gen_cli_docs.py"
    )


def test_docs_components_lists_every_factory() -> None:
    import tomllib

    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    factories = pyproject["project"]["entry-points"]["spacy_factories"]
    text = (DOCS / "components.md").read_text(encoding="utf-8")
    missing = [name for name in factories if f"`{name}`" not in text]
    assert not missing, f"undocumented factories: {missing}"


def test_docs_components_lists_every_doc_extension() -> None:
    from europenews.analyze.extensions import DOC_EXTENSIONS

    text = (DOCS / "components.md").read_text(encoding="utf-8")
    missing = [name for name in DOC_EXTENSIONS if f"`doc._.{name}`" not in text]
    assert not missing, f"undocumented Doc extensions: {missing}"


def served_routes(routes) -> list[tuple[str, str]]:
    """(method, path) of every route, through included routers (FastAPI wraps them)."""
    found = []
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            found += served_routes(inner.routes)
        for method in getattr(route, "methods", None) or ():
            if method != "HEAD":
                found.append((method, route.path))
    return found


def documented_paths(text: str) -> set[str]:
    """Every `span` of the page, without a query string and with path parameters as {}."""
    spans = re.findall(r"`([^`\n]+)`", text)
    return {re.sub(r"\{[^}]*\}", "{}", span.split("?")[0]) for span in spans}


def test_docs_api_lists_every_route() -> None:
    pytest.importorskip("fastapi")
    from europenews.config import Settings
    from europenews.web.app import create_app

    app = create_app(Settings(db="sqlite://"), admin_token="a token")
    routes = served_routes(app.routes)
    assert ("GET", "/api/stories/{story_id}") in routes, "routes not found: has FastAPI changed?"
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    # The JSON API and the feeds are the contract: each as `METHOD /path`, parameters named.
    contract = [(m, p) for m, p in routes if p.startswith(("/api/", "/feeds/"))]
    missing = [f"{m} {p}" for m, p in contract if f"`{m} {p}`" not in text]
    assert not missing, f"undocumented API routes: {missing}"
    # Pages: the path, as a reader types it (parameters may be named otherwise).
    documented = documented_paths(text)
    pages = {re.sub(r"\{[^}]*\}", "{}", p) for m, p in routes if (m, p) not in contract}
    assert not sorted(pages - documented), f"undocumented pages: {sorted(pages - documented)}"


def test_docs_readme_opens_with_the_two_commands() -> None:
    head = (REPO / "README.md").read_text(encoding="utf-8")[:600]
    assert "make run" in head and "make test" in head


def headings(text: str) -> set[str]:
    """The Markdown headings of a document, outside fenced code, without their '#' marks."""
    found, fenced = set(), False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("#"):
            found.add(line.lstrip("#").strip())
    return found


def quoted(group: str) -> list[str]:
    return re.findall(r'"([^"]+)"', group)


def archive_references(text: str) -> list[str]:
    """Section names cited as '(archive, section "…")' or '(archive, sections "…" and "…")'."""
    cited = re.findall(r'archive, sections? ((?:"[^"\n]+"(?:, | and )?)+)', text)
    return [name for group in cited for name in quoted(group)]


def archive_citations(text: str) -> list[str]:
    """Section names cited as 'docs/benchmarks-archive.md, "…"' (line breaks read as spaces)."""
    flat = re.sub(r"\s+", " ", text)
    cited = re.findall(r'benchmarks-archive\.md`?,? (?:under )?((?:"[^"]+"(?:, | and )?)+)', flat)
    return [name for group in cited for name in quoted(group)]


def test_docs_archive_references_name_a_section() -> None:
    archive = headings((DOCS / "benchmarks-archive.md").read_text(encoding="utf-8"))
    text = (DOCS / "benchmarks.md").read_text(encoding="utf-8")
    cited = archive_references(text)
    assert cited, "benchmarks.md cites no archive section: has the reference form changed?"
    missing = sorted({name for name in cited if name not in archive})
    assert not missing, f"benchmarks.md cites archive sections that do not exist: {missing}"


def test_docs_benchmarks_cites_sections_only_in_the_archive() -> None:
    """benchmarks.md keeps no history sections, so a bare '(section "…")' leads nowhere."""
    text = (DOCS / "benchmarks.md").read_text(encoding="utf-8")
    bare = re.findall(r'(?<!archive, )\bsections? "([^"\n]+)"', text)
    assert not bare, f'cite these as (archive, section "…"): {bare}'


def test_docs_other_pages_cite_archive_sections_that_exist() -> None:
    archive = headings((DOCS / "benchmarks-archive.md").read_text(encoding="utf-8"))
    pages = [REPO / "README.md", *sorted(DOCS.glob("*.md"))]
    missing = {
        (page.name, name)
        for page in pages
        if page.name != "benchmarks-archive.md"
        for name in archive_citations(page.read_text(encoding="utf-8"))
        if name not in archive
    }
    assert not missing, f"citations of archive sections that do not exist: {sorted(missing)}"


def test_docs_archive_citations_found_in_sample() -> None:
    sample = '# Top\n\n## A (1)\n\n```\n# not a heading\n```\n\n### B\n'
    assert headings(sample) == {"Top", "A (1)", "B"}
    cited = archive_references('(archive, sections "A (1)" and "B"); (archive, section "C")')
    assert cited == ["A (1)", "B", "C"]
    prose = ('see docs/benchmarks-archive.md, "Long\n   name" and "D";'
             ' `docs/benchmarks-archive.md`, "E"')
    assert archive_citations(prose) == ["Long name", "D", "E"]
