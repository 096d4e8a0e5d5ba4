"""``scripts/*.yaml``: what to say and do, step by step, with placeholders filled from variables.yaml."""


from typing import Annotated

from pydantic import Field, model_validator

from ..locale import N_
from .base import Channel, Entity, Markdown, RefTo, Slug, Strict, Text, no_items


class ScriptStep(Strict):
    say: Text | None = Field(default=None, title=N_("say"), description="words to say or write; may use {placeholders}")
    do: Text | None = Field(default=None, title=N_("do"), description="an action to take")

    @model_validator(mode="after")
    def _say_or_do(self) -> "ScriptStep":
        if self.say is None and self.do is None:
            raise ValueError("a step needs 'say', 'do' or both")
        return self


class Script(Entity):
    kind = "script"
    title: Text = Field(title=N_("title"), description="the script's name, as its page heading shows it")
    purpose: Text = Field(title=N_("purpose"), description="what this script achieves for the customer")
    when_to_use: list[Text] = Field(min_length=1, title=N_("when to use it"), description="situations it is for")
    channels: list[Channel] = Field(min_length=1, title=N_("channels"), description="channels it is used on")
    steps: list[ScriptStep] = Field(min_length=1, title=N_("steps"), description="what to say and do, in order")
    notes: Markdown | None = Field(default=None, title=N_("notes"), description="anything else staff should know")
    related_policies: list[Annotated[Slug, RefTo("policy")]] = Field(
        default_factory=no_items, title=N_("related policies"), description="ids of policies this script carries out"
    )
    escalates_to: Annotated[Slug, RefTo("chain")] | None = Field(
        default=None,
        title=N_("escalates to"),
        description="the id of the escalation chain (a file in escalation/) to start when the script is not "
        "enough, like 'complaints'",
    )
