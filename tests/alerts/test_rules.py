"""Alert rules parse from TOML and JSON the same way; a bad rule says what is wrong."""

from __future__ import annotations

import pytest

from europenews.alerts.rules import parse_rule, parse_rules_toml, rule_from_json
from europenews.errors import ConfigError


def test_rules_the_documented_form_parses() -> None:
    rules = parse_rules_toml('[[alerts]]\nname = "deadly shooting"\n'
                             'event = { killed_at_least = 3, country = "us" }\n', "r.toml")
    assert len(rules) == 1
    rule = rules[0]
    assert rule.name == "deadly shooting"
    assert rule.event is not None
    assert (rule.event.killed_at_least, rule.event.country) == (3, "US")
    assert rule.frequency == "immediately"


def test_rules_round_trip_through_the_store_json() -> None:
    rule = parse_rule({"name": "n", "query": "flood", "entity": "Zelensky",
                       "quote": {"speaker": "Kallas", "text": "win"},
                       "story": {"sources_at_least": 4}, "frequency": "daily",
                       "webhook": "https://example.org/h", "secret": "s",
                       "email": "desk@example.org"}, "api")
    assert rule_from_json(rule.to_json()) == rule
    shown = rule.to_dict()
    assert "secret" not in shown and shown["story"] == {"sources_at_least": 4}


@pytest.mark.parametrize(("data", "message"), [
    ({"name": "x"}, "at least one condition"),
    ({"query": "x"}, "needs a name"),
    ({"name": "x", "event": {"killed_at_least": "three"}}, "whole number"),
    ({"name": "x", "event": {"lat": 1.0}}, "go together"),
    ({"name": "x", "event": {"dead": 3}}, "unknown key 'dead'"),
    ({"name": "x", "query": "q", "frequency": "weekly"}, "frequency"),
    ({"name": "x", "query": "q", "webhook": "ftp://h"}, "http(s)"),
    ({"name": "x", "story": {}}, "breaking = true or sources_at_least"),
])
def test_rules_refuse_bad_rules(data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_rule(data, "alert")


def test_rules_names_must_differ() -> None:
    text = '[[alerts]]\nname = "a"\nquery = "x"\n[[alerts]]\nname = "a"\nquery = "y"\n'
    with pytest.raises(ConfigError, match="two alerts"):
        parse_rules_toml(text, "r.toml")


def test_rules_in_the_run_configuration() -> None:
    from europenews.configfile import parse_config

    text = ('[[alerts]]\nname = "deadly shooting"\n'
            'event = { killed_at_least = 3, country = "US" }\n'
            '[delivery]\nsmtp_host = "mail.example.org"\nsmtp_port = 2525\n')
    config = parse_config(text, "europenews.toml", None)
    assert [r.name for r in config.alerts] == ["deadly shooting"]
    assert (config.delivery.smtp_host, config.delivery.smtp_port) == ("mail.example.org", 2525)
    with pytest.raises(ConfigError, match=r"delivery\.smtp_pass"):
        parse_config('[delivery]\nsmtp_pass = "x"\n', "europenews.toml", None)
