"""``schedules.yaml``: how fast each category of inquiry is answered on each channel."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Channel, Duration, Entity, Strict, Text

NOT_TAKEN = "not taken"
Target = Duration | Literal["not taken"]


class Category(Entity):
    kind = "category"
    name: Text
    description: Text
    examples: list[Text] = Field(default_factory=list)
    flag: bool = Field(default=False, description="flag for immediate attention by a manager")
    targets: dict[Channel, Target] = Field(
        description="channel -> first-response target, like 'email: 24 hours', or 'not taken' where the "
        "channel does not take this category",
        min_length=1,
    )
    handling: Text | None = Field(default=None, description="what else to do, like 'call the customer'")

    def takes(self, channel: str) -> bool:
        return any(name == channel and target != NOT_TAKEN for name, target in self.targets.items())


class ResponseSchedule(Strict):
    title: Text
    summary: Text
    channels: list[Channel] = Field(min_length=1, description="channels every category must have a target for")
    categories: list[Category] = Field(min_length=1)
