"""Name keys: compare people's and organisations' names across spellings.

Pure functions shared by in-article canonicalisation (analyze) and cross-article linking
(the store's entity table), so both agree on when two spellings are one name.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Transliteration variants of Slavic surnames: Zelenskyy / Zelensky / Zelenskiy / Zelenskyi,
# Kyiv / Kiev-style vowel pairs, Kharkiv / Charkiw, Olexandr / Oleksandr.
_ENDINGS = re.compile(r"(?:yy|iy|yi|ij|ii|yj)$")
_FOLDS = (
    (re.compile(r"kh|ch(?=[aeiouy])"), "h"),
    (re.compile(r"ck|ks|x"), "k"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"w"), "v"),
    (re.compile(r"j"), "y"),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"(?<=[^aeiou])tre$"), "ter"),  # Centre / Center, Theatre / Theater
)
_WORDS = re.compile(r"[\w’'-]+")


def strip_accents(text: str) -> str:
    """'Zelenskyy' stays; 'Rutté' → 'Rutte'."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Abbreviations of place-name words, written out: "Mt Cook" is "Mount Cook".
_ABBREVIATIONS = {"mt": "mount", "ft": "fort", "pt": "point"}


# Names repeat within an article and across a stream, and a key is eight regular-expression
# passes: in a profile of `ingest` (400 GVA articles) the 266,000 word keys were about 3 % of
# all the time. Bounded, so a long run does not grow with it.
@functools.lru_cache(maxsize=65_536)
def word_key(word: str) -> str:
    """A spelling-tolerant key for one word of a name."""
    w = strip_accents(word).lower().strip(".'’")
    if w.endswith(("’s", "'s")):
        w = w[:-2]
    w = _ABBREVIATIONS.get(w, w)
    w = _ENDINGS.sub("y", w)
    for pattern, repl in _FOLDS:
        w = pattern.sub(repl, w)
    return w


def name_key(name: str) -> str:
    """A spelling-tolerant key for a whole name: 'Volodymyr Zelenskyy' == 'Volodymyr Zelensky'."""
    return " ".join(word_key(w) for w in _WORDS.findall(name) if w)


# Words after a person's surname that are not the surname ("Teodor Vick Jr.").
SUFFIXES = frozenset(word_key(w) for w in ("jr", "sr", "ii", "iii", "iv"))
# Legal forms after a company's name: "Quillbyte Inc." is "Quillbyte".
DESIGNATORS = frozenset(
    word_key(w)
    for w in ("inc", "corp", "corporation", "co", "ltd", "llc", "plc", "lp", "llp", "gmbh", "ag")
)
# Last words of the names of places and institutions that the name is often written without
# ("the Lindgren Recovery Center" / "Lindgren Recovery"): the short name links only with context.
FACILITY_WORDS = frozenset(
    word_key(w)
    for w in ("center", "centre", "clinic", "hospital", "unit", "camp", "club", "arena",
              "stadium", "park", "prison", "hotel", "resort", "institute", "airport", "station")
)
FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "des", "la"})
# Transliteration variants of first names (Greek and Slavic names in English text):
# Giannis / Yiannis, Karolos / Carolos, Elias / Ilias, Oleksandr / Aleksandr is *not* one.
_LOOSE = (
    (re.compile(r"^(?:gi|yi|i)(?=[aeiou])"), "y"),
    (re.compile(r"^e(?=l)"), "i"),
    (re.compile(r"c(?=[aou])|q"), "k"),
    (re.compile(r"th"), "t"),
    (re.compile(r"ou"), "u"),
)


# Lower-case words that belong inside names ("Corriere della Sera", "Charles de Gaulle").
_PARTICLES = frozenset({"van", "von", "der", "den", "del", "della", "delle", "dei", "degli",
                        "des", "les", "los", "las", "dos", "das", "bin", "ibn", "und", "für",
                        "sur", "upon", "under", "zu", "ter", "af", "av", "til"})


def nicknamed(name: str) -> tuple[str, str] | None:
    """A name with a nickname in quotation marks between its words, as (the name without it,
    the nickname): ``Carmine "The Jaw" Falcone`` is ("Carmine Falcone", "The Jaw"); None for any
    other name. The person is keyed by the name; the nickname names them too."""
    found = _NICKNAMED.fullmatch(name.strip())
    if found is None:
        return None
    return f"{found['first']} {found['last']}", found["nick"].strip()


# First words, a nickname of one to four words in straight or curly marks, last words.
_NICKNAMED = re.compile(r"(?P<first>[^\W\d][^\"“”]*?)\s+[\"“‘](?P<nick>[^\"“”‘’]{2,40}?)[\"”’]\s+"
                        r"(?P<last>[^\W\d][^\"“”]*)")


def run_on_name(name: str) -> bool:
    """A name with a lower-case content word between its capitalised ones ("Dell resells
    SeaMicro"): the recogniser ran over a headline's verb; it is no body's name."""
    return any(w.isascii() and w.isalpha() and w.islower() and len(w) > 2
               and w not in FUNCTION_WORDS and w not in _PARTICLES
               for w in name.split()[1:-1])


def person_words(key: str) -> list[str]:
    """The words of a person's name key without suffixes ("jr") and initials' dots."""
    words = key.split()
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    return words


def surname_of(key: str) -> str:
    """The surname key of a person's name key ('' for an empty key)."""
    words = person_words(key)
    return words[-1] if words else ""


def core_key(key: str) -> str:
    """An organisation's or place's key without a leading "the" and trailing legal forms."""
    words = key.split()
    while len(words) > 1 and words[0] == "the":
        words.pop(0)
    while len(words) > 1 and words[-1] in DESIGNATORS:
        words.pop()
    return " ".join(words)


# "department of the interior" / "interior department": one body named in two word orders.
_BODY_OF = re.compile(r"^(?P<pre>(?:\S+ )*?)(?P<body>department|ministry) of (?:the )?"
                      r"(?P<what>[a-z]+)$")
_BODY_FOR = re.compile(r"^(?:\S+ )*?(?P<what>[a-z]+) (?:department|ministry)$")


def inverted_key(key: str) -> str:
    """The key of a body's name in the other word order ("us department of interior" → "us
    interior department"), or "" when the name is not "department/ministry of X"."""
    m = _BODY_OF.match(key)
    return f"{m['pre']}{m['what']} {m['body']}" if m else ""


def body_subject(key: str) -> str:
    """What a department or ministry is named for ("interior" for "interior department" and
    for "department of the interior"; the word an article may name it by alone), or ""."""
    m = _BODY_OF.match(key) or _BODY_FOR.match(key)
    return m["what"] if m and m["what"] not in FUNCTION_WORDS else ""


# First words that do not name anything on their own ("New York", "North Sea", "San Jose").
COMMON_FIRST = frozenset(
    {"new", "north", "south", "east", "west", "united", "national", "saint", "san", "santa",
     "los", "las", "fort", "mount", "lake", "port", "great", "royal", "american", "british",
     "international", "world", "first", "central", "general", "federal", "state", "city",
     "university", "bank", "club", "the", "upper", "lower", "grand", "old", "little"}
)


def name_shorts(key: str) -> set[str]:
    """Shorter forms an organisation's or place's name is written in, each a link only with
    context: its first word ("Lindgren" for "Lindgren Recovery"), its last two words ("Mount
    Kora" for "Aoraki Mount Kora"), its initials, and the name without a facility word."""
    words = key.split()
    out = {facility_short(key), initials_of(key)}
    if len(words) > 1 and len(words[0]) >= 4 and words[0] not in COMMON_FIRST | FUNCTION_WORDS:
        out.add(words[0])
    if len(words) > 2:
        out.add(" ".join(words[-2:]))
    return out - {"", key}


def facility_short(key: str) -> str:
    """'betty ford center' → 'betty ford'; '' when the name does not end in such a word."""
    words = key.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in FACILITY_WORDS else ""


def initials_of(key: str) -> str:
    """'advanced micro devices' → 'amd' (function words skipped); '' for one word."""
    words = [w for w in key.split() if w not in FUNCTION_WORDS]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def loose_word_key(key: str) -> str:
    """A looser key for first names spelt from another alphabet (Giannis ~ Yiannis)."""
    for pattern, repl in _LOOSE:
        key = pattern.sub(repl, key)
    return key


def first_names_agree(a: str, b: str) -> bool:
    """Whether two first-name keys can name one person: equal, an initial of the other
    ('v' ~ 'volodymyr') or a transliteration variant ('gianis' ~ 'yianis'); 'joe' !~ 'hunter'."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) == 1:
        return long_.startswith(short)
    return loose_word_key(a) == loose_word_key(b)


def spelt_alike(a: str, b: str, min_length: int = 5) -> bool:
    """Whether two name-word keys differ by one letter (added, dropped, changed or two swapped)
    and are long enough (``min_length``) for that to be a misspelling, not another name."""
    if a == b:
        return True
    if min(len(a), len(b)) < min_length or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and (
            a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def middle_names_clash(a: str, b: str) -> bool:
    """Whether two person keys of one surname both give middle names (or initials) that do not
    agree: "george h v bush" and "george v bush" are father and son, although each agrees
    with "george bush"."""
    wa, wb = person_words(a), person_words(b)
    if len(wa) < 3 or len(wb) < 3 or wa[-1] != wb[-1]:
        return False
    middle_a, middle_b = wa[1:-1], wb[1:-1]
    return len(middle_a) != len(middle_b) or not all(
        first_names_agree(x, y) for x, y in zip(middle_a, middle_b, strict=True))


def full_names_agree(a: str, b: str) -> bool:
    """Whether two multi-word person keys can name one person: same surname and agreeing first
    names ('christopher simpson' ~ 'christopher kenyon simpson'; 'v zelensky' ~ 'volodymyr
    zelensky')."""
    wa, wb = person_words(a), person_words(b)
    if len(wa) < 2 or len(wb) < 2 or wa[-1] != wb[-1]:
        return False
    if middle_names_clash(a, b):
        return False  # "George H. W. Bush" is not "George W. Bush"
    return first_names_agree(wa[0], wb[0])


# A name's sound across the spellings European languages give one Slavic (or any foreign) name:
# German sch / tsch, Polish sz / cz / w, Czech and Cyrillic-transliterated zh / ch / kh, and
# j / y / i for one sound (Selenskyj, Zełenski, Zelenskyy, Зеленский → "selenski"; Джонсон and
# Johnson → "ionson"). Only for comparing a name written in another language with the store's.
_SOUND = (
    (re.compile(r"ł"), "l"),
    # ``word_key`` has already written "ch" before a vowel as "h" (Kharkiv / Charkiw), so the
    # other spellings of that sound go the same way: Tschernow, Czernow, Chernov → "hernov".
    (re.compile(r"tsch|tsh|tch"), "h"),
    (re.compile(r"sch|sh|sz|zh"), "s"),
    (re.compile(r"cz|ch|kh"), "h"),
    (re.compile(r"ts"), "c"),
    (re.compile(r"ck|q"), "k"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"th"), "t"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"(?<=\w)h"), ""),  # silent or breathy after the first letter: Mohamed / Moamed
    (re.compile(r"w"), "v"),
    (re.compile(r"z"), "s"),
    (re.compile(r"[jy]"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),
)
# Case endings a declined name adds to its stem, written as ``sound_key`` writes them (Polish
# Asii / Asię, Czech Bibiová / Mulúka, Russian Асию / Джонсона / Зеленского, Ukrainian
# -ої); a name and its declined form differ only by these after a common stem.
CASE_ENDINGS = frozenset({
    "", "a", "e", "i", "o", "u", "ia", "ie", "ii", "iu", "io", "ei", "oi", "ego", "ogo", "emu",
    "omu", "om", "em", "im", "ami", "ac", "ov", "ova", "ove", "ovi", "ovo", "ovou", "ou",
    "va", "ve", "vou",  # Czech feminine of a surname in -o: Bilenko / Bilenková
})


def sound_key(word: str) -> str:
    """The sound of one name word (already a ``word_key``: lower-case Latin letters)."""
    for pattern, repl in _SOUND:
        word = pattern.sub(repl, word)
    return word


_VOWELS = re.compile(r"[aeiouy]")


def consonants(sound: str) -> str:
    """A sound key's first letter and its consonants (*ionson* → *insn*): the vowels are what
    languages and transliterations write most differently."""
    return sound[:1] + _VOWELS.sub("", sound[1:])


def inflected_alike(a: str, b: str, min_stem: int = 4) -> bool:
    """Whether two sound keys are one name declined ("ionson" / "ionsona", "asia" / "asii",
    "bibi" / "bibiova"): a common stem of ``min_stem`` letters or more, and what follows it in
    each is a case ending ("kim" / "kima" is too short to say)."""
    if a == b:
        return True
    stem = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        stem += 1
    return stem >= min_stem and a[stem:] in CASE_ENDINGS and b[stem:] in CASE_ENDINGS
