"""``scripts/*.yaml``: what to say and do, step by step, with placeholders filled from variables.yaml."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from .base import Channel, Entity, Markdown, RefTo, Slug, Strict, Text


class ScriptStep(Strict):
    say: Text | None = Field(default=None, description="words to say or write; may use {placeholders}")
    do: Text | None = Field(default=None, description="an action to take")

    @model_validator(mode="after")
    def _say_or_do(self) -> ScriptStep:
        if self.say is None and self.do is None:
            raise ValueError("a step needs 'say', 'do' or both")
        return self


class Script(Entity):
    kind = "script"
    title: Text
    purpose: Text
    when_to_use: list[Text] = Field(min_length=1)
    channels: list[Channel] = Field(min_length=1)
    steps: list[ScriptStep] = Field(min_length=1)
    notes: Markdown | None = None
    related_policies: list[Annotated[Slug, RefTo("policy")]] = Field(default_factory=list)
    escalates_to: Annotated[Slug, RefTo("chain")] | None = None
