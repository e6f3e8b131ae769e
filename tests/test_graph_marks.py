"""Diagrams that mark what changed since a revision (`diff.Marks`): new and changed nodes
and arrows get a class and a colour, removed ones are drawn from the earlier revision,
dashed, and link nowhere (their pages are gone). The projects are the diff cases'."""

from __future__ import annotations

import re

from pmdocs.diff import WORKING_TREE, Revision, Snapshot, compare
from pmdocs.diff.marks import Marks, diagram_marks
from pmdocs.graph import all_diagrams
from pmdocs.labels import labels_for
from pmdocs.pipeline import check_project

from .test_diff_cases import DIFF_CASES


def marked(case: str) -> tuple[dict[str, str], Marks]:
    """The case's later project's diagrams (DOT by id), marked against its earlier one; each
    diagram's legend names exactly the marks its DOT draws."""
    base, head = (check_project(DIFF_CASES / case / side) for side in ("base", "head"))
    changes = compare(Snapshot(Revision("base", "0" * 40), base.project, base.issues),
                      Snapshot(WORKING_TREE, head.project, head.issues))
    marks = diagram_marks(base.project, head.project, changes)
    diagrams = all_diagrams(head.project, labels_for("zh"), marks)
    for diagram in diagrams:
        drawn = set(re.findall(r'class="[^"]*change-(added|changed|removed)', diagram.dot))
        assert set(diagram.marks) == drawn, diagram.id
    return {diagram.id: diagram.dot for diagram in diagrams}, marks


def statement(dot: str, name: str) -> str:
    """The DOT statement of a node (`"steps.done"`) or an edge (`"a" -> "b"`)."""
    start = name + ("" if "->" in name else " [")
    found = [line for line in dot.splitlines() if line.strip().startswith(start)]
    assert len(found) == 1, (name, found)
    return found[0]


def test_a_swimlane_marks_steps_and_links() -> None:
    dots, _ = marked("flows")
    dot = dots["flow-order_flow"]
    assert 'class="step end change-removed"' in statement(dot, '"steps.done"')
    assert "dashed" in statement(dot, '"steps.done"')
    assert 'class="step end change-added"' in statement(dot, '"steps.ship"')
    assert 'class="step task change-changed"' in statement(dot, '"steps.submit"')
    assert 'class="step start"' in statement(dot, '"steps.start"')
    removed = statement(dot, '"steps.pay" -> "steps.done"')
    assert 'class="next change-removed"' in removed and 'style=dashed' in removed
    assert 'class="next change-added"' in statement(dot, '"steps.pay" -> "steps.ship"')


def test_a_lifecycle_marks_states_and_transitions() -> None:
    dots, _ = marked("objects")
    dot = dots["lifecycle-order"]
    assert 'class="state final change-added"' in statement(dot, '"states.refunded"')
    assert 'class="state change-changed"' in statement(dot, '"states.paid"')
    assert "change-" not in statement(dot, '"states.created"')
    assert "change-added" in statement(dot, '"states.paid" -> "states.refunded"')
    removed = statement(dot, '"states.shipped" -> "states.done"')
    assert "change-removed" in removed and "style=dashed" in removed
    assert "change-" not in dots["objects"]


def test_page_maps_draw_removed_pages_and_jumps_dashed_and_unlinked() -> None:
    dots, marks = marked("pages")
    assert [page.id for page in marks.removed("pages")] == ["help"]
    mine = dots["pagemap-mine"]
    help_page = statement(mine, '"pages.help"')
    assert "change-removed" in help_page and "dashed" in help_page and "URL=" not in help_page
    assert "change-added" in statement(mine, '"pages.register"')
    assert "change-changed" in statement(mine, '"pages.confirm"')
    home = dots["page-home"]
    assert "change-removed" in statement(home, '"pages.home" -> "pages.help"')
    assert "change-changed" in statement(home, '"pages.home"')
    confirm = dots["page-confirm"]
    assert "change-added" in statement(confirm, '"pages.confirm" -> "pages.register"')
    to_login = [line for line in confirm.splitlines() if '"pages.confirm" -> "pages.login"' in line]
    assert ["change-added" in line for line in to_login] == [True, False]
    assert ["change-removed" in line for line in to_login] == [False, True]
    assert "help" not in dots["pagemap"] and "change-" not in dots["pagemap"]


def test_without_marks_nothing_is_marked() -> None:
    head = check_project(DIFF_CASES / "pages" / "head")
    for diagram in all_diagrams(head.project, labels_for("zh")):
        assert "change-" not in diagram.dot and diagram.marks == ()
