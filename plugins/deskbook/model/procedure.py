"""``procedures/*.yaml``: routine workflows (handling an inquiry, escalating, logging)."""

from __future__ import annotations

from pydantic import Field

from .base import Entity, Markdown, Ref, Strict, Text


class ProcedureStep(Strict):
    title: Text
    action: Text
    owner: Ref("role") | None = None
    tool: Text | None = None


class Procedure(Entity):
    kind = "procedure"
    title: Text
    purpose: Markdown
    steps: list[ProcedureStep] = Field(min_length=1)
    related_scripts: list[Ref("script")] = Field(default_factory=list)
    related_chains: list[Ref("chain")] = Field(default_factory=list)
