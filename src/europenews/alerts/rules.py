"""An alert rule: a name, the conditions a story must meet (all of them), and how hits go out.

Rules come from ``[[alerts]]`` tables in the TOML configuration (or a rules file for
``alerts replay``) or from the admin API as JSON; both go through :func:`parse_rule`, so a
rule means the same wherever it was written::

    [[alerts]]
    name = "deadly shooting"
    event = { killed_at_least = 3, country = "US" }

    [[alerts]]
    name = "Zelensky on NATO"
    query = "NATO"                      # the search syntax, over the story's articles
    entity = "Zelensky"                 # canonical: every known spelling matches
    quote = { speaker = "Zelenskyy", text = "NATO" }
    story = { breaking = true, sources_at_least = 3 }
    frequency = "hourly"                # immediately | hourly | daily
    webhook = "https://example.org/hook"
    secret = "..."                      # HMAC-SHA256 key of the webhook's signature
    email = ["desk@example.org"]

A rule with no condition at all is refused (it would fire for every story).
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from europenews.errors import ConfigError

FREQUENCIES = ("immediately", "hourly", "daily")
_KEYS = {"name", "query", "entity", "quote", "event", "story", "frequency", "webhook",
         "secret", "email"}
_EVENT_KEYS = {"killed_at_least", "injured_at_least", "country", "place", "lat", "lon",
               "radius_km", "confidence"}


@dataclass(frozen=True, slots=True)
class EventCondition:
    """A casualty event: the story's confident figures and where its main events are."""

    killed_at_least: int | None = None
    injured_at_least: int | None = None
    country: str | None = None  # ISO 3166-1 alpha-2, upper case
    place: str | None = None  # a place name its events or places carry
    lat: float | None = None  # with lon and radius_km: an event within the circle
    lon: float | None = None
    radius_km: float | None = None
    # The probability the casualty condition needs (0-1); None: alerts.match.alert_level().
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class QuoteCondition:
    """A quote by a speaker (canonical), optionally containing some words."""

    speaker: str
    text: str | None = None


@dataclass(frozen=True, slots=True)
class StoryCondition:
    """The story's own state: turned breaking, or reached some number of outlets."""

    breaking: bool = False
    sources_at_least: int | None = None


@dataclass(frozen=True, slots=True)
class AlertRule:
    """A named alert; every condition given must hold for a story to fire it."""

    name: str
    query: str | None = None
    entity: str | None = None
    quote: QuoteCondition | None = None
    event: EventCondition | None = None
    story: StoryCondition | None = None
    frequency: str = "immediately"
    webhook: str | None = None
    secret: str | None = None
    email: tuple[str, ...] = field(default=())

    def to_dict(self, with_secret: bool = False) -> dict[str, Any]:
        """The JSON form (the store keeps it; the API shows it without the secret)."""
        out = asdict(self)
        out["email"] = list(self.email)
        if not with_secret:
            out.pop("secret")
        for key in ("quote", "event", "story"):  # a condition lists only what it was given
            if isinstance(out[key], dict):
                out[key] = {k: v for k, v in out[key].items() if v is not None and v is not False}
        return {k: v for k, v in out.items() if v is not None and v != []}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(with_secret=True), ensure_ascii=False, sort_keys=True)


def _table(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table, e.g. {{ key = value }}")
    return value


def _opt_str(value: object, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: expected a non-empty string")
    return value.strip()


def _opt_int(value: object, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{where}: expected a whole number >= 0")
    return value


def _opt_float(value: object, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"{where}: expected a number")
    return float(value)


def _unknown(table: dict[str, Any], known: set[str], where: str) -> None:
    if extra := sorted(set(table) - known):
        raise ConfigError(f"{where}: unknown key {extra[0]!r} (known: {', '.join(sorted(known))})")


def _event(value: object, where: str) -> EventCondition:
    t = _table(value, where)
    _unknown(t, _EVENT_KEYS, where)
    country = _opt_str(t.get("country"), f"{where}.country")
    event = EventCondition(
        killed_at_least=_opt_int(t.get("killed_at_least"), f"{where}.killed_at_least"),
        injured_at_least=_opt_int(t.get("injured_at_least"), f"{where}.injured_at_least"),
        country=country.upper() if country else None,
        place=_opt_str(t.get("place"), f"{where}.place"),
        lat=_opt_float(t.get("lat"), f"{where}.lat"),
        lon=_opt_float(t.get("lon"), f"{where}.lon"),
        radius_km=_opt_float(t.get("radius_km"), f"{where}.radius_km"),
        confidence=_opt_float(t.get("confidence"), f"{where}.confidence"),
    )
    if event.confidence is not None and not 0.0 <= event.confidence <= 1.0:
        raise ConfigError(f"{where}.confidence: between 0 and 1")
    circle = (event.lat, event.lon, event.radius_km)
    if any(x is not None for x in circle) and not all(x is not None for x in circle):
        raise ConfigError(f"{where}: lat, lon and radius_km go together")
    if event.radius_km is not None and event.place is None and event.lat is None:
        raise ConfigError(f"{where}: radius_km needs lat and lon")
    if replace(event, confidence=None) == EventCondition():
        raise ConfigError(f"{where}: give at least one of {', '.join(sorted(_EVENT_KEYS))}")
    return event


def _quote(value: object, where: str) -> QuoteCondition:
    if isinstance(value, str):
        value = {"speaker": value}
    t = _table(value, where)
    _unknown(t, {"speaker", "text"}, where)
    speaker = _opt_str(t.get("speaker"), f"{where}.speaker")
    if speaker is None:
        raise ConfigError(f"{where}.speaker: who the quote is by is required")
    return QuoteCondition(speaker, _opt_str(t.get("text"), f"{where}.text"))


def _story(value: object, where: str) -> StoryCondition:
    t = _table(value, where)
    _unknown(t, {"breaking", "sources_at_least"}, where)
    breaking = t.get("breaking", False)
    if not isinstance(breaking, bool):
        raise ConfigError(f"{where}.breaking: expected true or false")
    cond = StoryCondition(breaking, _opt_int(t.get("sources_at_least"),
                                             f"{where}.sources_at_least"))
    if cond == StoryCondition():
        raise ConfigError(f"{where}: give breaking = true or sources_at_least")
    return cond


def _emails(value: object, where: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(x, str) and "@" in x for x in items):
        raise ConfigError(f"{where}: expected an address or a list of addresses")
    return tuple(items)


def parse_rule(data: object, where: str) -> AlertRule:
    """A rule from a TOML table or API JSON object; ``where`` prefixes every error."""
    t = _table(data, where)
    _unknown(t, _KEYS, where)
    name = _opt_str(t.get("name"), f"{where}.name")
    if name is None:
        raise ConfigError(f"{where}.name: every alert needs a name")
    frequency = t.get("frequency", "immediately")
    if frequency not in FREQUENCIES:
        raise ConfigError(f"{where}.frequency: one of {', '.join(FREQUENCIES)}")
    webhook = _opt_str(t.get("webhook"), f"{where}.webhook")
    if webhook and not webhook.startswith(("http://", "https://")):
        raise ConfigError(f"{where}.webhook: an http(s) URL")
    rule = AlertRule(
        name=name,
        query=_opt_str(t.get("query"), f"{where}.query"),
        entity=_opt_str(t.get("entity"), f"{where}.entity"),
        quote=_quote(t["quote"], f"{where}.quote") if "quote" in t else None,
        event=_event(t["event"], f"{where}.event") if "event" in t else None,
        story=_story(t["story"], f"{where}.story") if "story" in t else None,
        frequency=str(frequency),
        webhook=webhook,
        secret=_opt_str(t.get("secret"), f"{where}.secret"),
        email=_emails(t["email"], f"{where}.email") if "email" in t else (),
    )
    if not (rule.query or rule.entity or rule.quote or rule.event or rule.story):
        raise ConfigError(f"{where}: give at least one condition "
                          "(query, entity, quote, event or story)")
    return rule


def parse_rules(items: object, where: str) -> tuple[AlertRule, ...]:
    """The ``[[alerts]]`` array; names must differ (a hit is kept per rule name)."""
    if not isinstance(items, list):
        raise ConfigError(f"{where}: alerts must be an array of tables ([[alerts]])")
    rules = tuple(parse_rule(item, f"{where}: alerts[{i}]") for i, item in enumerate(items))
    seen: set[str] = set()
    for rule in rules:
        if rule.name in seen:
            raise ConfigError(f"{where}: two alerts are named {rule.name!r}")
        seen.add(rule.name)
    return rules


def parse_rules_toml(text: str, where: str) -> tuple[AlertRule, ...]:
    """The rules of a TOML document (its other sections are left to the configuration)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML ({exc})") from exc
    return parse_rules(data.get("alerts", []), where)


def rule_from_json(text: str) -> AlertRule:
    """A rule as the store keeps it (:meth:`AlertRule.to_json`)."""
    return parse_rule(json.loads(text), "stored alert")
