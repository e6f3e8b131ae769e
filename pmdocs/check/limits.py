"""Checks of limits (PM340–PM343): a `limit` block must say who is counted, over which
period, what uses up the quota, and (for calendar and rolling windows) exactly when the
period starts and ends. A limit missing one of these can differ tenfold in cost."""

from __future__ import annotations

import re
from typing import Iterator

from ..issues import Issue, about, make_issue
from ..messages import Text, place
from ..model import Project
from ..model.spec import Limit, Rule, Window

CALENDAR_WINDOWS = ("calendar_day", "calendar_week", "calendar_month")
DURATION = re.compile(r"[1-9]\d*\s*[mhd]")
RESET = re.compile(r"(?:.+\s)?([01]?\d|2[0-3]):[0-5]\d")
"""A time of day, after a weekday or a day of the month for weekly and monthly windows."""
PERIODS = {"calendar_day": "day", "calendar_week": "week", "calendar_month": "month"}
"""The period a calendar window counts in (`period.<word>` in the message catalogues)."""


def check(project: Project) -> Iterator[Issue]:
    for rule in project.rules:
        for number, limit in enumerate(rule.limit, start=1):
            yield from about(("rules", rule.id), _limit_issues(limit_name(rule, number), limit))


def limit_name(rule: Rule, number: int) -> str:
    """`rule `x``, or `rule `x` › limit 2` for a rule with several limits."""
    return place((("rule", rule.id), *((("limit", number),) if len(rule.limit) > 1 else ())))


def _limit_issues(name: str, limit: Limit) -> Iterator[Issue]:
    if limit.subject is None:
        yield make_issue("PM341", Text("PM341.no_subject", name=name), limit.at(),
                         Text("PM341.no_subject.hint"))
    elif limit.subject.kind == "custom" and not limit.subject.description.strip():
        yield make_issue("PM341", Text("PM341.custom", name=name), limit.at("subject"),
                         Text("PM341.custom.hint"))
    if limit.window is None:
        yield make_issue("PM340", Text("PM340.no_window", name=name), limit.at(),
                         Text("PM340.no_window.hint"))
    else:
        yield from _window_issues(name, limit.window, limit)
    if limit.counts is None:
        yield make_issue("PM342", Text("PM342.no_counts", name=name), limit.at(),
                         Text("PM342.no_counts.hint"))


def _window_issues(name: str, window: Window, limit: Limit) -> Iterator[Issue]:
    kind = window.kind
    period = Text("period." + PERIODS.get(kind, "period"))
    if kind in CALENDAR_WINDOWS and not window.timezone:
        yield make_issue("PM343", Text("PM343.timezone", name=name, kind=kind, period=period),
                         limit.at("window"), Text("PM343.timezone.hint", period=period))
    if kind in CALENDAR_WINDOWS and not window.reset:
        yield make_issue("PM343", Text("PM343.reset", name=name, kind=kind), limit.at("window"),
                         Text("PM343.reset.hint"))
    elif kind in CALENDAR_WINDOWS and not RESET.fullmatch(window.reset.strip()):
        yield make_issue("PM343", Text("PM343.reset_format", name=name, reset=window.reset),
                         window.at("reset"), Text("PM343.reset_format.hint"))
    if kind == "rolling" and not window.duration:
        yield make_issue("PM343", Text("PM343.duration", name=name), limit.at("window"),
                         Text("PM343.duration.hint"))
    elif kind == "rolling" and not DURATION.fullmatch(window.duration.strip()):
        yield make_issue("PM343", Text("PM343.duration_format", name=name,
                                       duration=window.duration), window.at("duration"),
                         Text("PM343.duration_format.hint"))
