"""The check's findings as the site shows them: a one-line summary and a table of problems."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..issues import Issue, Location, Severity
from .context import RenderContext
from .items import anchored_link
from .cells import Html, escaped
from .tables import table
from .text import Safe


def issue_summary(context: RenderContext, issues: Sequence[Issue]) -> str:
    """"2 errors, 1 warning, 0 notes" in the project's language, or "no problems"."""
    if not issues:
        return context.labels["no_problems"]
    counts = {severity: sum(1 for issue in issues if issue.severity == severity)
              for severity in Severity}
    return context.labels["issue_counts"].format(errors=counts[Severity.ERROR],
                                                 warnings=counts[Severity.WARNING],
                                                 notes=counts[Severity.INFO])


def _where(context: RenderContext, issue: Issue) -> str:
    """`pages/cart.yml:12:5`, relative to the project (the build machine's folders are no
    reader's business)."""
    location = issue.location
    root = Path(context.project.root) if context.project.root else None
    file = Path(location.file)
    if root is not None and file.is_absolute() and file.is_relative_to(root):
        file = file.relative_to(root)
    return str(Location(file.as_posix(), location.line, location.col))


def issue_table(context: RenderContext, issues: Sequence[Issue], page_path: str) -> Safe:
    """Problems with their file:line:col, severity, code (linked to the codes page) and message."""
    labels = context.labels
    rows = []
    for issue in issues:
        message = escaped(issue.message)
        if issue.hint:
            message = Html(f"{message} ({escaped(labels['hint'])}: {escaped(issue.hint)})")
        code = anchored_link(issue.code, "codes.md", "code-" + issue.code.lower(), page_path)
        rows.append((_where(context, issue), labels["severity_" + issue.severity.label], code,
                     message))
    return table((labels["location"], labels["severity"], labels["code"], labels["message"]), rows)
