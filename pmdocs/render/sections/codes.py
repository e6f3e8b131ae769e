"""The check codes: every code pmdocs reports, its default severity, what it finds and how to
fix it (in the project's language), and how a project switches codes off or changes their
severity in pmdocs.yml."""

from __future__ import annotations

from typing import Iterator

from ...issues import CODES
from ...messages import words
from ...sitemap import SiteMap
from ..context import RenderContext
from ..cells import escaped
from ..problems import message_html
from ..tables import CHECK_MARK, anchored, document, table
from ..templating import render_template
from ..text import Safe

PATH = SiteMap.section("codes")
EXAMPLE = (("disable: [PM381]", "codes_comment_disable"),
           ("severity: {PM311: error}", "codes_comment_severity"),
           ("vague_words: false", "codes_comment_vague_words"))
"""The lines of pmdocs.yml's `check:` block shown as an example, each with its comment."""


def render(context: RenderContext) -> Iterator[tuple[str, str]]:
    labels = context.labels
    language = context.project.settings.language
    rows = [(anchored("code", code.code.lower(), escaped(code.code)),
             labels["severity_" + code.severity.label], CHECK_MARK if code.switchable else "",
             message_html(code.title_in(language)), message_html(code.advice_in(language)))
            for code in CODES.values()]
    codes = table((labels["code"], labels["default_severity"], labels["switchable"],
                   labels["code_title"], words(language)["advice"]), rows)
    example = ["```yaml", "check:"]
    example += [f"  {line:<26}# {labels[comment]}" for line, comment in EXAMPLE]
    yield PATH, document(render_template("codes.md.j2", labels=labels, codes=codes,
                                         example=Safe("\n".join(example + ["```"]))),
                                         labels["codes"])
