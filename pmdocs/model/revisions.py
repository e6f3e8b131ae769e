"""A git revision's name as pmdocs.yml gives it (`since:`, a release's `tag:`): pmdocs passes
it to git, so a name git could read as an option, or holding a blank or a control character,
is refused when the file is validated (PM203)."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator


def revision_name(value: str) -> str:
    """`value`, or a `ValueError` saying what a revision's name looks like."""
    if not value or value.startswith("-") or any(character.isspace() or ord(character) < 0x20
                                                 for character in value):
        raise ValueError("write a git tag, branch or commit, e.g. v1.0 (no blanks, and not "
                         "starting with `-`)")
    return value


GitRevision = Annotated[str, AfterValidator(revision_name)]
"""A git revision: a tag (`v1.0`), a branch (`main`) or a commit (`1a2b3c4`)."""
