"""The render stage: the sample's generated Markdown against its goldens, in both languages;
every table a valid HTML block, every link resolving; hostile spec text that stays text; the
copy CSV."""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import posixpath
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from pmdocs.pipeline import check_project
from pmdocs.mkdocs_adapter.pages import put_blocks_back, set_blocks_aside
from pmdocs.graph.common import first_of_each
from pmdocs.labels import LABELS
from pmdocs.model import Project
from pmdocs.pipeline import render_project as render_site
from pmdocs.render import RenderedSite
from pmdocs.render.cells import Html
from pmdocs.render.tables import MATRIX_COLUMN_LIMIT, cell_block, matrix, table
from pmdocs.render.text import Safe, heading_id

from .conftest import SAMPLE

GOLDENS = Path(__file__).resolve().parent / "goldens" / "site"
EXTENSIONS = ["tables", "attr_list", "admonition", "toc", "md_in_html"]
CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")
LINK = re.compile(r"\]\(([^()\s]*)\)")
HTML_LINK = re.compile(r'<a href="([^"]*)"')


@pytest.fixture(scope="module")
def sample() -> tuple[Project, RenderedSite]:
    project, issues, _ = check_project(SAMPLE)
    return project, render_site(project, issues)


def in_english(project: Project) -> Project:
    return dataclasses.replace(project, settings=project.settings.model_copy(
        update={"language": "en"}))


# ------------------------------------------------------------------------- goldens


def test_sample_matches_goldens(sample: tuple[Project, RenderedSite], update_goldens: bool) -> None:
    _, site = sample
    generated = {path: text.encode("utf-8") for path, text in site.documents.items()}
    generated.update({path: text.encode("utf-8") for path, text in site.html.items()})
    generated.update(site.files)
    if update_goldens:
        shutil.rmtree(GOLDENS, ignore_errors=True)
        for path, content in generated.items():
            (GOLDENS / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDENS / path).write_bytes(content)
    stored = {path.relative_to(GOLDENS).as_posix(): path.read_bytes()
              for path in GOLDENS.rglob("*") if path.is_file()}
    assert sorted(stored) == sorted(generated), "run `pytest --update-goldens` on purpose"
    for path, content in generated.items():
        assert content.decode("utf-8") == stored[path].decode("utf-8"), path


def test_rendering_twice_gives_the_same_site(sample: tuple[Project, RenderedSite]) -> None:
    project, site = sample
    again = render_site(project, check_project(SAMPLE)[1])
    assert again.documents == site.documents
    assert again.html == site.html
    assert again.files == site.files


def test_every_section_and_item_has_its_page(sample: tuple[Project, RenderedSite]) -> None:
    project, site = sample
    expected = {"index.md", "features/index.md", "releases.md", "flows/index.md", "usecases.md",
                "objects/index.md", "roles/index.md", "structure.md", "pagemap/index.md",
                "rules/index.md", "trace.md", "copy.md", "glossary.md", "codes.md"}
    for section in ("features", "flows", "objects", "roles", "pages", "rules"):
        expected |= {f"{section}/{item.id}.md" for item in project.items(section)}
    expected |= {f"pagemap/{module.id}.md" for module in project.settings.modules}
    assert set(site.documents) == expected
    assert set(site.files) == {"copy.csv", "prototype/_assets/sitemap.js"}
    pages = first_of_each(project.pages)
    assert set(site.html) == {"prototype/index.html"} | {f"prototype/{page.id}/index.html"
                                                          for page in pages}
    for path, text in site.documents.items():
        if path.count("/") and not path.endswith("index.md") and not path.startswith("pagemap/"):
            assert "\n## 被引用 {: #referenced-by }\n" in text, path


# --------------------------------------------------------------------- Markdown shape


def html_blocks(text: str, tag: str = "table") -> list[tuple[int, int]]:
    """(first line, last line) of every generated HTML block (`<table>` … `</table>` lines)."""
    lines = text.split("\n")
    starts = [number for number, line in enumerate(lines)
              if line in (f"<{tag}>", f"<{tag} data-search-exclude>")]
    ends = [number for number, line in enumerate(lines) if line == f"</{tag}>"]
    assert len(starts) == len(ends), f"an unclosed <{tag}>"
    return list(zip(starts, ends))


class _Rows(HTMLParser):
    """The cells of an HTML table, row by row, and the line each row is on."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.row_lines: list[int] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in ("br", "a", "code", "strong", "p", "em", "ul", "li"):
            self.open.append(tag)
        if tag == "tr":
            self.rows.append([])
            self.row_lines.append(self.getpos()[0])
        elif tag in ("td", "th"):
            self.rows[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("br", "a", "code", "strong", "p", "em", "ul", "li"):
            return
        assert self.open and self.open[-1] == tag, (tag, self.open)
        self.open.pop()
        if tag == "tr":
            assert self.getpos()[0] == self.row_lines[-1], "a row spans lines"

    def handle_data(self, data: str) -> None:
        if self.rows and self.rows[-1] and self.open[-1] in ("td", "th"):
            self.rows[-1][-1] += data


def parsed_table(html: str) -> list[list[str]]:
    parser = _Rows()
    parser.feed(html)
    parser.close()
    assert not parser.open, parser.open
    return parser.rows


def test_tables_are_valid_html_tables(sample: tuple[Project, RenderedSite]) -> None:
    """Every table is an HTML block Python-Markdown passes through untouched (so no inline
    pattern runs on its cells): blank lines around it, one row per line, as many cells in
    every row as headers; and no Markdown pipe table is left. Long lists (the structure
    tree) are HTML blocks too."""
    _, site = sample
    for path, text in site.documents.items():
        text = body_of(text)
        lines = text.split("\n")
        converted = markdown.markdown(text, extensions=EXTENSIONS)
        tables = html_blocks(text)
        for tag in ("table", "ul"):
            for first, last in html_blocks(text, tag):
                assert first == 0 or lines[first - 1] == "", (path, lines[first])
                assert last + 1 >= len(lines) or lines[last + 1] == "", (path, lines[last])
                block = "\n".join(lines[first:last + 1])
                assert block in converted, (path, "changed by Markdown", block[:200])
        for first, last in tables:
            rows = parsed_table("\n".join(lines[first:last + 1]))
            assert len(rows) >= 2, (path, lines[first:last + 1])
            assert all(len(row) == len(rows[0]) for row in rows), (path, lines[first:last + 1])
        assert converted.count("<table>") + converted.count("<table data-search-exclude>") == \
            len(tables), path
        assert not [line for line in lines if line.startswith("|")], path
        assert "\n\n\n" not in text, path
    assert "<ul>" in site.documents["structure.md"]


def test_html_blocks_set_aside_come_back_as_markdown_would_pass_them(
        sample: tuple[Project, RenderedSite]) -> None:
    """The front ends keep the HTML blocks out of Python-Markdown: the page comes out the same."""
    _, site = sample
    for path, text in site.documents.items():
        text = body_of(text)
        shorter, blocks = set_blocks_aside(text)
        assert "<table>" not in shorter and "\n<ul>\n" not in shorter, path
        converted = markdown.markdown(text, extensions=EXTENSIONS)
        assert put_blocks_back(markdown.markdown(shorter, extensions=EXTENSIONS), blocks) \
            == converted, path
    text = "Intro\n\n<table>\n<tr><td>a</td></tr>\n</table>\n\n<!--pmdocs-block-0-->\n"
    assert set_blocks_aside(text) == (text, [])


def link_targets(text: str) -> list[str]:
    """Every link of a document: Markdown links (relative) and the tables' HTML links, whose
    `pmdocs:<doc path>` is written relative to the docs folder (made relative here)."""
    return LINK.findall(text) + HTML_LINK.findall(text)


def test_links_resolve_to_documents_and_anchors(sample: tuple[Project, RenderedSite]) -> None:
    _, site = sample
    targets = set(site.documents) | set(site.files) | set(site.html)
    checked = 0
    for path, text in site.documents.items():
        for destination in link_targets(text):
            page, _, fragment = destination.partition("#")
            assert not page.startswith("pmdocs:"), (path, destination)
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), page)) \
                if page else path
            if target.endswith(".html") and target[:-len(".html")] + ".md" in site.documents:
                target = target[:-len(".html")] + ".md"     # a table's link names the built page
            assert target in targets, (path, destination)
            if fragment:
                assert f'<a id="{fragment}"></a>' in site.documents[target] or \
                    heading_id(fragment) + "\n" in site.documents[target], (path, destination)
            checked += 1
    assert checked > 1000, checked


def test_english_site_has_the_same_pages_and_no_chinese_labels(
        sample: tuple[Project, RenderedSite]) -> None:
    project, site = sample
    english = render_site(in_english(project), check_project(SAMPLE)[1])
    assert set(english.documents) == set(site.documents)
    assert "## Acceptance criteria" in english.documents["features/cart.md"]
    assert "## Referenced by" in english.documents["pages/cart.md"]
    spec_characters = set(CJK.findall("".join(project.sources.values())))
    for path, text in english.documents.items():
        assert set(CJK.findall(text)) <= spec_characters, path


def test_every_label_exists_in_both_languages() -> None:
    for key, (chinese, english) in LABELS.items():
        assert chinese.strip() and english.strip(), key


# ----------------------------------------------------------------------- the copy deck


def test_the_copy_deck_is_grouped_by_module_and_page_with_example_data_apart(
        sample: tuple[Project, RenderedSite]) -> None:
    project, site = sample
    deck = site.documents["copy.md"]
    examples = deck.index("{: #copy-examples }")
    headings = [deck.index(f"{{: #copy-{module.key} }}") for module in project.index.modules]
    assert headings == sorted(headings) and headings[-1] < deck.index("{: #copy-rules }") < examples
    assert deck.index("购物车还是空的") < examples < deck.index("赣南脐橙 5 斤装")   # a list's example row
    rows = site.files["copy.csv"].decode("utf-8-sig").splitlines()
    assert any(",element_example," in row and "赣南脐橙" in row for row in rows)


def test_the_role_matrix_shows_only_what_the_specs_say(sample: tuple[Project, RenderedSite]) -> None:
    project, site = sample
    trace = site.documents["trace.md"]
    matrix = trace[trace.index("{: #trace-role-pages }"):]
    assert "○" not in matrix
    named = [page for page in project.pages if page.roles or any(e.roles for e in page.elements)]
    open_pages = [page for page in project.pages if not page.roles]
    assert named and open_pages
    table_part = matrix[:matrix.index("</table>")]
    assert table_part.count("<tr>") == len(named) + 1
    listed_apart = matrix[matrix.index("</table>"):]
    assert all(f"]({page.id}.md)" in listed_apart or f"pages/{page.id}.md)" in listed_apart
               for page in open_pages), listed_apart[:300]


def test_copy_csv_opens_in_excel(sample: tuple[Project, RenderedSite]) -> None:
    _, site = sample
    content = site.files["copy.csv"]
    assert content.startswith("\ufeff".encode("utf-8"))
    text = content.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["page_id", "page_title", "where", "key", "text", "parameters"]
    assert ["checkin", "每日签到抽奖", "element_label", "draw_button", "签到抽奖", ""] in rows
    assert ["checkin_lottery", "签到抽奖参与规则", "limit_exceeded", "limit[1]",
            "今日抽奖机会已用完，明天 00:00 再来", ""] in rows      # the first of the rule's two limits
    assert ["checkin_lottery", "签到抽奖参与规则", "limit_exceeded", "limit[2]",
            "本期满签大礼包已领取", ""] in rows
    assert ["shipping_fee", "运费规则", "rule_outcome_copy", "table[4]",
            "偏远地区运费 {$remote_freight} 元", "remote_freight=20"] in rows   # as written, and its parameter
    assert all(len(row) == 6 for row in rows)
    assert "copy.csv" in site.documents["copy.md"]


# ------------------------------------------------------------------ untrusted spec text

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
JAVASCRIPT_LINK = "[x](javascript:alert(1))"
ATTRIBUTES = '{: onclick="alert(1)" }'
PIPES = '"quotes" |pipes| C:\\new\\N 🍊'
HOSTILE = [SCRIPT, IMAGE, JAVASCRIPT_LINK, ATTRIBUTES, PIPES]
PLAIN = [SCRIPT, IMAGE, ATTRIBUTES, PIPES]
"""Shown where text is plain (titles, labels, cells): each must read exactly as written."""


def hostile(index: int) -> str:
    return " ".join(HOSTILE[index:] + HOSTILE[:index])


def hostile_project(folder: Path, language: str) -> Path:
    """A small project in which every text a reader sees is an attack."""
    settings = {"name": hostile(0), "version": SCRIPT, "summary": hostile(1), "language": language,
                "goals": HOSTILE, "glossary": {SCRIPT: hostile(2), IMAGE: JAVASCRIPT_LINK},
                "releases": [{"id": "first", "title": hostile(3), "goal": hostile(4)}],
                "modules": [{"id": "shop", "title": hostile(0)}]}
    specs = {**_hostile_business(), "pages": _hostile_pages(), "rules": [_hostile_rule()]}
    (folder / "pmdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    (folder / "specs.yml").write_text(yaml.safe_dump(specs, allow_unicode=True), "utf-8")
    return folder


def _hostile_business() -> dict:
    lifecycle = {"initial": "new", "final": "done",
                 "states": [{"id": "new", "name": hostile(2)}, {"id": "done", "name": hostile(3)}],
                 "transitions": [{"from": "new", "to": "done", "on": hostile(4), "by": "buyer"}]}
    steps = [{"id": "begin", "kind": "start", "lane": "buyer", "label": hostile(2),
              "next": [{"to": "finish", "when": hostile(3)}]},
             {"id": "finish", "kind": "end", "lane": "buyer", "label": hostile(4)}]
    return {
        "roles": [{"id": "buyer", "name": hostile(1), "description": hostile(2)}],
        "objects": [{"id": "order", "name": hostile(3), "description": hostile(4),
                     "attributes": [{"id": "state", "name": hostile(0), "type": "enum",
                                     "values": HOSTILE, "note": hostile(1)}],
                     "lifecycle": lifecycle}],
        "flows": [{"id": "buying", "title": hostile(0), "description": hostile(1),
                   "lanes": ["buyer"], "steps": steps}],
        "features": [{"id": "buy", "title": hostile(2), "story": hostile(3), "release": "first",
                      "owner": hostile(4), "roles": ["buyer"], "pages": ["shop_home", "popup"],
                      "rules": ["limit"], "flows": ["buying"], "objects": ["order"],
                      "acceptance": [{"given": hostile(0), "when": hostile(1),
                                      "then": hostile(2)}]}],
    }


def _hostile_pages() -> list[dict]:
    element = {"id": "go", "type": "button", "label": hostile(1), "placeholder": hostile(2),
               "items": HOSTILE, "notes": hostile(3), "rules": ["limit"], "shows": "order.state",
               "on_tap": [{"to": "popup", "when": hostile(4), "effect": hostile(0)},
                          {"effect": hostile(1), "note": hostile(2)}]}
    return [{"id": "shop_home", "title": hostile(3), "module": "shop", "menu": hostile(4),
             "entry": "tab", "description": hostile(0), "loads_data": False, "elements": [element],
             "states": {"loaded": {"description": hostile(3), "copy": HOSTILE},
                        "empty": hostile(4)},
             "copy": {"greeting": hostile(0)}},
            {"id": "popup", "title": hostile(1), "kind": "dialog", "module": "shop",
             "elements": [{"id": "close", "type": "button", "label": hostile(2),
                           "on_tap": "close"}]}]


def _hostile_rule() -> dict:
    """A rule whose table leaves gaps (kind b and c), so the checks have findings to show."""
    return {"id": "limit", "title": hostile(3), "description": hostile(4),
            "applies_to": {"pages": ["shop_home"], "elements": ["shop_home.go"]},
            "parameters": [{"id": "most", "title": hostile(0), "default": 2, "min": 1, "max": 5,
                            "unit": hostile(1), "editable_by": ["buyer"], "note": hostile(2)}],
            "limit": {"subject": "user", "scope": hostile(3), "counts": "success",
                      "window": {"kind": "calendar_day", "timezone": hostile(4), "reset": "00:00"},
                      "max": "$most", "exceeded": hostile(0)},
            "inputs": [{"id": "kind", "title": hostile(1), "values": ["a", "b", "c"]}],
            "table": [{"when": {"kind": "a"}, "note": hostile(0),
                       "then": {"result": hostile(2), "copy": hostile(3), "to": "popup",
                                "effect": hostile(4)}}],
            "notes": hostile(1)}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def front_matter(document: str) -> dict:
    from mkdocs.utils.meta import get_data

    return get_data(document)[1]


def body_of(document: str) -> str:
    """A document as mkdocs hands it to Python-Markdown: without its front matter."""
    from mkdocs.utils.meta import get_data

    return get_data(document)[0]


def visible_text(converted: str) -> str:
    parser = _Text()
    parser.feed(converted)
    return re.sub(r"\s+", " ", "".join(parser.parts))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_hostile_text_stays_text(tmp_path: Path, language: str) -> None:
    project, issues, _ = check_project(hostile_project(tmp_path, language))
    assert not [issue for issue in issues if issue.code.startswith(("PM1", "PM2"))], issues
    site = render_site(project, issues)
    shown = ""
    for path, text in site.documents.items():
        title = front_matter(text)["title"]    # printed as it is by the theme: escaped once
        assert html.unescape(title) != title or not set(title) & set("<>&\"'"), (path, title)
        assert "<" not in title and '"' not in title, (path, title)
        converted = markdown.markdown(body_of(text), extensions=EXTENSIONS)
        assert "<script" not in converted.lower(), path
        assert not re.search(r"<[^>]*\s(onerror|onclick)\s*=", converted, re.IGNORECASE), path
        assert not re.search(r"href=[\"']?\s*javascript:", converted, re.IGNORECASE), path
        assert "<img" not in converted.lower(), path
        shown += visible_text(converted)
    for text in PLAIN:
        assert text in shown, text
    assert JAVASCRIPT_LINK in visible_text(markdown.markdown(
        body_of(site.documents["pages/shop_home.md"]), extensions=EXTENSIONS))


def test_hostile_site_in_english_has_no_chinese(tmp_path: Path) -> None:
    project, issues, _ = check_project(hostile_project(tmp_path, "en"))
    for path, text in render_site(project, issues).documents.items():
        assert not CJK.search(text), (path, CJK.findall(text)[:5])


def test_a_rule_page_shows_what_the_checks_found(tmp_path: Path) -> None:
    project, issues, _ = check_project(hostile_project(tmp_path, "en"))
    site = render_site(project, issues)
    gaps = [issue for issue in issues if issue.code == "PM330"]
    assert gaps, issues
    rule_page = site.documents["rules/limit.md"]
    assert "PM330" in rule_page
    assert "complete: every combination" not in rule_page
    assert "no row covers" in rule_page
    assert "PM330" in site.documents["rules/index.md"]


def test_formulas_in_the_copy_csv_are_neutralised(tmp_path: Path) -> None:
    folder = hostile_project(tmp_path, "en")
    specs = yaml.safe_load((folder / "specs.yml").read_text("utf-8"))
    specs["pages"][1]["elements"][0]["label"] = "=HYPERLINK(\"http://x\")"
    (folder / "specs.yml").write_text(yaml.safe_dump(specs, allow_unicode=True), "utf-8")
    project, issues, _ = check_project(folder)
    text = render_site(project, issues).files["copy.csv"].decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert ["popup", hostile(1), "element_label", "close", "'=HYPERLINK(\"http://x\")", ""] in rows


# ------------------------------------------------------------------------ table helpers


def test_a_wide_matrix_becomes_a_list() -> None:
    columns = [(f"c{number}", Html(f'<a href="pmdocs:c{number}.md">c{number}</a>'))
               for number in range(MATRIX_COLUMN_LIMIT + 1)]
    rows = [("r", Html('<a href="pmdocs:r.md">r</a>')), ("s", Html('<a href="pmdocs:s.md">s</a>'))]
    shown = matrix("row", rows, columns, {("r", "c3"): "✓", ("r", "c7"): "✓"}, ", ")
    assert shown.splitlines() == [
        "<ul>",
        '<li><a href="pmdocs:r.md">r</a>: <a href="pmdocs:c3.md">c3</a>, '
        '<a href="pmdocs:c7.md">c7</a></li>',
        '<li><a href="pmdocs:s.md">s</a>: –</li>',
        "</ul>"]
    narrow = matrix("row < 1", rows, columns[:2], {("r", "c1"): "✓"}, ", ")
    assert parsed_table(narrow) == [["row < 1", "c0", "c1"], ["r", "", "✓"], ["s", "", ""]]


def test_a_table_escapes_text_and_refuses_markdown() -> None:
    shown = table(("a & b", Html("<code>x</code>")), [("<b>bold</b> | \\ *x*", "")])
    assert parsed_table(shown) == [["a & b", "x"], ["<b>bold</b> | \\ *x*", "–"]]
    assert "&lt;b&gt;" in shown and "<b>" not in shown
    with pytest.raises(TypeError):
        table(("a",), [(Safe("[x](y.md)"),)])


def test_a_description_in_a_cell_stays_in_its_cell() -> None:
    notes = "first | line\nsecond **bold**\n\n- a [link](javascript:alert(1))\n- <b>bold</b> \\"
    rendered = table(("notes", "next"), [(cell_block(notes), "after")])
    converted = markdown.markdown(rendered, extensions=EXTENSIONS)
    assert rendered in converted
    assert parsed_table(rendered)[1][1] == "after"
    assert len(rendered.splitlines()) == 8
    assert "first | line<br>second <strong>bold</strong>" in converted
    assert "<li>a [link](javascript:alert(1))</li>" in converted      # no link: text as written
    assert "href" not in converted and "<b>" not in converted
    assert "&lt;b&gt;bold&lt;/b&gt;" in converted
    assert cell_block("one line") == "one line"


# ------------------------------------------------------------------ copy with parameters

def test_copy_shows_a_parameter_at_its_default_and_the_rest_as_written() -> None:
    """`{$cap}` shows the default, marked and linked, in the site and the prototype; braces
    that name no parameter, and a name no rule defines, read as written; every word around
    them stays text, whatever it holds."""
    from tests.test_graph import make_project

    copy = "<b>每天可为 {$cap} 位好友助力</b> {剩余天数} {$nope} {{ 7*7 }}"
    project = make_project(
        rules=[{"id": "assist", "title": "助力", "applies_to": {"pages": ["home"]},
                "parameters": [{"id": "cap", "title": "每天<可>助力人数", "default": 3,
                                "min": 1, "max": 9}]}],
        pages=[{"id": "home", "title": "首页", "entry": True, "terminal": True,
                "states": {"loaded": {"description": "有数据", "copy": copy}},
                "copy": {"tip": copy}}])
    site = render_site(project, [])
    mark = ('<a class="pmdocs-param" href="../rules/assist.html#parameter-cap" '
            'title="可配置参数「每天&lt;可&gt;助力人数」（cap），默认值 3">3</a>')
    shown = f"&lt;b&gt;每天可为 {mark} 位好友助力&lt;/b&gt; {{剩余天数}} {{$nope}} {{{{ 7*7 }}}}"
    page = site.documents["pages/home.md"]
    assert page.count(shown) == 2          # the state's copy and the page's copy
    prototype = site.html["prototype/home/index.html"]
    span = ('<span class="pp-param" title="可配置参数「每天&lt;可&gt;助力人数」（cap），默认值 3">'
            '3</span>')
    assert (f"<p>&lt;b&gt;每天可为 {span} 位好友助力&lt;/b&gt; {{剩余天数}} {{$nope}} "
            "{{ 7*7 }}</p>") in prototype
    deck = site.files["copy.csv"].decode("utf-8-sig")
    assert "cap=3" in deck and copy in deck


def test_heading_anchors_are_readable_stable_and_never_emphasis() -> None:
    import markdown

    def anchor(*words: str) -> str:
        converted = markdown.markdown("## 标题" + heading_id(*words), extensions=["attr_list"])
        return converted.split('id="')[1].split('"')[0] if 'id="' in converted else ""
    assert anchor("release", "v1_1") == "release-v1_1"
    assert anchor("一般 纳税人") == "一般-纳税人"
    assert anchor("a-_b_") == "a-b_" and anchor("_x_") == "x_"
    assert anchor('<b onclick="x">') == "b-onclick-x"
    assert heading_id("<>") == "" and heading_id() == ""
