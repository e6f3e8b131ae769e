"""pmdocs' own search entries for the pages it writes (`pmdocs.mkdocs_adapter.search`):
the sections Material's indexer would make, the words escaped, Chinese segmented once per
distinct run; pages pmdocs did not write are left to Material. The whole path (built site,
index file, offline copy, a search in Chromium) is in test_site_output and test_site_browser."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from pmdocs.mkdocs_adapter.search import SearchEntries, Segmenter, page_sections, search_entries, text_of

PAGE = """<h1 id="cart">购物车<a class="headerlink" href="#cart" title="Permanent link">&para;</a></h1>
<p>按加入时间<strong>倒序</strong>列出商品</p>
<!-- a comment -->
<h2 id="_2">元素<a class="headerlink" href="#_2" title="Permanent link">&para;</a></h2>
<table>
<tr><th>编号</th><td>&lt;Home&gt; &amp; &quot;A&quot;</td></tr>
</table>
<h3>没有锚点的标题</h3>
<ul><li>去结算</li><li></li></ul>
"""


def test_a_page_divides_at_its_anchored_headings_like_materials_index() -> None:
    sections = page_sections(PAGE)
    assert [(anchor, heading) for anchor, heading, _ in sections] == [(None, "购物车"), ("_2", "元素")]
    assert "没有锚点的标题" in sections[1][2]
    assert page_sections("<p>前言</p><h2 id=\"a\">甲</h2>正文")[0] == (None, None, "<p>前言</p>")


def test_text_keeps_paragraphs_and_lists_bare_and_stays_escaped() -> None:
    body = page_sections(PAGE)[1][2]
    assert text_of(body) == ("编号 &lt;Home&gt; &amp; \"A\" 没有锚点的标题 <ul><li>去结算</li></ul>")
    assert text_of('<p class="x">a <a href="y">b</a>c</p>') == "<p>a bc</p>"
    assert "alert" not in "".join(body for _, _, body in page_sections("<script>alert(1)</script>x"))


def test_chinese_is_segmented_once_per_distinct_run() -> None:
    calls: list[str] = []

    def cut(text: str) -> list[str]:
        calls.append(text)
        return [text[:2], text[2:]] if len(text) > 2 else [text]
    segment = Segmenter(cut)
    assert segment("去结算 button 去结算，购物车") == \
        "去结\u200b算\u200b button \u200b去结\u200b算\u200b，\u200b购物\u200b车"
    assert calls == ["去结算", "购物车"]
    assert Segmenter(None)("去结算") == "去结算"


def test_entries_are_one_per_section_with_materials_locations() -> None:
    entries = search_entries("pages/cart.html", "购物车", PAGE, Segmenter(None))
    assert [(entry["location"], entry["title"]) for entry in entries] == [
        ("pages/cart.html", "购物车"), ("pages/cart.html#_2", "元素")]
    assert entries[0]["text"] == "<p>按加入时间倒序列出商品</p>"


def test_an_items_entry_says_what_it_is_and_repeated_tables_are_left_out() -> None:
    content = ('<h1 id="top">库存不足</h1><p>轻提示</p>\n<table data-search-exclude>\n'
               '<tr><td>确认订单</td><td>库存不足</td></tr>\n</table>\n<h2 id="elements">元素</h2>x')
    entries = search_entries("pages/stock_short_toast.html", "库存不足", content,
                             Segmenter(None), "轻提示")
    assert [entry["title"] for entry in entries] == ["轻提示 · 库存不足", "元素"]
    assert entries[0]["text"] == "<p>轻提示</p>"
    assert search_entries("x.html", "&lt;b&gt;", "<p>y</p>", Segmenter(None), "&lt;i&gt;")[0]["title"] \
        == "&lt;i&gt; · &lt;b&gt;"


def page(source: str, meta: dict) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=source), url=source.replace(".md", ".html"),
                           title="标题", meta=meta)


def material_search_config() -> SimpleNamespace:
    plugin = type("SearchPlugin", (), {"__module__": "material.plugins.search.plugin"})()
    plugin.config = SimpleNamespace(enabled=True)
    return SimpleNamespace(plugins={"material/search": plugin})


def test_only_pages_pmdocs_wrote_are_taken_from_materials_indexer(tmp_path: Path) -> None:
    search = SearchEntries()
    search.configure(material_search_config())
    ours, theirs = page("a.md", {"generator": "pmdocs"}), page("b.md", {})
    excluded = page("c.md", {"generator": "pmdocs", "search": {"exclude": True}})
    for item in (ours, theirs, excluded):
        search.index(item, "<h1 id=\"t\">标题</h1><p>正文</p>")
    assert ours.meta["search"] == {"exclude": True} and "search" not in theirs.meta
    assert list(search.pages) == ["a.md"]

    index_file = tmp_path / "search" / "search_index.json"
    index_file.parent.mkdir()
    index_file.write_text(json.dumps({"config": {}, "docs": [{"location": "b.html"}]}), encoding="utf-8")
    search.write(str(tmp_path), sources={"a.md", "b.md"})
    locations = [entry["location"] for entry in json.loads(index_file.read_text(encoding="utf-8"))["docs"]]
    assert locations == ["b.html", "a.html"]

    search.write(str(tmp_path), sources={"b.md"})      # a.md was deleted while serving
    assert search.pages == {}


def test_the_index_is_written_as_utf8_with_the_line_separators_escaped(tmp_path: Path) -> None:
    """Chinese text as itself (half the bytes of `\\u` escapes, in a file a reader's browser
    fetches whole); U+2028 / U+2029 escaped, since the offline copy of the index is a script."""
    search = SearchEntries()
    search.configure(material_search_config())
    search.index(page("a.md", {"generator": "pmdocs"}),
                 "<h1 id=\"t\">购物车</h1><p>去结算</p>")
    index_file = tmp_path / "search" / "search_index.json"     # a page of the team's own
    index_file.parent.mkdir()
    theirs = {"location": "b.html", "title": "b", "text": "第一行\u2028第二行\u2029完"}
    index_file.write_text(json.dumps({"config": {}, "docs": [theirs]}), encoding="utf-8")
    search.write(str(tmp_path))
    raw = index_file.read_bytes()
    assert "购物车".encode() in raw and b"\\u8d2d" not in raw
    assert "\u2028".encode() not in raw and "\u2029".encode() not in raw
    assert json.loads(raw.decode("utf-8"))["docs"][0] == theirs


def test_without_materials_search_every_page_is_left_alone() -> None:
    search = SearchEntries()
    search.configure(SimpleNamespace(plugins={"search": object()}))
    item = page("a.md", {"generator": "pmdocs"})
    search.index(item, "<h1 id=\"t\">标题</h1>")
    assert "search" not in item.meta and not search.pages


def test_known_runs_are_not_segmented_again() -> None:
    calls: list[str] = []

    def cut(text: str) -> list[str]:
        calls.append(text)
        return [text]
    segment = Segmenter(cut, known={"去结算": "\u200b去\u200b结算\u200b"})
    assert segment("去结算，购物车") == "去\u200b结算\u200b，\u200b购物车"
    assert calls == ["购物车"] and segment.segmented == 1
    assert segment.used == {"去结算", "购物车"}


def build_index(search: SearchEntries, folder: Path, words_file: Path) -> list[dict]:
    """One build's index of one page, with the words kept in `words_file`."""
    search.configure(material_search_config(), str(words_file))
    search.index(page("a.md", {"generator": "pmdocs"}), "<h1 id=\"t\">购物车</h1><p>去结算</p>")
    index_file = folder / "search" / "search_index.json"
    index_file.parent.mkdir(parents=True, exist_ok=True)
    index_file.write_text(json.dumps({"config": {}, "docs": []}), encoding="utf-8")
    search.write(str(folder))
    return json.loads(index_file.read_text(encoding="utf-8"))["docs"]


def test_the_words_are_kept_between_builds_and_give_the_same_index(tmp_path: Path) -> None:
    words_file = tmp_path / "cache" / "words.json"
    first = SearchEntries()
    docs = build_index(first, tmp_path / "one", words_file)
    assert first.segment is not None and first.segment.segmented == 2
    assert set(json.loads(words_file.read_text(encoding="utf-8"))["words"]) == {"购物车", "去结算"}

    again = SearchEntries()
    assert build_index(again, tmp_path / "two", words_file) == docs
    assert again.segment is not None and again.segment.segmented == 0    # jieba not asked

    stored = json.loads(words_file.read_text(encoding="utf-8"))
    words_file.write_text(json.dumps({**stored, "key": "another jieba"}), encoding="utf-8")
    other = SearchEntries()
    assert build_index(other, tmp_path / "three", words_file) == docs
    assert other.segment is not None and other.segment.segmented == 2

    words_file.write_text("{not json", encoding="utf-8")
    damaged = SearchEntries()
    assert build_index(damaged, tmp_path / "four", words_file) == docs
    assert json.loads(words_file.read_text(encoding="utf-8"))["key"] == stored["key"]
