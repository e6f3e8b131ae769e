"""The output folder that pmdocs.yml names must be a folder inside the project (PM391).

`pmdocs build` replaces its output folder as a whole, and pmdocs.yml comes with pull
requests like any spec: so `output:` may only name a folder inside the project, judged on
the disk (`..` and symbolic links resolved). A folder elsewhere can only be given on the
command line (`pmdocs build -o PATH`). The disk is read here, in the check stage, because
checks run on every run while the model of pmdocs.yml is cached by its text.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from ..issues import Issue, make_issue
from ..messages import Text
from ..load import inside
from ..model import Project
from ..model.base import NOWHERE



def check(project: Project) -> Iterator[Issue]:
    settings = project.settings
    if settings.where is NOWHERE:
        return      # pmdocs.yml did not validate: its own errors stop the build
    problem = output_problem(Path(project.root), settings.output)
    if problem is not None:
        written = "output" in settings.model_fields_set
        yield make_issue("PM391", Text("PM391.written" if written else "PM391.default",
                                       output=settings.output, problem=problem),
                         settings.at("output"), Text("PM391.hint"), subject=("settings", "output"))


def output_problem(root: Path, output: str) -> Text | None:
    """Why `output` (relative to `root`) is not a folder inside the project; None if it is."""
    if os.path.isabs(output):
        return Text("PM391.absolute")
    try:
        root_real, real = os.path.realpath(root), os.path.realpath(root / output)
    except (OSError, ValueError) as error:
        return Text("PM391.unusable", error=str(error))
    if real == root_real:
        return Text("PM391.project_folder")
    if inside(real, root_real):
        return None
    link = None if _climbs_out(output) else _first_link(root, output)
    if link is None:
        return Text("PM391.outside")
    return Text("PM391.through_link", link=link, target=os.readlink(root / link))


def _climbs_out(output: str) -> bool:
    """Whether `output` leaves the project by its `..` alone (`../x`, `site/../../x`)."""
    return os.path.normpath(output).split(os.sep)[0] == os.pardir


def _first_link(root: Path, output: str) -> str | None:
    """The first folder on the way from `root` to `output` that is a symbolic link."""
    parts = Path(output).parts
    for count in range(1, len(parts) + 1):
        if (root.joinpath(*parts[:count])).is_symlink():
            return Path(*parts[:count]).as_posix()
    return None
