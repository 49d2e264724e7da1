"""The call the clustering stage makes after it assigns an article to a story.

:class:`AlertWatcher` is handed to ``stages.clustering.cluster_pending`` (``after_assign``); it
runs inside the same write as the assignment, so a hit is stored exactly when the story that
fired it is (a SIGKILL loses both or neither). A story of an incident another story already
fired for (``alerts.match.same_incident``) is recorded as that hit's repeat: it never fires.
The rules are read from the store and read again only when they change
(``store.alerts.rules_version``): rules added through the API apply to the next article
without a restart.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Connection

from europenews.alerts.match import match_rule, same_incident
from europenews.alerts.rules import AlertRule, rule_from_json
from europenews.errors import ConfigError
from europenews.store.alert_facts import resolve_rule, story_facts
from europenews.store.alerts import (
    has_hit,
    list_rules,
    recent_facts,
    record_hit,
    rules_version,
)

log = logging.getLogger(__name__)


class AlertWatcher:
    """Evaluates every stored rule on a story that changed; records new hits and updates old
    ones. ``fired`` counts the hits that were new (what a replay or a status line reports)."""

    def __init__(self) -> None:
        self.rules: tuple[AlertRule, ...] = ()
        self.version: tuple[Any, ...] | None = None
        self.fired = 0

    def _load(self, conn: Connection) -> None:
        version = rules_version(conn)
        if version == self.version:
            return
        rules = []
        for stored in list_rules(conn):
            try:
                rules.append(rule_from_json(stored.rule))
            except ConfigError as exc:  # a rule stored by an older version: skip, say so
                log.warning("alert %s: %s", stored.name, exc)
        self.rules, self.version = tuple(rules), version

    def __call__(self, conn: Connection, story_id: str) -> None:
        self._load(conn)
        if not self.rules:
            return
        facts = story_facts(conn, story_id)
        if facts is None:
            return
        for rule in self.rules:
            fact = match_rule(rule, facts, resolve_rule(conn, rule, story_id))
            if fact is None:
                continue
            body = fact.to_dict()
            repeat = None
            if rule.event is not None and not has_hit(conn, rule.name, story_id):
                # Another story of the same incident fired already (the clusterer kept two
                # reports apart): record this one as its repeat, so it is told once.
                repeat = next((hit for hit, other in recent_facts(conn, rule.name)
                               if same_incident(body, other)), None)
            if record_hit(conn, rule.name, story_id, body, repeat) and repeat is None:
                self.fired += 1
