"""A brief as Markdown that reads like a news brief (``europenews brief --format md``).

Only what :class:`~europenews.briefdata.Brief` holds is written; a section without facts is
left out. Each quote, claim and figure links to the article it was read from.
"""

from __future__ import annotations

from europenews.briefdata import Brief, Figure, Said, Source, Speaker

KIND_WORDS = {"killed": "killed", "injured": "wounded"}


def _link(source: Source) -> str:
    label = source.outlet or "article"
    return f"[{label}]({source.url})" if source.url else label


def _quote(said: Said) -> str:
    text = said.text.strip().rstrip(",")
    return f"“{text}” ({_link(said.source)})"


def _speaker(s: Speaker) -> list[str]:
    who = f"**{s.name}**" + (f", {s.roles[0]}" if s.roles else "")
    if s.quote is not None:
        lines = [f"- {who}: {_quote(s.quote)}"]
    elif s.reported:
        first = s.reported[0]
        lines = [f"- {who}, reported: {first.text.rstrip('.')} ({_link(first.source)})"]
        return lines + [f"  - Also reported: {r.text.rstrip('.')} ({_link(r.source)})"
                        for r in s.reported[1:]]
    else:
        return [f"- {who}"]
    lines += [f"  - Also reported: {r.text.rstrip('.')} ({_link(r.source)})" for r in s.reported]
    return lines


def _figure(f: Figure) -> list[str]:
    if f.inferred_zero:
        return ["- No death figure is confident enough to show as the story's."]
    words = f"**{f.value} {KIND_WORDS.get(f.kind, f.kind)}**"
    where = f" in {f.place}" if f.place else ""
    by = f", according to {', '.join(f.given_by)}" if f.given_by else ""
    outlets = f"{f.outlets} outlet" + ("s" if f.outlets != 1 else "")
    trust = "the story's figure" if f.primary else (
        "also reported" if f.shown else f"reported, not confident enough to show "
                                        f"(confidence {f.confidence:.2f})")
    lines = [f"- {words}{where}{by} ({outlets}; {trust})"]
    lines += [f"  - “{e.sentence}” ({_link(e.source)})" for e in f.evidence[:2]]
    return lines


def brief_markdown(brief: Brief) -> str:
    """The brief as a Markdown document."""
    out = [f"# {brief.headline or '(untitled story)'}", ""]
    s = brief.sources
    span = s.first_seen[:10] if s.first_seen else "undated"
    if s.last_seen and s.first_seen and s.last_seen[:10] != s.first_seen[:10]:
        span += f" to {s.last_seen[:10]}"
    outlets = len(s.outlets)
    out += [f"*{s.articles} article{'s' if s.articles != 1 else ''} from {outlets} "
            f"outlet{'s' if outlets != 1 else ''}, {span}*", ""]
    if brief.lead:
        sources = list(dict.fromkeys(_link(x.source) for x in brief.lead))
        out += [" ".join(x.text for x in brief.lead) + f" ({'; '.join(sources)})", ""]
    # People the story names who said nothing are named once, apart: a list headed "who said
    # what" must not read as if they had spoken.
    said = [s for s in brief.speakers if s.quote is not None or s.reported]
    named = [s for s in brief.speakers if s.quote is None and not s.reported]
    if said:
        out += ["## Who said what", ""]
        for speaker in said:
            out += _speaker(speaker)
        out.append("")
    if named:
        out += ([] if said else ["## People", ""]) + ["Also named: " + "; ".join(
            f"**{s.name}**" + (f", {s.roles[0]}" if s.roles else "") for s in named), ""]
    if brief.figures:
        out += ["## Figures", ""]
        for figure in brief.figures:
            out += _figure(figure)
        out.append("")
    if brief.places or brief.timeline:
        out += ["## Where and when", ""]
        if brief.places:
            out += ["Places: " + ", ".join(
                f"{p.name}" + (f" ({p.country})" if p.country else "") for p in brief.places),
                ""]
        for t in brief.timeline:
            added = [x for x in (", ".join(t.figures), ", ".join(t.speakers),
                                 ", ".join(t.places)) if x]
            labels = [label for label, items in (("figures", t.figures),
                                                  ("speakers", t.speakers),
                                                  ("places", t.places)) if items]
            what = "; ".join(f"{label}: {text}" for label, text in zip(labels, added,
                                                                        strict=True))
            when = t.published[:10] if t.published else "undated"
            title = t.title or "(untitled)"
            link = f"[{title}]({t.url})" if t.url else title
            out.append(f"- {when} · {t.outlet or 'unknown outlet'} · {link}"
                       + (f" — added {what}" if what else " — nothing new"))
        out.append("")
    out += ["## Sources", ""]
    out += [f"- {name}: {n} article{'s' if n != 1 else ''}" for name, n in s.outlets]
    if s.languages:
        out.append(f"- Languages: {', '.join(s.languages)}")
    if s.first_seen:
        out.append(f"- First seen {s.first_seen}, last seen {s.last_seen}")
    return "\n".join(out).rstrip() + "\n"
