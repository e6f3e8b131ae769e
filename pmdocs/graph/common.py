"""What several diagram kinds share about the project: items without duplicate ids, and the
modules pages belong to (declared ones first, then undeclared ones, then `_other`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, TypeVar

from ..labels import Labels
from ..model.spec import Page
from .dot import normalize

OTHER_MODULE = "_other"
"""The module of pages that name none."""

Item = TypeVar("Item")


def first_of_each(items: Iterable[Item]) -> list[Item]:
    """The items in their declared order, leaving out any later item with a repeated id
    (the check stage reports duplicates; a diagram draws the first)."""
    seen: set[str] = set()
    result = []
    for item in items:
        if item.id not in seen:
            seen.add(item.id)
            result.append(item)
    return result


@dataclass(frozen=True)
class ModuleInfo:
    id: str
    title: str
    pages: tuple[Page, ...]


def module_of(page: Page) -> str:
    return page.module or OTHER_MODULE


def modules(project, labels: Labels) -> list[ModuleInfo]:
    """Every module that has pages: declared modules in their order, then modules pages name
    without declaring them (sorted), then `_other` for pages without a module."""
    pages = first_of_each(project.pages)
    declared = {module.id: normalize(module.title or module.id)
                for module in project.settings.modules}
    used = {module_of(page) for page in pages}
    order = [module_id for module_id in declared if module_id in used]
    order += sorted(used - set(declared) - {OTHER_MODULE})
    order += [OTHER_MODULE] if OTHER_MODULE in used else []
    titles = {**declared, OTHER_MODULE: labels["no_module"]}
    return [ModuleInfo(module_id, titles.get(module_id, module_id),
                       tuple(page for page in pages if module_of(page) == module_id))
            for module_id in order]
