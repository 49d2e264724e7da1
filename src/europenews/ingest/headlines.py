"""Headlines without the site furniture that page titles carry.

A web page's ``<title>`` (and so a feed item's or a scraped article's title) often appends the
outlet and its slogan to the headline: "Council backs new bridge - Riverside 7 News|Riverside,
CA|News, Weather, Sports". :func:`clean_headline` keeps "Council backs new bridge". It is
applied to the title of every article stored (``stages.collect``) and to every title shown
(the site's ``headline`` filter, the CLI's text output), so old stored titles read clean too.

A trailing run of segments (after " - ", "|", " – ", " :: " ...) is cut when it starts with
an outlet and holds nothing but outlet furniture. A segment names an outlet when it is written
like a name (every word capitalised, a number, a web address, a connecting word such as "and"
or a newsroom word) and carries an outlet's mark: a web address ("KXYZ.com"), a broadcaster's
call sign ("WXYZ"), a network ("CBS"), a newsroom word ("News", "Weather", "Gazette", ...), or
in a short segment the article's own host or publisher name ("The Crumb Report" on
crumbreport.example). What follows the outlet may only be more of the same: places and slogans
written like names ("Riverside, Ohio", "News, Weather & Sports"). A short leading outlet
("CBS 12 - ...", "Breaking News - ...") is cut the same way when a headline of a few words
remains. Anything else, such as a headline's own dash ("Rail strike - day three"), stays, and
a title is never cut to less than two words.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# " - ", " – ", " — ", " :: ", " · ", " • ", and "|" with or without spaces. A bare hyphen
# ("drive-by", "KXYZ.com-Riverside") and a colon ("Police: two hurt") are part of the text.
_SEPARATOR = re.compile(r"\s+(?:-{1,2}|–|—|::|·|•)\s+|\s*\|\s*|\s+(?:-|–|—)$")
# Words that mark a newsroom or a publication when written like a name. Strong ones are rarely
# anything else in a title; weak ones ("Video", "Press", "Times") are often part of a headline,
# so they count only in a very short segment ("Lakeview Post", "Town Crier Online").
_STRONG_WORDS = frozenset({"news", "newsroom", "newschannel", "newscenter", "weather", "sports",
                           "herald", "journal", "tribune", "gazette", "examiner", "courier",
                           "chronicle", "observer", "telegraph", "dispatch", "bulletin",
                           "sentinel", "inquirer", "gazeta", "zeitung", "nachrichten",
                           "nouvelles", "noticias", "notizie"})
_WEAK_WORDS = frozenset({"sport", "video", "videos", "tv", "radio", "channel", "online", "times",
                         "post", "daily", "press", "magazine", "network", "media", "headlines",
                         "standard", "monitor", "register", "reporter"})
_NETWORKS = frozenset({"abc", "bbc", "cbs", "cnn", "fox", "nbc", "npr", "pbs", "msnbc",
                       "cnbc", "reuters", "afp", "upi", "itv", "sky", "rte", "dw", "ard",
                       "zdf", "rai", "ap"})
_CONNECTORS = frozenset({"and", "&", "of", "the", "for", "in", "on", "at", "to", "de", "la",
                         "le", "du", "des", "der", "die", "das", "und", "y", "e", "el"})
_DOMAIN = re.compile(r"[a-z0-9][a-z0-9-]*\.(?:com|net|org|tv|fm|us|co|uk|info|news|eu|de|"
                     r"fr|it|es|nl|pl|ie|ca|au|biz|io|online|media)\b", re.I)
# A quotation or a [bracket] belongs to a headline ('"Anthem" [Music Video]'), not to a name.
_QUOTED = re.compile(r"[“”\"\[\]]|(?:^|\s)['‘]")
_CALL_SIGN = re.compile(r"[KW][A-Z]{3}(?:-(?:TV|DT|FM|AM))?")  # US broadcasters: WXYZ, KABC-TV
# Four-letter words a headline in capitals uses that look like call signs.
_CAPITAL_WORDS = frozenset({"WHAT", "WHEN", "WILL", "WELL", "WITH", "WERE", "WEEK", "WEST",
                            "WIFE", "WILD", "WISH", "WORK", "WORD", "WANT", "WAIT", "WALK",
                            "WALL", "WARM", "WARN", "WASH", "WAVE", "WAYS", "WEAR", "WHOM",
                            "WINS", "WENT", "WIDE", "WAKE", "WAGE", "KILL", "KEEP", "KIND",
                            "KNOW", "KING", "KIDS", "KEYS", "KICK", "KNEW", "KEPT"})
_WORD_EDGES = ".,;:!?()[]\"'“”‘’/"
# Host labels that say nothing about the outlet.
_GENERIC_LABELS = frozenset({"www", "m", "amp", "mobile", "news", "blog", "blogs", "com", "net",
                             "org", "co", "uk", "us", "tv", "wordpress", "blogspot", "online",
                             "info", "media"})
HEADLINE_MIN_WORDS = 3  # a leading outlet is cut only when a headline this long remains
KEPT_MIN_WORDS = 2  # a trailing run is cut only when a headline this long remains
OUTLET_MAX_WORDS = 12  # "KXYZ News 12 Riverside, Arizona News, Weather & Sports" is 9
SHORT_OUTLET_WORDS = 6  # one strong newsroom word names an outlet this short; longer: two
WEAK_OUTLET_WORDS = 3  # a weak one ("Post", "Online"), one this short
OWN_NAME_MAX_WORDS = 4  # "The Crumb Report", "13 WXYZ Riverside"


def _compact(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def outlet_keys(source: str | None, url: str | None) -> frozenset[str]:
    """What names the article's own outlet: its host's distinctive labels and its publisher
    name, lower-cased without spaces ("www.kmov.example" → "kmov")."""
    keys: set[str] = set()
    hosts = [urlsplit(url).hostname or "" if url and "://" in url else ""]
    if source and " " not in source.strip() and "." in source:
        hosts.append(source.strip())
    elif source:
        keys.add(_compact(source))
    for host in hosts:
        labels = host.lower().split(".")[:-1]  # the last label is the top-level domain
        keys.update(_compact(label) for label in labels if label not in _GENERIC_LABELS)
    return frozenset(k for k in keys if len(k) >= 3)


def _written_like_a_name(segment: str) -> bool:
    """Every word capitalised, a number, a web address, a hashtag, a connector or a newsroom
    word ("News and Weather", "Region 8 News, weather, sports")."""
    words = [w.strip(_WORD_EDGES) for w in segment.split()]
    return all(not w or w[0].isupper() or w[0].isdigit() or w[0] in "#@"
               or w.lower() in _CONNECTORS or w.lower() in _STRONG_WORDS or w.lower() in _WEAK_WORDS
               or _DOMAIN.search(w) for w in words)


def _names_outlet(segment: str, keys: frozenset[str], strong_only: bool = False) -> bool:
    """Whether ``segment`` is an outlet's name (with its slogan); ``strong_only`` asks for a
    mark that is rarely anything else (a web address, a call sign, a network, a strong
    newsroom word, the article's own outlet)."""
    words = [w.strip(_WORD_EDGES) for w in segment.split()]
    words = [w for w in words if w]
    if not words or not _written_like_a_name(segment) or _QUOTED.search(segment):
        return False
    if not (words[0][0].isupper() or words[0][0].isdigit() or _DOMAIN.search(words[0])):
        return False  # "... - for the record": a lower-case start is the headline's own
    if _DOMAIN.search(segment):
        return True
    if len(words) > OUTLET_MAX_WORDS:
        return False
    strong = weak = 0
    short = len(words) <= SHORT_OUTLET_WORDS
    for word in words:
        # A call sign or a network names a short segment ("FOX 32 - KXYZ"); in a longer one
        # it is the headline's subject ("CNBC Host Grills Chief Executive On Air").
        if short and _CALL_SIGN.fullmatch(word) and word not in _CAPITAL_WORDS:
            return True
        if short and re.sub(r"\d+$", "", word.lower()) in _NETWORKS and word[0].isupper():
            return True
        parts = word.lower().split("-")  # "News-Journal", "Star-Tribune"
        strong += any(part in _STRONG_WORDS for part in parts)
        weak += any(part in _WEAK_WORDS for part in parts)
    # The outlet's own name: short, and one run of its words spells a host label or the
    # publisher ("CBS 58" on cbs58.example). A longer segment may merely name the same town.
    if len(words) <= OWN_NAME_MAX_WORDS:
        compact = [_compact(w) for w in words]
        runs = {"".join(compact[i:j]) for i in range(len(compact))
                for j in range(i + 1, len(compact) + 1)}
        if runs & keys:
            return True
    if strong >= 2 or (strong and short):
        return True
    return not strong_only and bool(weak) and len(words) <= WEAK_OUTLET_WORDS


def _furniture(segment: str, keys: frozenset[str]) -> bool:
    """May follow an outlet: nothing, or more words written like a name."""
    return not segment.strip() or _written_like_a_name(segment)


def _split(title: str) -> tuple[list[str], list[str]]:
    """The title's segments and the separators between them."""
    segments, separators, last = [], [], 0
    for m in _SEPARATOR.finditer(title):
        segments.append(title[last:m.start()])
        separators.append(m.group())
        last = m.end()
    segments.append(title[last:])
    return segments, separators


def _join(segments: list[str], separators: list[str]) -> str:
    out = segments[0]
    for sep, seg in zip(separators, segments[1:], strict=False):
        out += sep + seg
    return out


def _trailing_cut(segments: list[str], keys: frozenset[str]) -> int:
    """Where the outlet's trailing run starts (``len(segments)`` when there is none)."""
    for i in range(1, len(segments)):
        run = segments[i:]
        if not all(_furniture(s, keys) for s in run):
            continue
        outlet = next((s for s in run if s.strip()), None)
        kept = sum(len(s.split()) for s in segments[:i])
        if (outlet is None or _names_outlet(outlet, keys)) and kept >= KEPT_MIN_WORDS:
            return i
    return len(segments)


def _undouble(text: str) -> str:
    """A headline a scraper read twice ("Two hurtTwo hurt") once."""
    half, odd = divmod(len(text), 2)
    if not odd and half >= 10 and text[:half] == text[half:]:
        return text[:half]
    return text


def clean_headline(title: str | None, source: str | None = None,
                   url: str | None = None) -> str | None:
    """``title`` without the outlet's name and slogans (see the module docstring); ``source``
    (publisher or host name) and ``url`` recognise the article's own outlet. None stays None."""
    if title is None:
        return None
    text = " ".join(title.split())
    if not text:
        return text
    keys = outlet_keys(source, url)
    segments, separators = _split(text)
    cut = _trailing_cut(segments, keys)
    segments, separators = segments[:cut], separators[:cut - 1]
    if (len(segments) > 1 and len(segments[0].split()) <= OWN_NAME_MAX_WORDS
            and _names_outlet(segments[0], keys, strong_only=True)
            and len(_join(segments[1:], separators[1:]).split()) >= HEADLINE_MIN_WORDS):
        segments, separators = segments[1:], separators[1:]
    return _undouble(_join(segments, separators).rstrip(" -–—|·•").strip()) or text
