"""The hostile project (tests/hostile.py) reaches every free-text field of the spec language
with every family of attack, and builds; the Markdown path lets no disallowed tag, attribute
or URL scheme through, whatever Markdown it is given (a property test).

What a browser makes of the hostile site is in tests/test_hostile_browser.py.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmdocs.pipeline import check_project
from pmdocs.issues import Severity
from pmdocs.render.markdown_html import ATTRIBUTES, TAGS, URL_SCHEMES, to_html
from pmdocs.render.text import block, markdown_html
from tests.hostile import (LONG_LABEL, MARKDOWN_FAMILIES, PLAIN_FAMILIES, project_text_fields,
                           write_project)

TAG = re.compile(r"^[tm]\d+ ")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple:
    folder = tmp_path_factory.mktemp("hostile")
    texts = write_project(folder)
    project, issues, _ = check_project(folder)
    return project, issues, texts


def test_the_hostile_project_passes_check(hostile: tuple) -> None:
    _, issues, _ = hostile
    shown = [f"{issue.location}: {issue.code} {issue.message[:80]}" for issue in issues
             if issue.severity != Severity.INFO]
    assert not shown, "\n".join(shown)


def test_every_free_text_field_of_the_language_holds_hostile_text(hostile: tuple) -> None:
    """A text field added to the spec language must get a token in tests/fixtures/hostile,
    of the right kind: `@md` for a Markdown field, `@text` for the others."""
    project, _, _ = hostile
    fields = project_text_fields(project)
    assert len(fields) > 80, sorted(fields)
    missing = sorted(path for path, field in fields.items()
                     if not any(TAG.match(text) for text in field.texts))
    assert not missing, f"no hostile text in {missing}: add a token to tests/fixtures/hostile"
    wrong = sorted(path for path, field in fields.items() for text in field.texts
                   if TAG.match(text) and text.startswith("m") != field.markdown)
    assert not wrong, f"Markdown fields need `@md`, plain ones `@text`: {wrong}"


def test_every_family_of_attack_is_used(hostile: tuple) -> None:
    _, _, texts = hostile
    used = {text.family for text in texts}
    assert set(PLAIN_FAMILIES) | set(MARKDOWN_FAMILIES) | {"long"} <= used
    assert any(LONG_LABEL in text.text for text in texts)
    assert len(LONG_LABEL) >= 5000


# ---------------------------------------------------------------- the Markdown path

class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def elements_of(fragment: str) -> _Elements:
    parser = _Elements()
    parser.feed(fragment)
    parser.close()
    return parser


ALLOWED_SCHEMES = URL_SCHEMES | {""}


def disallowed(fragment: str) -> list[str]:
    """What in an HTML fragment is off the sanitiser's allow-list."""
    found = []
    for tag, attributes in elements_of(fragment).elements:
        if tag not in TAGS:
            found.append(f"<{tag}>")
        for name, value in attributes:
            if name not in ATTRIBUTES.get(tag, set()) and not (tag == "a" and name == "rel"):
                found.append(f"<{tag} {name}>")
            if name == "href":
                squeezed = re.sub(r"[\x00-\x20\x7f]", "", value or "")
                if urlsplit(squeezed).scheme.lower() not in ALLOWED_SCHEMES:
                    found.append(f"<{tag} href={value!r}>")
            if name == "style" and value not in ("text-align:left", "text-align:center",
                                                  "text-align:right"):
                found.append(f"<{tag} style={value!r}>")
    return found


FRAGMENTS = (["[", "]", "(", ")", "<", ">", "!", "`", "*", "_", "\n", "\n\n", " ", "  ", "\t",
              ":", "&", "#", ";", "\\", '"', "'", "=", "-", "|", ">", "{", "}",
              "javascript:", "JaVaScRiPt:", "vbscript:", "data:", "http://x/", "mailto:a@b",
              "&#106;", "&#x6A;", "&#58;", "&colon;", "java\tscript:", "\x00", "\x01",
              "<script>", "</script>", "<img src=x onerror=alert(1)>", "<a href=", "onclick=",
              "[a]: ", "[a]", "> ", "- ", "1. ", "    ", "```", "|---|", "<svg", "style=",
              "%0a", "%6A", "文字"] + list(MARKDOWN_FAMILIES.values()))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=4), max_size=40).map("".join))
def test_markdown_never_gives_a_disallowed_tag_attribute_or_scheme(text: str) -> None:
    assert disallowed(to_html(text)) == []
    assert disallowed(markdown_html(text)) == []


@pytest.mark.parametrize("family", sorted(MARKDOWN_FAMILIES))
def test_each_attack_on_a_markdown_field_is_text(family: str) -> None:
    shown = markdown_html(MARKDOWN_FAMILIES[family])
    assert disallowed(shown) == [], shown
    assert "<a " not in shown or family in ("autolink", "image", "obfuscated scheme"), shown


def test_markdown_renders_as_markdown() -> None:
    shown = markdown_html("**bold** `a<b && c` [safe](https://example.org/?a=1&b=2)\nnext\n\n"
                          "# Heading\n\n| a | b |\n|--:|---|\n| 1 | 2 |\n\n```\nx\n\ny\n```")
    assert "<strong>bold</strong>" in shown
    assert "<code>a&lt;b &amp;&amp; c</code>" in shown
    assert '<a href="https://example.org/?a=1&amp;b=2" rel="noopener noreferrer">safe</a>' in shown
    assert "<br>\nnext" in shown and "<h3>Heading</h3>" in shown
    assert '<td style="text-align:right">1</td>' in shown
    assert "<pre><code>x&#10;&#10;y&#10;</code></pre>" in shown


def test_a_markdown_block_has_no_blank_line_and_no_template_braces() -> None:
    shown = block("a {{ 7*7 }}\n\n```\none\n\n\ntwo\n```\n\n- {% raw %}")
    assert "\n\n" not in shown and "{" not in shown and "}" not in shown
    assert shown.startswith('<div class="pmdocs-markdown">\n') and shown.endswith("\n</div>")
    assert "".join(elements_of(shown).text).count("7*7") == 1
