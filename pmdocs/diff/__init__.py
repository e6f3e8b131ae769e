"""The diff stage: two checked revisions of a project -> what changed between them, in the
product's words (`ProjectChanges`), for a reviewer: items added, removed, renamed and changed
field by field, and the problems introduced and fixed.

`git` reads a revision into a folder of its own and `reading` has the pipeline check it;
`arguments` says how `pmdocs diff` names the revisions; `compare` (with `fields`, `parts`
and `matching`) compares two checked revisions; `text`, `markdown` and `json_report` say
what changed (`wording` is what they share); `history` is what a site shows of it and
`marks` what its diagrams mark.
"""

from __future__ import annotations

from .changes import FieldChange, ItemChange, ProjectChanges
from .compare import Snapshot, compare
from .git import WORKING_TREE, Repository, Revision, RevisionError, open_repository

__all__ = ["FieldChange", "ItemChange", "ProjectChanges", "Snapshot", "compare", "WORKING_TREE",
           "Repository", "Revision", "RevisionError", "open_repository"]
