"""pmdocs.yml: the product (name, goals, glossary, releases, modules) and how pmdocs checks
and builds it."""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import Field
from pydantic.json_schema import SkipJsonSchema

from ..base import Id, Markdown, Spec, Text, list_of, named_mapping
from ..revisions import GitRevision
from .pages import PageType

# ---------------------------------------------------------------------------- settings

Language = Literal["zh", "en"]
DEFAULT_REQUIRED_STATES = ("empty", "loaded", "error", "offline")
"""What a page that shows data needed before pages had types; still a `list` page's."""
REQUIRED_STATES: dict[str, tuple[str, ...]] = {
    "list": DEFAULT_REQUIRED_STATES, "detail": ("loaded", "error", "offline"),
    "form": ("error", "offline"), "result": ("success", "failure"), "static": (),
}
"""The states each type of page must describe unless pmdocs.yml says otherwise (`loading`
comes on top where data loads)."""


class Release(Spec):
    """A release of the product: a version that ships a set of features."""

    id: Id
    """The release's id, e.g. `v1`; features name it in `release`."""
    title: Text = ""
    """The release's name, e.g. 首发版."""
    date: datetime.date | Text | None = None
    """When it ships (or is planned to), e.g. 2025-05-01, or text such as 五月中旬."""
    goal: Text = ""
    """What the release is for, e.g. 跑通下单支付主流程."""
    tag: GitRevision | None = None
    """The git tag the release was made at, e.g. `v1.0.0`. When this release's tag and the
    one before's both exist in the project's repository, the releases page of the site says
    what changed between them."""


class Module(Spec):
    """A module of the product (a branch of its function structure), e.g. 交易."""

    id: Id
    """The module's id, e.g. `trade`; pages name it in `module`."""
    title: Text = ""
    """The module's name, e.g. 交易."""


class GlossaryEntry(Spec):
    """A term of the business and what it means: `term: definition`."""

    term: SkipJsonSchema[str] = ""
    """The term: its key under `glossary`."""
    definition: Markdown = ""
    """What the term means in this product."""


class CheckSettings(Spec):
    """How `pmdocs check` judges this project."""

    required_states: dict[PageType, list[Text]] | list[Text] = Field(
        default_factory=lambda: {kind: list(states) for kind, states in REQUIRED_STATES.items()})
    """The states each type of page must describe (PM320), by the page's `type`; a type left
    out keeps its default: `{list: [empty, loaded, error, offline], detail: [loaded, error,
    offline], form: [error, offline], result: [success, failure], static: []}` (and `loading`
    where data loads, see `loading`); a page without a `type` that shows data needs the `list`
    states. The older form, one list (`[empty, loaded, error, offline]`), is what every page
    that shows data must describe, as before."""
    loading: bool | None = None
    """Whether a page that loads data (`list` and `detail` pages) must describe `loading` too:
    left out, a page that says its `type` must, and one that does not need not (as before
    pages had types; nor under the older single list of `required_states`); `true` asks it of
    every page that loads data, `false` of none."""
    disable: list[Text] = Field(default_factory=list)
    """Check codes to switch off, e.g. `[PM381]`."""
    severity: dict[str, Literal["error", "warning", "info"]] = Field(default_factory=dict)
    """A different severity per code: `error` (fails the check), `warning` (fails it only
    with `--strict`) or `info`, e.g. `{PM311: error}`."""
    vague_words: bool = True
    """Whether to point out vague words such as 尽快 or 适当 (PM350); `false` is the same as
    disabling PM350."""


class ProjectSettings(Spec):
    """`pmdocs.yml`: the product and how pmdocs treats it (it may hold sections too)."""

    name: Text
    """The product's name, the title of its PRD site, e.g. 鲜果日记."""
    version: Text = ""
    """The version of this PRD, e.g. "1.2" (quote it)."""
    summary: Markdown = ""
    """What the product is, for whom and why, in a paragraph or two; the site's home page
    opens with it."""
    goals: list[Text] = Field(default_factory=list)
    """The product's goals, one per item, e.g. 首单转化率提升到 30%."""
    language: Language = "zh"
    """The language of the labels pmdocs writes (headings, tables, the prototype's controls):
    `zh` (Chinese; the default) or `en` (English). The specs' own text stays as written."""
    glossary: named_mapping(GlossaryEntry, "term", "definition") = Field(default_factory=list)
    """Terms of the business, `term: definition`, e.g. `满签: 一期活动内每天都签到`."""
    releases: list[Release] = Field(default_factory=list)
    """The releases in order, each with `id`, `title`, `date` and `goal`; a feature names its
    own in `release`."""
    modules: list_of(Module, "id") = Field(default_factory=list)
    """The product's modules (the first level of the function structure): a list of ids or of
    `{id, title}`; a page names its own in `module`."""
    check: CheckSettings = Field(default_factory=CheckSettings)
    """How `pmdocs check` judges this project: `required_states`, `disable`, `severity` and
    `vague_words`."""
    output: Text = "site"
    """The folder `pmdocs build` writes to: a folder inside the project, given relative to it
    (`-o` on the command line may name one elsewhere)."""
    exclude: list[Text] = Field(default_factory=list)
    """Files or folders (globs, relative to the project) that are not spec files, e.g.
    `[drafts, "*.old.yml"]`."""
    since: GitRevision | None = None
    """A git revision to show the changes since, e.g. the last release's tag `v1.0`: the site
    then has a 变更 / Changes page, each changed item's page says what changed, and the
    diagrams and the prototype mark what is new, changed and removed. `pmdocs build --since
    REV` overrides it; without git, or when the revision does not exist, the site is built
    without changes (and says so)."""


__all__ = [
    "CheckSettings", "DEFAULT_REQUIRED_STATES", "GlossaryEntry", "Language", "Module",
    "ProjectSettings", "REQUIRED_STATES", "Release"]
