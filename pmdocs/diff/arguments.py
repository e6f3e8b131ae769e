"""How `pmdocs diff [BASE] [HEAD] [PROJECT]` reads its arguments.

- Three arguments are BASE, HEAD and PROJECT, in that order.
- With fewer, the last one is the PROJECT when it names an existing folder, and a revision
  otherwise; the ones before it are revisions. A name that is both a folder and a revision
  of the project's repository is refused as ambiguous (write the folder as `./name`, which
  no revision is called).
- PROJECT defaults to `.`, HEAD to the working tree (the project's files as they are on
  disk, committed or not), BASE to where the current branch left the default branch
  (`Repository.default_base`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .git import WORKING_TREE, Repository, Revision, RevisionError, open_repository

MAX_ARGUMENTS = 3


@dataclass(frozen=True)
class Chosen:
    """What a `pmdocs diff` compares: the project, its repository and the two revisions."""

    project: Path
    repository: Repository
    base: Revision
    head: Revision


def choose(arguments: Sequence[str]) -> Chosen:
    """The project and revisions the arguments name, or a `RevisionError` saying why not."""
    if len(arguments) > MAX_ARGUMENTS:
        raise RevisionError(f"at most {MAX_ARGUMENTS} arguments: BASE, HEAD and PROJECT "
                            f"(got {len(arguments)})")
    names, project = _split(list(arguments))
    repository = open_repository(Path(project))
    if len(arguments) in (1, 2) and Path(arguments[-1]).is_dir() \
            and repository.exists(arguments[-1]):
        raise RevisionError(f"`{arguments[-1]}` is both a folder and a revision: write the "
                            f"folder as `./{arguments[-1]}`, or the revision as "
                            f"`{arguments[-1]}^0`")
    base = _resolve(repository, names[0], arguments) if names else repository.default_base()
    head = _resolve(repository, names[1], arguments) if len(names) > 1 else WORKING_TREE
    return Chosen(Path(project), repository, base, head)


def _split(arguments: list[str]) -> tuple[list[str], str]:
    if len(arguments) == MAX_ARGUMENTS:
        return arguments[:2], arguments[2]
    if arguments and Path(arguments[-1]).is_dir():
        return arguments[:-1], arguments[-1]
    return arguments, "."


def _resolve(repository: Repository, name: str, arguments: Sequence[str]) -> Revision:
    try:
        return repository.resolve(name)
    except RevisionError:
        if name == arguments[-1] and len(arguments) < MAX_ARGUMENTS:
            raise RevisionError(f"`{name}` is neither a revision of the repository at "
                                f"{repository.root} nor a project folder") from None
        raise
