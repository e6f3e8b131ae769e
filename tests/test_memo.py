"""Reusing the last run's outputs (pmdocs.memo): after any one edit, a run that takes what it
can from the memo renders exactly what a run without one renders — every item of the sample
retitled in turn (a title shows wherever the item is named), and edits that add, remove and
rename items and jumps. Speed is the benchmarks' business; this is the claim the keys make."""

from __future__ import annotations

import html
import shutil
from pathlib import Path
from typing import Sequence

import pytest

from pmdocs import pipeline
from pmdocs.graph import Diagram
from pmdocs.layout import Drawing
from pmdocs.memo import Memo
from tests.browser import SAMPLE
from tests.test_incremental import (add_two_roles, describe_a_page, remove_a_role,
                                    rename_a_role, replace_in, retitle_a_sibling)

TITLE_FIELDS = ("title", "name")


class DotAsDrawing:
    """A layout that "draws" each diagram as its DOT and edges: the site then holds every
    diagram's source, so two runs compare the graph stage's output too."""

    def draw(self, diagrams: Sequence[Diagram]) -> dict[str, Drawing]:
        return {diagram.id: Drawing(f"<svg><!--{html.escape(repr((diagram.dot, diagram.edges)))}"
                                    "--></svg>") for diagram in diagrams}


def run(project: Path, memo: Memo | None = None) -> pipeline.Result:
    result = pipeline.run(project, pipeline.Options(layout=DotAsDrawing(), memo=memo))
    assert result.rendered is not None, [str(issue) for issue in result.checked.issues]
    return result


def same_site(project: Path, memo: Memo, edit: str) -> None:
    reused, fresh = run(project, memo).rendered, run(project).rendered
    assert reused is not None and fresh is not None
    for name in ("documents", "html", "diagrams", "files"):
        left, right = getattr(reused, name), getattr(fresh, name)
        wrong = sorted(path for path in set(left) | set(right) if left.get(path) != right.get(path))
        assert not wrong, f"after {edit}, {name} differ from a run without the memo: {wrong[:8]}"


def retitle(project: Path, section: str, item_id: str, fields: tuple[str, ...] = TITLE_FIELDS
            ) -> str:
    """The item's title (or name, or the first of `fields` it has) in its spec file, with a
    character added: its offset comes from the model, as a reviewer's edit would touch just
    that value."""
    item = run(project).checked.project.index.item(section, item_id)
    assert item is not None
    field = next(name for name in fields if getattr(item, name, None))
    path = Path(item.file)
    text = path.read_text(encoding="utf-8")
    offset = item.where.value_offset(field)
    offset += text[offset] in "\"'"
    path.write_text(text[:offset] + "新" + text[offset:], encoding="utf-8")
    return f"{section}/{item_id}'s {field} changed"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    shutil.copytree(SAMPLE, folder)
    return folder


def test_every_item_retitled_in_turn(project: Path) -> None:
    memo = Memo()
    run(project, memo)
    index = run(project).checked.project.index
    items = [(section, item_id) for section, listed in sorted(index.items.items())
             for item_id in sorted(listed)]
    assert len(items) > 60
    for section, item_id in items:
        same_site(project, memo, retitle(project, section, item_id))
    assert memo.reused > 0, "nothing was reused"


def test_every_pages_menu_changed_in_turn(project: Path) -> None:
    """A menu shows beyond the pages that name each other: a web page's side menu lists every
    group of web pages and the pages of its own, the tab bar lists its pages by title or
    menu."""
    memo = Memo()
    run(project, memo)
    pages = run(project).checked.project.index.listed["pages"]
    for page in [page for page in pages if page.menu]:
        same_site(project, memo, retitle(project, "pages", page.id, ("menu",)))


FAR_APART = """pages:
  - id: report_a
    title: 报表甲
    module: admin
    device: web
    elements:
      - {id: export, type: button, label: 导出}
  - id: report_b
    title: 报表乙
    module: admin
    device: web
    elements:
      - {id: export, type: button, label: 导出}
"""


def test_pages_that_name_nothing_in_common(project: Path) -> None:
    """Two web pages no reference joins: each one's side menu still lists the other."""
    (project / "pages" / "reports.yml").write_text(FAR_APART, encoding="utf-8")
    memo = Memo()
    run(project, memo)
    same_site(project, memo, retitle(project, "pages", "report_b"))
    assert memo.made < memo.reused


A_TAB = """pages:
  - id: discover
    title: 发现
    module: home
    entry: tab
    elements:
      - {id: feed, type: list, label: 推荐内容}
"""


def test_a_tab_nobody_names(project: Path) -> None:
    """Every tab page's neighbourhood lists the tab bar's pages by title, and the tab bar
    names them by title or menu, not by id: no reference joins them."""
    (project / "pages" / "discover.yml").write_text(A_TAB, encoding="utf-8")
    memo = Memo()
    run(project, memo)
    same_site(project, memo, retitle(project, "pages", "discover"))


def test_module_trees_retitled(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The structure drawn as one tree per module (as for a large product): each module's
    tree is reused only while its pages' inputs are the same."""
    from pmdocs.graph import structure
    monkeypatch.setattr(structure, "SPLIT_ABOVE", 10)
    memo = Memo()
    run(project, memo)
    pages = sorted(run(project).checked.project.index.items["pages"])
    for page_id in pages[::4]:
        same_site(project, memo, retitle(project, "pages", page_id))


def add_a_jump(project: Path) -> None:
    """A button on the cart that opens the coupon centre: both pages' neighbours change."""
    replace_in(project / "pages" / "trade.yml", "      - id: quantity\n",
               "      - id: to_coupons\n        type: button\n        label: 领券\n"
               "        on_tap: my_coupons\n      - id: quantity\n")


@pytest.mark.parametrize("edits", [
    (describe_a_page, add_a_jump),
    (add_two_roles, remove_a_role),
    (add_two_roles, rename_a_role),
])
def test_items_added_removed_renamed(project: Path, edits) -> None:
    memo = Memo()
    run(project, memo)
    for edit in edits:
        edit(project)
        same_site(project, memo, edit.__name__)


def test_a_run_reuses_what_an_edit_cannot_reach(project: Path) -> None:
    """申请退款 is two references away from a third of the sample: the rest is reused."""
    memo = Memo()
    run(project, memo)
    made_first = memo.made
    retitle_a_sibling(project)
    run(project, memo)
    assert memo.made + memo.reused == made_first
    assert memo.made < memo.reused, (memo.made, memo.reused)


def test_a_saved_memo_is_read_back_only_by_the_same_code(tmp_path: Path) -> None:
    saved = Memo.load(tmp_path / "memo.pickle", "code-1")
    saved.start()
    assert saved.get("key", lambda: "made") == "made"
    saved.save()

    again = Memo.load(tmp_path / "memo.pickle", "code-1")
    again.start()
    assert again.get("key", lambda: "made again") == "made" and again.reused == 1
    other = Memo.load(tmp_path / "memo.pickle", "code-2")
    other.start()
    assert other.get("key", lambda: "made again") == "made again"
    (tmp_path / "memo.pickle").write_bytes(b"\x80\x05damaged")
    damaged = Memo.load(tmp_path / "memo.pickle", "code-1")
    damaged.start()
    assert damaged.get("key", lambda: "made again") == "made again"


def test_a_memo_not_started_is_neither_read_nor_written(tmp_path: Path) -> None:
    """A build that stops at the check (up to date, or errors) leaves the saved memo alone."""
    (tmp_path / "memo.pickle").write_bytes(b"kept")
    memo = Memo.load(tmp_path / "memo.pickle", "code-1")
    memo.save()
    assert (tmp_path / "memo.pickle").read_bytes() == b"kept"
