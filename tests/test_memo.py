"""Reusing the last run's outputs (pmdocs.memo): after any one edit, a run that takes what it
can from the memo renders exactly what a run without one renders — every item of the sample
retitled in turn (a title shows wherever the item is named), and edits that add, remove and
rename items and jumps. Speed is the benchmarks' business; this is the claim the keys make."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pmdocs import pipeline
from pmdocs.layout import NoLayout
from pmdocs.memo import Memo
from tests.browser import SAMPLE
from tests.test_incremental import (add_two_roles, describe_a_page, remove_a_role,
                                    rename_a_role, replace_in, retitle_a_sibling)

TITLE_FIELDS = ("title", "name")


def run(project: Path, memo: Memo | None = None) -> pipeline.Result:
    result = pipeline.run(project, pipeline.Options(layout=NoLayout(), memo=memo))
    assert result.rendered is not None, [str(issue) for issue in result.checked.issues]
    return result


def same_site(project: Path, memo: Memo, edit: str) -> None:
    reused, fresh = run(project, memo).rendered, run(project).rendered
    assert reused is not None and fresh is not None
    for name in ("documents", "html", "diagrams", "files"):
        left, right = getattr(reused, name), getattr(fresh, name)
        wrong = sorted(path for path in set(left) | set(right) if left.get(path) != right.get(path))
        assert not wrong, f"after {edit}, {name} differ from a run without the memo: {wrong[:8]}"


def retitle(project: Path, section: str, item_id: str) -> str:
    """The item's title (or name) in its spec file, with a character added: its offset comes
    from the model, as a reviewer's edit would touch just that value."""
    item = run(project).checked.project.index.item(section, item_id)
    assert item is not None
    field = next(name for name in TITLE_FIELDS if getattr(item, name, None))
    path = Path(item.file)
    text = path.read_text(encoding="utf-8")
    offset = item.where.value_offset(field)
    offset += text[offset] in "\"'"
    path.write_text(text[:offset] + "新" + text[offset:], encoding="utf-8")
    return f"{section}/{item_id} retitled"


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
