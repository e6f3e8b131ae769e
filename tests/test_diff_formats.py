"""The formats of a diff with an attacker's text in every place spec text goes: the terminal
report keeps it inside its lines, the pull-request comment shows it only as code (no tag,
link, image or @mention of its own), and JSON keeps it exact."""

from __future__ import annotations

import json

import pytest
from markdown_it import MarkdownIt

from pmdocs.diff import FieldChange, ItemChange, ProjectChanges, Revision
from pmdocs.diff.json_report import json_report
from pmdocs.diff.markdown import MAX_CHARACTERS, code, markdown_report
from pmdocs.diff.text import text_report
from pmdocs.issues import Location, make_issue
from pmdocs.printable import json_text

from .hostile import MARKDOWN_FAMILIES, PLAIN_FAMILIES

ATTACKS = [f"h{number} {text}" for number, text in
           enumerate([*PLAIN_FAMILIES.values(), *MARKDOWN_FAMILIES.values(),
                      "`` ``` `", "</details><img src=x onerror=alert(1)>", "@octocat #1 :+1:",
                      "\n::error::pwned", "ok\u202e evil", "\x1b[31mred"])]


def hostile_changes() -> ProjectChanges:
    def fields(attack: str) -> tuple[FieldChange, ...]:
        return tuple(FieldChange(part, attack, "label", way, attack, attack)
                     for part, way in (("state", "changed"), ("copy", "added")))
    items = tuple(ItemChange(section, f"item{number}", way, attack, fields(attack))
                  for number, attack in enumerate(ATTACKS)
                  for section, way in (("pages", "changed"), ("rules", "removed")))
    issue = make_issue("PM301", ATTACKS[0], Location(ATTACKS[1], 3, 4), ATTACKS[2])
    return ProjectChanges(Revision(ATTACKS[3], "0" * 40), Revision(ATTACKS[4]), items,
                          (issue,), (issue,))


def test_the_text_report_keeps_spec_text_inside_its_lines() -> None:
    lines = text_report(hostile_changes())
    printed = "\n".join(line.text for line in lines)
    assert len(printed.splitlines()) == len(lines)
    assert not any(character in printed for character in "\r\x1b\u202e\u2028")
    assert "::error" not in printed.replace("\\n::error", "")
    for line in lines[1:]:
        assert line.text.startswith(("  ", "pages:", "rules:", "problems ", "28 removed")), line


def inline_tokens(markdown: str):
    for token in MarkdownIt("commonmark").parse(markdown):
        yield token
        yield from token.children or ()


def test_the_comment_shows_spec_text_only_as_code() -> None:
    report = markdown_report(hostile_changes(), "https://prd.example.com/")
    tokens = list(inline_tokens(report))
    html = {token.content.strip() for token in tokens if token.type in ("html_block", "html_inline")}
    assert html == {"</details>", "<details>\n<summary>pages: 28 changed</summary>",
                    "<details>\n<summary>rules: 28 removed</summary>",
                    "<details>\n<summary>problems: 1 introduced, 1 fixed</summary>"}, html
    links = {token.attrs.get("href") for token in tokens if token.type == "link_open"}
    assert links == {f"https://prd.example.com/pages/item{number}.html"
                     for number in range(len(ATTACKS))}
    assert not [token for token in tokens if token.type == "image"]
    for token in tokens:
        if token.type == "text":
            assert not any(f"h{number} " in token.content for number in range(len(ATTACKS))), \
                token.content
    shown = [token.content for token in tokens if token.type == "code_inline"]
    assert all(any(attack.split()[0] in text for text in shown) for attack in ATTACKS)


@pytest.mark.parametrize("text", ["a`b", "``", "`start", "end`", " spaced ", "x" * 400, ""])
def test_a_code_span_reads_as_its_text(text: str) -> None:
    tokens = [token for token in inline_tokens(code(text)) if token.type == "code_inline"]
    expected = (text[:300] + "…") if len(text) > 300 else text
    assert [token.content for token in tokens] == ([expected] if text else [])


def test_a_long_comment_counts_what_it_cannot_list() -> None:
    fields = tuple(FieldChange("state", str(number), "description", "changed", "x" * 250,
                               "y" * 250) for number in range(40))
    items = tuple(ItemChange("pages", f"page{number}", "changed", "页", fields)
                  for number in range(100))
    report = markdown_report(ProjectChanges(Revision("a", "0" * 40), Revision("b", "1" * 40),
                                            items))
    assert len(report) < 65_536 and len(report) <= MAX_CHARACTERS + 1000
    assert "more, left out for the comment's size" in report


def test_json_keeps_spec_text_exact() -> None:
    changes = hostile_changes()
    decoded = json.loads(json_text(json_report(changes)))
    assert [item["title"] for item in decoded["items"]] == [item.title for item in changes.items]
    assert decoded["items"][0]["fields"][0] == {
        "part": "state", "key": ATTACKS[0], "field": "label", "change": "changed",
        "before": ATTACKS[0], "after": ATTACKS[0]}
    assert decoded["problems"]["introduced"][0]["file"] == ATTACKS[1]
