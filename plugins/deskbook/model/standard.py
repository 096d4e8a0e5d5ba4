"""``standards/*.yaml``: behaviour standards: what good service looks like and what is never acceptable."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .base import Entity, Markdown, RefTo, Slug, Strict, Text


class Example(Strict):
    behaviour: Text
    example: Text | None = Field(default=None, description="a short example of it, in words a rep would use")


class Step(Strict):
    id: Slug
    title: Text
    do: Text
    say: Text | None = Field(default=None, description="an example line, may use {placeholders}")


class Rule(Strict):
    id: Slug
    text: Text
    value: int | None = Field(default=None, description="a number the rule sets, like 30 (minutes)")
    unit: Text | None = None
    see: list[Annotated[Slug, RefTo("script")]] = Field(default_factory=list,
                                                         description="scripts that carry the rule out")


class Standard(Entity):
    kind = "standard"
    title: Text
    summary: Markdown
    rules: list[Rule] = Field(default_factory=list)
    acceptable: list[Example] = Field(default_factory=list)
    unacceptable: list[Example] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list, description="an ordered sequence, like greet, listen, ...")
    related_scripts: list[Annotated[Slug, RefTo("script")]] = Field(default_factory=list)
    related_procedures: list[Annotated[Slug, RefTo("procedure")]] = Field(default_factory=list)
