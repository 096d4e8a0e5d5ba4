"""``procedures/*.yaml``: routine workflows (handling an inquiry, escalating, logging)."""


from typing import Annotated

from pydantic import Field

from ..locale import N_
from .base import Entity, Markdown, RefTo, Slug, Strict, Text, no_items


class ProcedureStep(Strict):
    title: Text = Field(title=N_("title"), description="the step in a few words")
    action: Text = Field(title=N_("action"), description="what to do")
    owner: Annotated[Slug, RefTo("role")] | None = Field(
        default=None, title=N_("owner"), description="the role that takes this step"
    )
    tool: Text | None = Field(default=None, title=N_("tool"), description="the system or form used, if any")


class Procedure(Entity):
    kind = "procedure"
    title: Text = Field(title=N_("title"), description="the procedure's name, as its page heading shows it")
    purpose: Markdown = Field(title=N_("purpose"), description="what this procedure is for")
    steps: list[ProcedureStep] = Field(min_length=1, title=N_("steps"), description="what to do, in order")
    related_scripts: list[Annotated[Slug, RefTo("script")]] = Field(
        default_factory=no_items, title=N_("related scripts"), description="ids of scripts used along the way"
    )
    related_chains: list[Annotated[Slug, RefTo("chain")]] = Field(
        default_factory=no_items,
        title=N_("related escalation chains"),
        description="ids of escalation chains this procedure may start",
    )
