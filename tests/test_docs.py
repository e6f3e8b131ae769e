"""The README lists every check code with its default severity and title."""

from __future__ import annotations

from pmdocs.issues import CODES

from .conftest import REPO


def test_readme_lists_every_code() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for code in CODES.values():
        assert f"| {code.code} | {code.severity.label} | {code.title} |" in readme, code.code
