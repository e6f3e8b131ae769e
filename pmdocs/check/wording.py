"""Checks on free text: quantity limits stated without a `limit` block (PM344; which sentences
state a quota is `quotas.py`'s), and vague words in rules and acceptance criteria (PM350; a
term the glossary defines is not vague). Both point at the words themselves."""

from __future__ import annotations

import re
from typing import Iterator

from ..issues import Issue, Location, about, make_issue
from ..messages import Place, Text, place
from ..model import Project
from ..model.spec import Feature, Page, Rule, Spec
from .quotas import LIMIT_WORDS, quota_matches

__all__ = ["LIMIT_WORDS", "VAGUE_WORDS", "check", "rule_texts", "word_location"]


VAGUE_WORDS = re.compile(
    r"尽快|及时|适当|友好|大约|大概|一般|左右"
    r"|(?<![相平同均对高中初一二三上下优头])等(?![待候于级同价额奖比])"
    r"|\b(?:fast|quickly|user[- ]friendly|etc\.?|asap|as soon as possible|appropriate(?:ly)?"
    r"|reasonable|roughly|approximately|intuitive|seamless(?:ly)?)(?!\w)", re.IGNORECASE)


def check(project: Project) -> Iterator[Issue]:
    limited_rules = {rule.id for rule in project.rules if rule.limit}
    terms = _glossary_terms(project)
    for rule in project.rules:
        yield from about(("rules", rule.id), _rule_words(project, rule, terms))
    for feature in project.features:
        yield from about(("features", feature.id), _feature_words(project, feature, terms))
    for page in project.pages:
        yield from about(("pages", page.id), _page_words(project, page, limited_rules))


def _glossary_terms(project: Project) -> re.Pattern | None:
    """The glossary's terms, longest first (一般纳税人 is a term, not the vague word 一般)."""
    terms = sorted({entry.term for entry in project.settings.glossary if entry.term},
                   key=len, reverse=True)
    return re.compile("|".join(map(re.escape, terms))) if terms else None


def _rule_words(project: Project, rule: Rule, terms: re.Pattern | None) -> Iterator[Issue]:
    for node, field, text in rule_texts(rule):
        if not rule.limit:
            yield from _limit_words(project, (("rule", rule.id),), node, field, text)
        yield from _vague_words(project, (("rule", rule.id),), node, field, text, terms)


def _feature_words(project: Project, feature: Feature, terms: re.Pattern | None) -> Iterator[Issue]:
    for index, criterion in enumerate(feature.acceptance, start=1):
        for field in ("given", "when", "then"):
            yield from _vague_words(project, (("feature", feature.id), ("criterion", index)),
                                    criterion, field, getattr(criterion, field), terms)


def _page_words(project: Project, page: Page, limited_rules: set[str]) -> Iterator[Issue]:
    """Quantities in an element's notes, unless a rule around it (one it follows, or one that
    governs its page) has a `limit` block: the notes then describe that block."""
    for element in page.elements:
        if element.notes and not limited_rules.intersection(
                project.index.page_scope(page.id, element.id)):
            yield from _limit_words(project, (("page", page.id), ("element", element.id)),
                                    element, "notes", element.notes)


def rule_texts(rule: Rule) -> Iterator[tuple[Spec, str, str]]:
    """The free-text fields of a rule, with the node each belongs to."""
    yield rule, "description", rule.description
    yield rule, "notes", rule.notes
    for row in rule.table:
        yield row, "note", row.note
        for field in ("result", "copy", "effect"):
            yield row.then, field, getattr(row.then, field if field != "copy" else "copy_text")


def _limit_words(project: Project, context: Place, node: Spec, field: str,
                 text: str) -> Iterator[Issue]:
    found = quota_matches(text)
    if found:
        words = [word for word, _ in found]
        yield make_issue(
            "PM344", Text("PM344.quota", context=place(context), field=field,
                          words=", ".join(words)),
            word_location(project, node, field, text, words[0], text.count(words[0], 0, found[0][1])),
            Text("PM344.quota.hint"))


def _vague_words(project: Project, context: Place, node: Spec, field: str, text: str,
                 terms: re.Pattern | None) -> Iterator[Issue]:
    found = _found(VAGUE_WORDS, text, terms)
    if found:
        words = [word for word, _ in found]
        yield make_issue(
            "PM350", Text("PM350.vague", context=place(context), field=field,
                          words=", ".join(words)),
            word_location(project, node, field, text, words[0], text.count(words[0], 0, found[0][1])),
            Text("PM350.vague.hint"))


def _found(pattern: re.Pattern, text: str, terms: re.Pattern | None = None) -> list[tuple[str, int]]:
    """The words `pattern` finds, each once with where it first is, but none inside a glossary
    term (`terms`)."""
    found: dict[str, int] = {}
    if not text:
        return []
    defined = [match.span() for match in terms.finditer(text)] if terms is not None else []
    for match in pattern.finditer(text):
        inside = any(start <= match.start() and match.end() <= end for start, end in defined)
        if not inside:
            found.setdefault(match.group(0), match.start())
    return list(found.items())


def word_location(project: Project, node: Spec, field: str | tuple, text: str,
                  word: str, earlier: int = 0) -> Location:
    """The position of `word` inside a field's text in the source (`field`: its key, or its
    path in `node`; `earlier`: how many times the word is in the text before the one meant),
    or of the field itself (through the node's `Source`, which finds the file's line starts
    once for all issues)."""
    where = node.where
    path = field if isinstance(field, tuple) else (field,)
    start = where.value_offset(*path)
    source = project.sources.get(where.file, "")
    if start < 0 or not source:
        return where.value(*path)
    region = source[start:start + 4 * len(text) + 200]
    found = -1
    for _ in range(earlier + 1):
        found = region.find(word, found + 1)
        if found < 0:
            break
    return where.source.location(start + found if found >= 0 else start)
