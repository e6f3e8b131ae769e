"""A diff as a pull request's comment (GitHub-flavoured Markdown): a heading and a summary
line, then one collapsible `<details>` section per kind of item and one for the problems.

Spec text comes from the pull request under review, so none of it is ever Markdown or HTML
here: every piece of it is a code span (on one line, its fence longer than any run of
backticks inside it), where no tag, link, image, emphasis, @mention or #reference is read;
a long text is cut. pmdocs' own words and the items' ids (slugs) are the only bare text,
and item names link to the built site when its URL is given. A comment has a size limit
(GitHub's is 65,536 characters): past `MAX_CHARACTERS` the items are counted, not listed.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator
from urllib.parse import quote

from ..issues import Issue
from ..printable import one_line
from ..sitemap import SiteMap
from .changes import FieldChange, ItemChange, ProjectChanges
from .wording import counted, describe, item_name, item_note, section_counts, summary_line

MAX_TEXT = 300
"""Characters of one quoted spec text; longer ones are cut (with `…`)."""
MAX_CHARACTERS = 60_000
_BACKTICKS = re.compile(r"`+")
FIELD_WAYS = {"+": "added", "-": "removed", "~": "changed"}
"""A field change's way as a word: a `-` after a list item's `- ` would start a list."""
WAYS = {"added": "added", "removed": "removed", "changed": "changed", "renamed": "renamed",
        "unreadable": "not compared"}


def code(text: str) -> str:
    """Spec text as an inline code span: shown exactly (on one line, cut when long), read as
    nothing else."""
    shown = one_line(text)
    if len(shown) > MAX_TEXT:
        shown = shown[:MAX_TEXT] + "…"
    if not shown:
        return "*(none)*"
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(shown)), default=0) + 1)
    pad = " " if shown[0] in "` " or shown[-1] in "` " else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


def markdown_report(changes: ProjectChanges, site_url: str | None = None) -> str:
    """The comment's Markdown."""
    title = f"pmdocs diff: {code(changes.base.short)} → {code(changes.head.short)}"
    lines = [f"### {title}", "", f"**{summary_line(changes)}**", ""]
    budget = [MAX_CHARACTERS - sum(map(len, lines))]
    for section, items in changes.sections():
        lines += _details(f"{section}: {counted(section_counts(items))}",
                          _item_lines(items, site_url, budget))
    if changes.introduced or changes.fixed:
        summary = f"problems: {len(changes.introduced)} introduced, {len(changes.fixed)} fixed"
        lines += _details(summary, [*_problem_lines("introduced", changes.introduced, budget),
                                    *_problem_lines("fixed", changes.fixed, budget)])
    return "\n".join(lines).rstrip("\n") + "\n"


def _details(summary: str, body: Iterable[str]) -> list[str]:
    return ["<details>", f"<summary>{summary}</summary>", "", *body, "", "</details>", ""]


def _item_lines(items: Iterable[ItemChange], site_url: str | None,
                budget: list[int]) -> Iterator[str]:
    left_out = 0
    for item in items:
        lines = [_item_line(item, site_url)] + [_field_line(field) for field in item.fields]
        size = sum(len(line) + 1 for line in lines)
        if size > budget[0]:
            left_out += 1
            continue
        budget[0] -= size
        yield from lines
    if left_out:
        yield f"- … and {left_out} more, left out for the comment's size (see `pmdocs diff`)"


def _item_line(item: ItemChange, site_url: str | None) -> str:
    name = item_name(item)
    if site_url and item.change != "removed":
        name = f"[{name}]({_url(site_url, item)})"
    note = item_note(item)
    return (f"- **{WAYS[item.change]}** {name} {code(item.title)}"
            + (f" ({note})" if note else ""))


def _url(site_url: str, item: ItemChange) -> str:
    built = SiteMap().built(SiteMap.item(item.section, item.id))
    return quote(site_url.rstrip("/") + "/" + built, safe=":/?#@!$&'*+,;=%~")


def _field_line(field: FieldChange) -> str:
    described = describe(field)
    subject = " ".join(word for word in (described.part, code(described.key) if described.key
                                         else "", described.field) if word)
    if described.arrow:
        value = f": {code(described.before)} → {code(described.after)}"
    else:
        shown = described.after or described.before
        value = f": {code(shown)}" if shown else ""
    return f"  - {FIELD_WAYS[described.mark]} {subject}{value}"


def _problem_lines(way: str, issues: Iterable[Issue], budget: list[int]) -> Iterator[str]:
    left_out = 0
    for issue in issues:
        line = (f"- {way}: **{issue.severity.label}** {issue.code} at "
                f"{code(str(issue.location))}: {code(issue.message)}"
                + (f" (hint: {code(issue.hint)})" if issue.hint else ""))
        if len(line) + 1 > budget[0]:
            left_out += 1
            continue
        budget[0] -= len(line) + 1
        yield line
    if left_out:
        yield f"- … and {left_out} more {way}, left out for the comment's size"
