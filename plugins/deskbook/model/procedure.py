"""``procedures/*.yaml``: routine workflows (handling an inquiry, escalating, logging)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .base import Entity, Markdown, RefTo, Slug, Strict, Text


class ProcedureStep(Strict):
    title: Text
    action: Text
    owner: Annotated[Slug, RefTo("role")] | None = None
    tool: Text | None = None


class Procedure(Entity):
    kind = "procedure"
    title: Text
    purpose: Markdown
    steps: list[ProcedureStep] = Field(min_length=1)
    related_scripts: list[Annotated[Slug, RefTo("script")]] = Field(default_factory=list)
    related_chains: list[Annotated[Slug, RefTo("chain")]] = Field(default_factory=list)
