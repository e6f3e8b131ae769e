"""Features (requirements) and their acceptance criteria."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..base import Id, Markdown, Ref, Spec, Text

# ---------------------------------------------------------------------------- features

Priority = Literal["P0", "P1", "P2", "P3"]
FeatureStatus = Literal["draft", "review", "approved", "building", "done", "dropped"]


class Criterion(Spec):
    """An acceptance criterion: given … when … then …."""

    given: Text = ""
    """The situation before, e.g. 购物车里有 2 件商品."""
    when: Text = ""
    """What the user or the system does, e.g. 点击「去结算」."""
    then: Text
    """What must be true afterwards, so a tester can check it, e.g. 打开确认订单页，合计金额正确."""


class Feature(Spec):
    """A requirement: what is built, for whom, and how we know it is done."""

    id: Id
    """The feature's id, e.g. `checkout`."""
    title: Text
    """The feature's name, e.g. 购物车结算."""
    story: Markdown = ""
    """The user story: 作为…，我想要…，以便…."""
    description: Markdown = ""
    """What is built, in more detail than the story."""
    priority: Priority = "P2"
    """How soon it is needed: `P0` (the highest: the MVP cannot ship without it), `P1`, `P2`
    (the default), `P3` (the lowest)."""
    status: FeatureStatus = "draft"
    """Where it stands: `draft` (being written; the default), `review` (being reviewed),
    `approved` (agreed, ready to build), `building` (in development), `done` (shipped),
    `dropped` (decided against, kept for the record)."""
    release: Ref | None = None
    """The id of the release it ships in (one of pmdocs.yml's `releases`), e.g. `v1`."""
    owner: Text = ""
    """Who answers for it, e.g. 张三."""
    roles: list[Ref] = Field(default_factory=list)
    """Ids of the roles it serves, e.g. `[buyer]`."""
    pages: list[Ref] = Field(default_factory=list)
    """Ids of the pages it covers (a page no feature covers is reported: PM381)."""
    rules: list[Ref] = Field(default_factory=list)
    """Ids of the business rules it follows."""
    flows: list[Ref] = Field(default_factory=list)
    """Ids of the business flows it takes part in."""
    objects: list[Ref] = Field(default_factory=list)
    """Ids of the business objects it reads or changes."""
    acceptance: list[Criterion] = Field(default_factory=list)
    """Acceptance criteria: how we know it is done, each as `given` / `when` / `then`."""

    def links(self) -> dict[str, tuple[str, ...]]:
        return {"roles": tuple(self.roles), "pages": tuple(self.pages), "rules": tuple(self.rules),
                "flows": tuple(self.flows), "objects": tuple(self.objects)}


__all__ = [
    "Criterion", "Feature", "FeatureStatus", "Priority"]
