"""Delivering hits: a webhook (JSON POST signed with HMAC-SHA256) and e-mail over SMTP.

The store is the outbox: a hit is written with the story assignment that fired it, and
:func:`deliver_due` sends what a rule's channels have not sent yet, then marks it sent. A
crash between sending and marking sends that batch again on the next round (at least once);
never a hit twice in one round, and never a second hit for the same story (one row per rule
and story). Frequency: ``immediately`` sends every round; ``hourly``/``daily`` send one digest
of everything new when an hour/a day has passed since the last digest.

A failed delivery is tried again a few times at once (short sleeps), then waits as a failing
source does (``stages.backoff``: doubling up to an hour), recorded on the hits.

The webhook body::

    {"alert": NAME, "frequency": "...", "hits": [{"story", "headline", "url", "articles",
     "fired_at", "updated_at", "fact"}]}

with ``X-EuropeNews-Signature: sha256=<hex HMAC of the body with the rule's secret>`` (no
header without a secret) and ``X-EuropeNews-Event: alert``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import smtplib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from functools import partial
from typing import Any

import httpx
from sqlalchemy import Connection
from sqlalchemy.engine import Engine

from europenews.alerts.match import fact_line
from europenews.alerts.rules import AlertRule, rule_from_json
from europenews.errors import ConfigError, FetchError
from europenews.stages.backoff import backoff_wait
from europenews.store.alerts import (
    Hit,
    list_rules,
    mark_digest,
    mark_failed,
    mark_sent,
    undelivered_hits,
)

log = logging.getLogger(__name__)
PERIODS = {"immediately": timedelta(0), "hourly": timedelta(hours=1), "daily": timedelta(days=1)}
SIGNATURE_HEADER = "X-EuropeNews-Signature"
Write = Callable[[Callable[[Connection], None]], Any]


@dataclass(frozen=True, slots=True)
class DeliverySettings:
    """Where e-mail goes out and how failures are retried (``[delivery]`` in the config)."""

    base_url: str = "http://127.0.0.1:8000"  # links in messages point here
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_from: str = "europenews@localhost"
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    timeout: float = 10.0
    tries: int = 3  # attempts in one round before the hits wait (back-off)
    pause: float = 0.5  # seconds before the 2nd attempt of a round, doubled after
    retry: float = 60.0  # the first wait after a failed round (stages.backoff)
    max_backoff: float = 3600.0


@dataclass
class DeliveryReport:
    sent: dict[str, int] = field(default_factory=dict)  # "rule/channel" → hits
    failed: dict[str, str] = field(default_factory=dict)  # "rule/channel" → error


def signature(secret: str, body: bytes) -> str:
    """The value of :data:`SIGNATURE_HEADER` for ``body``."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def _hit_json(hit: Hit, base_url: str) -> dict[str, Any]:
    return {"story": hit.story_id, "headline": hit.headline,
            "url": f"{base_url.rstrip('/')}/stories/{hit.story_id}",
            "articles": hit.article_count, "fired_at": hit.fired_at,
            "updated_at": hit.updated_at, "fact": hit.fact}


def post_webhook(rule: AlertRule, hits: list[Hit], settings: DeliverySettings) -> None:
    """POST the hits to the rule's webhook; raises FetchError when it does not answer 2xx."""
    assert rule.webhook is not None
    body = json.dumps({"alert": rule.name, "frequency": rule.frequency,
                       "hits": [_hit_json(h, settings.base_url) for h in hits]},
                      ensure_ascii=False).encode()
    headers = {"Content-Type": "application/json", "X-EuropeNews-Event": "alert"}
    if rule.secret:
        headers[SIGNATURE_HEADER] = signature(rule.secret, body)
    try:
        response = httpx.post(rule.webhook, content=body, headers=headers,
                              timeout=settings.timeout)
    except httpx.HTTPError as exc:
        raise FetchError(f"{rule.webhook}: {type(exc).__name__}: {exc}", rule.webhook) from exc
    if not 200 <= response.status_code < 300:
        raise FetchError(f"{rule.webhook}: HTTP {response.status_code}", rule.webhook)


def mail_message(rule: AlertRule, hits: list[Hit], settings: DeliverySettings) -> EmailMessage:
    """The e-mail: one hit, or a digest of several, each with its link and fact."""
    msg = EmailMessage()
    first = hits[0].headline or "(untitled story)"
    msg["Subject"] = (f"[EuropeNews] {rule.name}: {first}" if len(hits) == 1
                      else f"[EuropeNews] {rule.name}: {len(hits)} new stories")
    msg["From"] = settings.smtp_from
    msg["To"] = ", ".join(rule.email)
    lines = [f"Alert “{rule.name}” fired for {len(hits)} "
             f"stor{'y' if len(hits) == 1 else 'ies'}:", ""]
    for hit in hits:
        data = _hit_json(hit, settings.base_url)
        lines += [f"* {hit.headline or '(untitled story)'}", f"  {data['url']}",
                  f"  {fact_line(hit.fact)}", ""]
    msg.set_content("\n".join(lines))
    return msg


def send_mail(rule: AlertRule, hits: list[Hit], settings: DeliverySettings) -> None:
    """Send the hits by SMTP; raises FetchError when the server refuses or cannot be reached."""
    msg = mail_message(rule, hits, settings)
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port,
                          timeout=settings.timeout) as smtp:
            if settings.smtp_starttls:
                smtp.starttls()
            if settings.smtp_user:
                smtp.login(settings.smtp_user, settings.smtp_password or "")
            smtp.send_message(msg)
    except (OSError, smtplib.SMTPException) as exc:
        where = f"smtp://{settings.smtp_host}:{settings.smtp_port}"
        raise FetchError(f"{where}: {type(exc).__name__}: {exc}", where) from exc


CHANNELS: dict[str, Callable[[AlertRule, list[Hit], DeliverySettings], None]] = {
    "webhook": post_webhook, "email": send_mail}


def _due(rule: AlertRule, last_digest_at: str | None, now: datetime) -> bool:
    period = PERIODS[rule.frequency]
    if not period or last_digest_at is None:
        return True
    last = datetime.fromisoformat(last_digest_at.replace("Z", "+00:00"))
    return now - last >= period


def _stamp(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _send(channel: str, rule: AlertRule, hits: list[Hit], settings: DeliverySettings) -> None:
    pause = settings.pause
    for attempt in range(1, settings.tries + 1):
        try:
            CHANNELS[channel](rule, hits, settings)
            return
        except FetchError:
            if attempt == settings.tries:
                raise
            time.sleep(pause)
            pause *= 2


def deliver_due(engine: Engine, write: Write, settings: DeliverySettings | None = None,
                now: datetime | None = None) -> DeliveryReport:
    """Send every rule's pending hits on its channels, when its frequency says so."""
    settings = settings or DeliverySettings()
    now = now or datetime.now(UTC)
    stamp = _stamp(now)
    report = DeliveryReport()
    with engine.connect() as conn:
        stored = list_rules(conn)
    for row in stored:
        try:
            rule = rule_from_json(row.rule)
        except ConfigError:
            continue
        channels = [c for c, on in (("webhook", rule.webhook), ("email", rule.email)) if on]
        if not channels or not _due(rule, row.last_digest_at, now):
            continue
        delivered = False
        for channel in channels:
            with engine.connect() as conn:
                hits = undelivered_hits(conn, rule.name, channel, stamp)
            if not hits:
                continue
            key = f"{rule.name}/{channel}"
            ids = [h.id for h in hits]
            try:
                _send(channel, rule, hits, settings)
            except FetchError as exc:
                failures = max(h.attempts for h in hits) + 1
                wait = backoff_wait(settings.max_backoff, failures, retry=settings.retry,
                                    max_backoff=settings.max_backoff)
                later = _stamp(now + timedelta(seconds=wait))
                write(partial(mark_failed, hit_ids=ids, error=str(exc), next_try_at=later))
                report.failed[key] = str(exc)
                log.warning("alert %s: %s delivery failed (%s); next try %s", rule.name,
                            channel, exc, later)
                continue
            write(partial(mark_sent, hit_ids=ids, channel=channel, when=stamp))
            report.sent[key] = len(ids)
            delivered = True
        if delivered and rule.frequency != "immediately":
            write(partial(mark_digest, name=rule.name, when=stamp))
    return report
