"""Checks on free text: quantity limits stated without a `limit` block (PM344), and vague
words in rules and acceptance criteria (PM350). Both point at the words themselves."""

from __future__ import annotations

import re
from typing import Iterator

from ..issues import Issue, Location, about, make_issue
from ..model import Project
from ..model.spec import Feature, Page, Rule, Spec

LIMIT_WORDS = re.compile(
    r"一次(?!性)|每人|每天|每日|每个用户|每位用户|最多|至多|不超过|上限|(?<!不)仅|(?<![权期无界时])限(?!时|定)"
    r"|\b(?:once|at most|only|per user|per day|up to|no more than|maximum)\b", re.IGNORECASE)

VAGUE_WORDS = re.compile(
    r"尽快|及时|适当|友好|大约|大概|一般|左右"
    r"|(?<![相平同均对高中初一二三上下优头])等(?![待候于级同价额奖比])"
    r"|\b(?:fast|quickly|user[- ]friendly|etc\.?|asap|as soon as possible|appropriate(?:ly)?"
    r"|reasonable|roughly|approximately|intuitive|seamless(?:ly)?)(?!\w)", re.IGNORECASE)


def check(project: Project) -> Iterator[Issue]:
    limited_rules = {rule.id for rule in project.rules if rule.limit is not None}
    for rule in project.rules:
        yield from about(("rules", rule.id), _rule_words(project, rule))
    for feature in project.features:
        yield from about(("features", feature.id), _feature_words(project, feature))
    for page in project.pages:
        yield from about(("pages", page.id), _page_words(project, page, limited_rules))


def _rule_words(project: Project, rule: Rule) -> Iterator[Issue]:
    for node, field, text in rule_texts(rule):
        if rule.limit is None:
            yield from _limit_words(project, f"rule `{rule.id}`", node, field, text)
        yield from _vague_words(project, f"rule `{rule.id}`", node, field, text)


def _feature_words(project: Project, feature: Feature) -> Iterator[Issue]:
    for index, criterion in enumerate(feature.acceptance, start=1):
        for field in ("given", "when", "then"):
            yield from _vague_words(project, f"feature `{feature.id}` › criterion {index}",
                                    criterion, field, getattr(criterion, field))


def _page_words(project: Project, page: Page, limited_rules: set[str]) -> Iterator[Issue]:
    """Quantities in an element's notes, unless a rule it follows has a `limit` block."""
    for element in page.elements:
        if element.notes and not limited_rules.intersection(element.rules):
            yield from _limit_words(project, f"page `{page.id}` › element `{element.id}`",
                                    element, "notes", element.notes)


def rule_texts(rule: Rule) -> Iterator[tuple[Spec, str, str]]:
    """The free-text fields of a rule, with the node each belongs to."""
    yield rule, "description", rule.description
    yield rule, "notes", rule.notes
    for row in rule.table:
        yield row, "note", row.note
        for field in ("result", "copy", "effect"):
            yield row.then, field, getattr(row.then, field if field != "copy" else "copy_text")


def _limit_words(project: Project, context: str, node: Spec, field: str, text: str) -> Iterator[Issue]:
    words = _found(LIMIT_WORDS, text)
    if words:
        yield make_issue(
            "PM344", f"{context}: `{field}` states a quantity limit ({', '.join(words)}) but no rule "
            "with a `limit` block says who is counted, over which period, and what counts",
            word_location(project, node, field, text, words[0]),
            "add a `limit:` block (subject, window, counts, max) to the rule, or link the element to "
            "a rule that has one")


def _vague_words(project: Project, context: str, node: Spec, field: str, text: str) -> Iterator[Issue]:
    words = _found(VAGUE_WORDS, text)
    if words:
        yield make_issue(
            "PM350", f"{context}: `{field}` uses vague wording ({', '.join(words)})",
            word_location(project, node, field, text, words[0]),
            "say it measurably (a number, a time, a list of cases); switch off with "
            "`check: {vague_words: false}`")


def _found(pattern: re.Pattern, text: str) -> list[str]:
    words: list[str] = []
    for match in pattern.finditer(text or ""):
        if match.group(0) not in words:
            words.append(match.group(0))
    return words


def word_location(project: Project, node: Spec, field: str | tuple, text: str,
                  word: str) -> Location:
    """The position of `word` inside a field's text in the source (`field`: its key, or its
    path in `node`), or of the field itself (through the node's `Source`, which finds the
    file's line starts once for all issues)."""
    where = node.where
    path = field if isinstance(field, tuple) else (field,)
    start = where.value_offset(*path)
    source = project.sources.get(where.file, "")
    if start < 0 or not source:
        return where.value(*path)
    found = source[start:start + 4 * len(text) + 200].find(word)
    return where.source.location(start + found if found >= 0 else start)
