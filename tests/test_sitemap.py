"""The map of the site (`pmdocs.sitemap`): where each document lives, and the URL one built
page reaches another at, for file URLs and directory URLs alike."""

from __future__ import annotations

import pytest

from pmdocs.render.cells import Html, link
from pmdocs.render.tables import table
from pmdocs.sitemap import SiteMap

CASES = [   # target, source: file URLs, directory URLs, directory URLs naming index.html
    ("pages/cart.md", "pages/home.md", "cart.html", "../cart/", "../cart/index.html"),
    ("index.md", "pages/home.md", "../index.html", "../../", "../../index.html"),
    ("pages/index.md", "pages/home.md", "index.html", "../", "../index.html"),
    ("pages/cart.md#element-buy", "index.md", "pages/cart.html#element-buy",
     "pages/cart/#element-buy", "pages/cart/index.html#element-buy"),
    ("index.md", "index.md", "index.html", "./", "index.html"),
    ("pages/cart.md", "prototype/cart/index.html", "../../pages/cart.html", "../../pages/cart/",
     "../../pages/cart/index.html"),
    ("copy.csv", "copy.md", "copy.csv", "../copy.csv", "../copy.csv"),
    ("#anchor", "pages/cart.md", "#anchor", "#anchor", "#anchor"),
]


@pytest.mark.parametrize("target, source, files, folders, explicit", CASES)
def test_the_url_of_a_page_from_another(target: str, source: str, files: str, folders: str,
                                        explicit: str) -> None:
    assert SiteMap().url(target, source) == files
    assert SiteMap(directory_urls=True).url(target, source) == folders
    assert SiteMap(directory_urls=True).url(target, source, explicit=True) == explicit


def test_links_pmdocs_wrote_are_resolved_and_text_stays_text() -> None:
    shown = table(("a",), [(link("x", "pages/cart.md", "pages/home.md", "element-buy"),),
                           (Html('<a href="pmdocs:pages/cart.md">y</a>'),),
                           ('<a href="pmdocs:pages/cart.md">z</a>',)])
    resolved = SiteMap().resolve(shown, "pages/home.md")
    assert '<a href="cart.html#element-buy">x</a>' in resolved
    assert '<a href="cart.html">y</a>' in resolved
    assert "&lt;a href=&quot;pmdocs:pages/cart.md&quot;&gt;z&lt;/a&gt;" in resolved
    svg = '<g><a xlink:href="pmdocs:pages/cart.md" href="pmdocs:pages/cart.md"><text>c</text></a></g>'
    assert SiteMap(directory_urls=True).resolve(svg, "pagemap/trade.md") == \
        '<g><a xlink:href="../../pages/cart/" href="../../pages/cart/"><text>c</text></a></g>'


def test_every_item_is_in_the_navigation_under_its_section() -> None:
    from pmdocs.labels import labels_for
    from pmdocs.pipeline import check_project
    from tests.conftest import SAMPLE

    index = check_project(SAMPLE)[0].index
    nav = SiteMap().navigation(labels_for("zh"), True, index=index)

    def paths(entries):
        for entry in entries:
            if entry.path:
                yield entry.path
            yield from paths(entry.children)
    listed = list(paths(nav))
    items = [SiteMap.item(section, item.id) for section, specs in index.listed.items()
             for item in specs]
    assert items and not set(items) - set(listed)
    assert len(listed) == len(set(listed))
    pagemap = next(entry for entry in nav if entry.path == "pagemap/index.md")
    trade = next(entry for entry in pagemap.children if entry.title == "交易")
    assert trade.children[0].path == "pagemap/trade.md"
    assert "pages/cart.md" in [entry.path for entry in trade.children]


def test_a_long_section_is_split_into_groups() -> None:
    from pmdocs.sitemap import NAV_GROUP_LIMIT, _grouped

    class Index:
        @staticmethod
        def title_of(section: str, item_id: str) -> str:
            return f"<{item_id}>"
    ids = [f"f{number:03}" for number in range(NAV_GROUP_LIMIT * 2 + 1)]
    groups = _grouped("features", ids, Index())  # type: ignore[arg-type]
    assert [len(group.children) for group in groups] == [NAV_GROUP_LIMIT, NAV_GROUP_LIMIT, 1]
    assert groups[0].title == "&lt;f000&gt; … &lt;f039&gt;"


def test_a_level_of_many_groups_is_gathered_into_runs() -> None:
    """Past `NAV_RUN_LIMIT` groups (or modules) a level lists runs of about equal length,
    titled by their first and last items: a page's navigation stays short at N = 10,000."""
    from pmdocs.sitemap import NAV_GROUP_LIMIT, NAV_RUN_LIMIT, _grouped

    class Index:
        @staticmethod
        def title_of(section: str, item_id: str) -> str:
            return item_id
    ids = [f"f{number:04}" for number in range(NAV_GROUP_LIMIT * (NAV_RUN_LIMIT + 1))]
    runs = _grouped("features", ids, Index())  # type: ignore[arg-type]
    assert [len(run.children) for run in runs] == [13, 12]
    assert runs[0].title == f"f0000 … f{13 * NAV_GROUP_LIMIT - 1:04}"
    assert runs[1].children[-1].title == f"f{len(ids) - NAV_GROUP_LIMIT:04} … f{len(ids) - 1:04}"
    assert [entry.path for run in runs for group in run.children for entry in group.children] \
        == [SiteMap.item("features", item_id) for item_id in ids]
    few = _grouped("features", ids[:NAV_GROUP_LIMIT * NAV_RUN_LIMIT], Index())  # type: ignore[arg-type]
    assert len(few) == NAV_RUN_LIMIT and all(len(group.children) == NAV_GROUP_LIMIT for group in few)
