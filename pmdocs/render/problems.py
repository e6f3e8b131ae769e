"""The check's findings as the site shows them: a one-line summary, a table of problems, the
problems about one item, and the notice `pmdocs serve` lays over a page while the specs have
errors. Messages are in the project's language, what they quote in backticks shown as code."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Sequence

from ..issues import RULE_CHECK_CODES, Issue, Location, Severity
from ..messages import words
from ..sitemap import ITEM_FOLDERS, SiteMap
from .context import RenderContext
from .items import anchored_link
from .cells import Html, escaped
from .tables import table
from .text import Safe

CODE_SPAN = re.compile(r"`([^`]+)`")


def issue_summary(context: RenderContext, issues: Sequence[Issue]) -> str:
    """"2 errors, 1 warning, 0 notes" in the project's language, or "no problems"."""
    if not issues:
        return context.labels["no_problems"]
    counts = {severity: sum(1 for issue in issues if issue.severity == severity)
              for severity in Severity}
    return context.labels["issue_counts"].format(errors=counts[Severity.ERROR],
                                                 warnings=counts[Severity.WARNING],
                                                 notes=counts[Severity.INFO])


def message_html(text: str) -> Html:
    """A problem's words as HTML: escaped, and what they quote in backticks as code. (Spec text
    holding a backtick may pair differently, but is escaped all the same.)"""
    return Html(CODE_SPAN.sub(r"<code>\1</code>", escaped(text)))


def where(root: str | None, location: Location) -> str:
    """`pages/cart.yml:12:5`, relative to the project (the build machine's folders are no
    reader's business)."""
    file = Path(location.file)
    if root and file.is_absolute() and file.is_relative_to(Path(root)):
        file = file.relative_to(Path(root))
    return str(Location(file.as_posix(), location.line, location.col))


def _said(issue: Issue, language: str) -> Html:
    """The message, and its hint after it: "… (hint: …)", "…（建议：…）"."""
    message = message_html(issue.message_in(language))
    if not issue.hint:
        return message
    return Html(escaped(words(language)["with_hint"]).format(
        message=message, hint=message_html(issue.hint_in(language))))


def issue_table(context: RenderContext, issues: Sequence[Issue], page_path: str) -> Safe:
    """Problems with their file:line:col, severity, code (linked to the codes page) and
    message; empty without problems."""
    labels = context.labels
    language = context.project.settings.language
    rows = []
    for issue in issues:
        code = anchored_link(issue.code, "codes.md", "code-" + issue.code.lower(), page_path)
        rows.append((where(context.project.root, issue.location),
                     labels["severity_" + issue.severity.label], code,
                     _said(issue, language)))
    return table((labels["location"], labels["severity"], labels["code"], labels["message"]), rows)


OVERLAY_STYLE = ("position:fixed;z-index:10000;left:1rem;right:1rem;bottom:1rem;max-height:50vh;"
                 "overflow:auto;padding:.8rem 1rem;border-radius:.4rem;background:#fff5f5;"
                 "color:#3b0a0a;border:2px solid #c62828;box-shadow:0 4px 16px rgba(0,0,0,.25);"
                 "font-size:.8rem;line-height:1.5")


def problems_overlay(issues: Sequence[Issue], root: str | None, language: str) -> str:
    """What `pmdocs serve` lays over every page while the specs have errors: each problem at
    its file:line:col, in `language`; the page under it is the last version that built."""
    said = words(language)
    items = "".join(
        f'<li><code>{escaped(where(root, issue.location))}</code> '
        f'<strong>{escaped(issue.code)}</strong> {_said(issue, language)}</li>'
        for issue in issues)
    return (f'<aside id="pmdocs-problems" role="alert" lang="{escaped(language)}" '
            f'style="{OVERLAY_STYLE}"><p style="margin:0 0 .4rem"><strong>'
            f'{escaped(said["serve_errors"])}</strong> {escaped(said["serve_recover"])}</p>'
            f'<ul style="margin:0;padding-left:1.2rem">{items}</ul></aside>')


def problem_boxes(context: RenderContext) -> dict[str, str]:
    """The box that opens the page of each item the check found problems about (by the
    issues' subject), by the page's doc path: how many, and the table of them. A rule's
    page lists its decision-table and limit findings itself, so its box leaves them out."""
    found: dict[tuple[str, str], list[Issue]] = {}
    for issue in context.issues:
        if issue.subject is None or issue.subject[0] not in ITEM_FOLDERS or \
                issue.subject[1] not in context.project.index.items.get(issue.subject[0], ()):
            continue
        if issue.subject[0] == "rules" and issue.code in RULE_CHECK_CODES:
            continue
        found.setdefault(issue.subject, []).append(issue)
    said = words(context.project.settings.language)
    boxes = {}
    for (section, item_id), issues in sorted(found.items()):
        path = SiteMap.item(section, item_id)
        worst = max(issue.severity for issue in issues)
        kind = {Severity.ERROR: "danger", Severity.WARNING: "warning"}.get(worst, "info")
        title = said["item_problems"].format(count=len(issues))
        boxes[path] = "\n".join([f'<div class="admonition {kind} pmdocs-item-problems">',
                                 f'<p class="admonition-title">{escaped(title)}</p>',
                                 issue_table(context, issues, path), "</div>"])
    return boxes
