"""``standards/*.yaml``: behaviour standards: what good service looks like and what is never acceptable."""


from typing import Annotated

from pydantic import Field

from ..locale import N_
from .base import Entity, Markdown, RefTo, Slug, Strict, Text, no_items
from .quantity import Valued


class Example(Strict):
    behaviour: Text = Field(title=N_("behaviour"), description="what staff do, or never do")
    example: Text | None = Field(
        default=None, title=N_("example"), description="a short example of it, in words a rep would use"
    )


class Step(Strict):
    id: Slug = Field(title=N_("id"), description="the step's id, like 'greet'")
    title: Text = Field(title=N_("title"), description="the step in a few words")
    do: Text = Field(title=N_("do"), description="what to do")
    say: Text | None = Field(default=None, title=N_("say"), description="an example line, may use {placeholders}")


class Rule(Valued):
    id: Slug = Field(title=N_("id"), description="the rule's id, which references to the rule use")
    text: Text = Field(title=N_("text"), description="the rule itself, in plain words")
    see: list[Annotated[Slug, RefTo("script")]] = Field(
        default_factory=no_items, title=N_("see"), description="scripts that carry the rule out"
    )


class Standard(Entity):
    kind = "standard"
    title: Text = Field(title=N_("title"), description="the standard's name, as its page heading shows it")
    summary: Markdown = Field(title=N_("summary"), description="what good looks like, and why it matters")
    rules: list[Rule] = Field(default_factory=no_items, title=N_("rules"),
                              description="rules staff keep, each with an id")
    acceptable: list[Example] = Field(
        default_factory=no_items, title=N_("acceptable behaviour"), description="what staff always do"
    )
    unacceptable: list[Example] = Field(
        default_factory=no_items, title=N_("unacceptable behaviour"), description="what staff never do"
    )
    steps: list[Step] = Field(
        default_factory=no_items, title=N_("steps"), description="an ordered sequence, like greet, listen, ..."
    )
    related_scripts: list[Annotated[Slug, RefTo("script")]] = Field(
        default_factory=no_items, title=N_("related scripts"), description="ids of scripts that carry this standard out"
    )
    related_procedures: list[Annotated[Slug, RefTo("procedure")]] = Field(
        default_factory=no_items, title=N_("related procedures"),
        description="ids of procedures that follow this standard"
    )
