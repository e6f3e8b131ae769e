"""The checks of a built site (tests/site_checks.py) on small sites written here: each kind of
dead link and of missing diagram is found, and what is fine is not reported."""

from __future__ import annotations

from pathlib import Path

from tests.site_checks import dead_links, missing_diagrams

DRAWING = ('<svg id="page-cart" class="pmdocs-svg"><title>t</title>'
           '<g><a href="{link}" xlink:href="{link}"><text>cart</text></a></g>'
           '<g><a href="{link}#element-buy" xlink:href="{link}#element-buy"><text>buy</text></a></g></svg>')


def write(folder: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def page(body: str, title: str = "T") -> str:
    return f"<!doctype html><html><head><title>{title}</title></head><body>{body}</body></html>"


def test_links_to_files_and_ids_that_exist_are_not_reported(tmp_path: Path) -> None:
    site = write(tmp_path, {
        "index.html": page('<a href="pages/cart.html#element-buy">a</a> <a href="pages/">b</a> '
                           '<a href="#top" id="top">c</a> <a href="">d</a> <img src="x.png"> '
                           '<a href="https://example.org/#x">e</a> <a href="mailto:a@b.c">f</a> '
                           '<a href="prototype/cart/index.html#state=empty&amp;dialog=x">g</a>'),
        "pages/cart.html": page('<table><tr><td><a id="element-buy"></a>1</td></tr></table>'),
        "pages/index.html": page(""),
        "x.png": "",
        "prototype/cart/index.html": page(""),
        "404.html": page('<link href="/assets/main.css" rel="stylesheet">'),
    })
    assert dead_links(site) == []


def test_every_kind_of_dead_link_is_reported(tmp_path: Path) -> None:
    site = write(tmp_path / "site", {
        "pages/cart.html": page(
            '<a href="pmdocs:pages/home.md">a</a> <a href="home.md">b</a> '
            '<a href="cart.html#nope">c</a> <a href="/pages/cart.html">d</a> '
            '<a href="../../outside.html">e</a> <a href="//example.org/x">f</a> '
            '<svg><a xlink:href="gone.html"><text>g</text></a></svg>'
            '<object data="diagram.svg" type="image/svg+xml"></object> <script src="s.js"></script>'),
    })
    (tmp_path / "outside.html").write_text(page(""), encoding="utf-8")
    assert dead_links(site) == [
        "pages/cart.html: pmdocs:pages/home.md (scheme pmdocs:)",
        "pages/cart.html: home.md (no such file)",
        "pages/cart.html: cart.html#nope (no id 'nope' in pages/cart.html)",
        "pages/cart.html: /pages/cart.html (absolute path: breaks under a sub-path and from disk)",
        "pages/cart.html: ../../outside.html (outside the site)",
        "pages/cart.html: //example.org/x (leaves the site (//host))",
        "pages/cart.html: gone.html (no such file)",
        "pages/cart.html: diagram.svg (no such file)",
        "pages/cart.html: s.js (no such file)",
    ]


def test_a_title_is_text_as_a_browser_reads_it(tmp_path: Path) -> None:
    """`<img src=x>` in a `<title>` is text; after a `</title>` inside the title it is not."""
    site = write(tmp_path, {
        "a.html": page("", title="&lt;b&gt; <img src=gone-a>"),
        "b.html": "<html><head><title></title><img src=gone-b> - Site</title></head></html>",
    })
    assert dead_links(site) == ["b.html: gone-b (no such file)"]


def export_and_site(tmp_path: Path, built_pages: dict[str, str]) -> tuple[Path, Path]:
    """An export whose `pages/cart.md` shows the diagram `page-cart` (its placeholder, its
    drawing in `diagrams/`), and a site of `built_pages`."""
    export = write(tmp_path / "export", {
        "docs/pages/cart.md": '# Cart\n\n<div class="pmdocs-diagram" data-pmdocs-diagram="page-cart"></div>\n',
        "diagrams/page-cart.svg": DRAWING.format(link="pmdocs:pages/cart.md"),
    })
    return export / "docs", write(tmp_path / "site", built_pages)


def diagram(inside: str) -> str:
    return page(f'<h1>Cart</h1><div class="pmdocs-diagram" data-pmdocs-diagram="page-cart">{inside}</div>')


def test_a_diagram_inline_or_as_an_object_is_shown(tmp_path: Path) -> None:
    docs, site = export_and_site(tmp_path, {
        "pages/cart.html": diagram(DRAWING.format(link="cart.html")),
        "pages/cart/index.html": diagram('<object data="../../diagrams/page-cart.svg" type="image/svg+xml"></object>'),
        "diagrams/page-cart.svg": DRAWING.format(link="../pages/cart.html"),
    })
    assert missing_diagrams(docs, site) == []
    (site / "pages" / "cart.html").unlink()     # directory URLs: pages/cart/index.html
    assert missing_diagrams(docs, site) == []


def test_a_missing_or_damaged_diagram_is_reported(tmp_path: Path) -> None:
    cases = {
        "": "missing: the element holds nothing",
        '<img src="../diagrams/page-cart.svg">': "missing: the element holds an <img>",
        '<object data="../diagrams/none.svg"></object>': "missing: no file ../diagrams/none.svg in the site",
        DRAWING.format(link="cart.html").replace('id="page-cart"', 'id="other"'):
            "missing: its <svg> has the id 'other'",
        DRAWING.format(link="cart.html").replace('<a href="cart.html" xlink:href="cart.html">', "<a>"):
            "damaged: 1 of its 2 links left",
    }
    for number, (inside, why) in enumerate(cases.items()):
        docs, site = export_and_site(tmp_path / str(number), {
            "pages/cart.html": diagram(inside), "diagrams/page-cart.svg": DRAWING})
        assert missing_diagrams(docs, site) == [f"pages/cart.html: diagram page-cart {why}"]
    docs, site = export_and_site(tmp_path / "no-element", {"pages/cart.html": page("<h1>Cart</h1>")})
    assert missing_diagrams(docs, site) == [
        "pages/cart.html: diagram page-cart missing: no data-pmdocs-diagram element"]
    docs, site = export_and_site(tmp_path / "no-page", {"index.html": page("")})
    assert missing_diagrams(docs, site) == ["pages/cart.md: not built"]
