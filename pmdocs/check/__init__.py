"""The check stage: a `Project` -> every problem in it, as `Issue`s. Never raises on bad input.

Each module of this package owns one family of checks and yields issues from a `check`
function; this module runs them all and applies the project's own check settings.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..issues import CODES, Issue, Severity, did_you_mean, make_issue
from ..messages import Text
from ..model import Project
from . import decision_table, features, flows, ids, jumps, lifecycles, limits, outcomes, \
    output_folder, parameters, references, rules, states, visibility, wording

CHECKS: tuple[Callable[[Project], Iterator[Issue]], ...] = (
    ids.check, references.check, jumps.check, states.check, visibility.check, rules.check, outcomes.check,
    parameters.check, limits.check, wording.check,
    lifecycles.check, flows.check, features.check, output_folder.check,
)
"""Every check; `rules.check` may also be given how to analyse decision tables."""

__all__ = ["CHECKS", "check", "run_checks", "apply_settings"]


def run_checks(project: Project, analyse: rules.Analyse = decision_table.analyse) -> list[Issue]:
    """Every check's issues for a modelled project (before the project's settings apply).
    (`analyse`: how decision tables are analysed, e.g. from a cache.)"""
    found: list[Issue] = []
    for check in CHECKS:
        found.extend(rules.check(project, analyse) if check is rules.check else check(project))
    return found


def apply_settings(project: Project, issues: Iterable[Issue]) -> list[Issue]:
    """Switch off and re-grade issues as `pmdocs.yml` says; sorted by file, line and column."""
    settings = project.settings.check
    disabled = set(settings.disable) | (set() if settings.vague_words else {"PM350"})
    result: list[Issue] = []
    for issue in issues:
        if CODES[issue.code].switchable:
            if issue.code in disabled:
                continue
            if issue.code in settings.severity:
                issue = dataclasses.replace(issue,
                                            severity=Severity.parse(settings.severity[issue.code]))
        result.append(issue)
    result.extend(_unknown_codes(project))
    return sorted(result, key=Issue.sort_key)


def _unknown_codes(project: Project) -> Iterator[Issue]:
    settings = project.settings.check
    switchable = [code for code, info in CODES.items() if info.switchable]
    for index, code in enumerate(settings.disable):
        if code not in switchable:
            yield _bad_code(code, settings.at("disable", index), switchable)
    for code in settings.severity:
        if code not in switchable:
            yield _bad_code(code, settings.at("severity", code), switchable)


def _bad_code(code: str, location, switchable: list[str]) -> Issue:
    known = code in CODES
    message = Text("PM390.fixed" if known else "PM390.unknown", code=code)
    return make_issue("PM390", message, location,
                      did_you_mean(code, switchable) or Text("PM390.hint"),
                      subject=("settings", "check"))


def check(project: Project, issues: Iterable[Issue], cache_dir: Path | None = None) -> list[Issue]:
    """The check stage: every problem of a modelled project — the earlier stages' `issues`
    and every check's — as pmdocs.yml's settings grade them, sorted by file and line.
    (`cache_dir`: where decision tables' analyses are cached, see `table_cache`.)"""
    if cache_dir is None:
        return apply_settings(project, [*issues, *run_checks(project)])
    from .table_cache import AnalysisCache, cache_file
    tables = AnalysisCache(cache_file(Path(cache_dir), project.root))
    found = run_checks(project, tables.analyse)
    tables.save()
    return apply_settings(project, [*issues, *found])
