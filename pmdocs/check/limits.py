"""Checks of limits (PM340–PM343): a `limit` block must say who is counted, over which
period, what uses up the quota, and (for calendar and rolling windows) exactly when the
period starts and ends. A limit missing one of these can differ tenfold in cost."""

from __future__ import annotations

import re
from typing import Iterator

from ..issues import Issue, about, make_issue
from ..model import Project
from ..model.spec import Limit, Rule, Window

CALENDAR_WINDOWS = ("calendar_day", "calendar_week", "calendar_month")
DURATION = re.compile(r"[1-9]\d*\s*[mhd]")
RESET = re.compile(r"(?:.+\s)?([01]?\d|2[0-3]):[0-5]\d")
"""A time of day, after a weekday or a day of the month for weekly and monthly windows."""
PERIODS = {"calendar_day": "day", "calendar_week": "week", "calendar_month": "month"}


def check(project: Project) -> Iterator[Issue]:
    for rule in project.rules:
        for number, limit in enumerate(rule.limit, start=1):
            yield from about(("rules", rule.id), _limit_issues(limit_name(rule, number), limit))


def limit_name(rule: Rule, number: int) -> str:
    """`rule `x``, or `rule `x` › limit 2` for a rule with several limits."""
    return f"rule `{rule.id}`" + (f" › limit {number}" if len(rule.limit) > 1 else "")


def _limit_issues(name: str, limit: Limit) -> Iterator[Issue]:
    if limit.subject is None:
        yield make_issue("PM341", f"{name}: the limit does not say who is counted (each user? "
                         "each account, device or phone number? each company?)", limit.at(),
                         "add `subject: user`, or `account`, `device`, `phone`, `organization`, "
                         "or `{kind: custom, description: …}`")
    elif limit.subject.kind == "custom" and not limit.subject.description.strip():
        yield make_issue("PM341", f"{name}: the limit's subject is `custom` but does not say who "
                         "or what is counted", limit.at("subject"),
                         "add `description:`, e.g. `subject: {kind: custom, description: 每个门店}`")
    if limit.window is None:
        yield make_issue("PM340", f"{name}: the limit does not say over which period it counts "
                         "(per day? per campaign? for ever?)", limit.at(),
                         "add `window: calendar_day` (with timezone and reset), "
                         "`campaign_period`, `lifetime` or `rolling`")
    else:
        yield from _window_issues(name, limit.window, limit)
    if limit.counts is None:
        yield make_issue("PM342", f"{name}: the limit does not say what uses up the quota: "
                         "every attempt, or only a success?", limit.at(),
                         "add `counts: attempt` or `counts: success`; add `returned_on:` too if "
                         "a refund or a cancel gives the quota back")


def _window_issues(name: str, window: Window, limit: Limit) -> Iterator[Issue]:
    kind = window.kind
    period = PERIODS.get(kind, "period")
    if kind in CALENDAR_WINDOWS and not window.timezone:
        yield make_issue("PM343", f"{name}: the {kind} window has no time zone; a {period} starts at "
                         "different moments for users in different places", limit.at("window"),
                         f"add `timezone: Asia/Shanghai`, the zone the business counts {period}s in")
    if kind in CALENDAR_WINDOWS and not window.reset:
        yield make_issue("PM343", f"{name}: the {kind} window does not say at what time the count "
                         "starts again", limit.at("window"), 'add `reset: "00:00"`, in quotes')
    elif kind in CALENDAR_WINDOWS and not RESET.fullmatch(window.reset.strip()):
        yield make_issue("PM343", f"{name}: reset time `{window.reset}` is not a time of day "
                         "like 00:00", window.at("reset"), 'write it as hours:minutes, e.g. "04:00"')
    if kind == "rolling" and not window.duration:
        yield make_issue("PM343", f"{name}: the rolling window does not say how long it is "
                         "(the last 24 hours? the last 7 days?)", limit.at("window"),
                         "add `duration: 24h`: a number and m, h or d")
    elif kind == "rolling" and not DURATION.fullmatch(window.duration.strip()):
        yield make_issue("PM343", f"{name}: window duration `{window.duration}` is not like "
                         "24h, 7d or 30m", window.at("duration"),
                         "write a number and a unit: m for minutes, h for hours, d for days")
