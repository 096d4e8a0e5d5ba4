"""``schedules.yaml``: how fast each category of inquiry is answered on each channel."""


from typing import Annotated, Literal

from pydantic import Field

from ..locale import N_
from .base import Channel, Choices, Duration, Entity, Strict, Text, no_items

NOT_TAKEN = "not taken"
Target = Annotated[Duration | Literal["not taken"], Choices({NOT_TAKEN: N_("Not taken")})]


class Category(Entity):
    kind = "category"
    name: Text = Field(title=N_("name"), description="the category as staff know it, like 'Damaged delivery'")
    description: Text = Field(title=N_("description"), description="which inquiries belong here")
    examples: list[Text] = Field(default_factory=no_items, title=N_("examples"), description="typical inquiries")
    flag: bool = Field(default=False, title=N_("flag"), description="flag for immediate attention by a manager")
    targets: dict[Channel, Target] = Field(
        title=N_("targets"),
        description="channel -> first-response target, like 'email: 24 hours', or 'not taken' where the "
        "channel does not take this category",
        min_length=1,
    )
    handling: Text | None = Field(
        default=None, title=N_("handling"), description="what else to do, like 'call the customer'"
    )

    def takes(self, channel: str) -> bool:
        return any(name == channel and target != NOT_TAKEN for name, target in self.targets.items())


class ResponseSchedule(Strict):
    title: Text = Field(title=N_("title"), description="the schedule's heading on the response-times page")
    summary: Text = Field(title=N_("summary"), description="what the targets promise, in a sentence or two")
    channels: list[Channel] = Field(
        min_length=1, title=N_("channels"), description="channels every category must have a target for"
    )
    categories: list[Category] = Field(
        min_length=1, title=N_("categories"), description="the kinds of inquiry, each with its targets"
    )
