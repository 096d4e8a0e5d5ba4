"""``company.yaml``: who the company is, what it promises, its history, executives and contact channels."""


from typing import Annotated

from pydantic import Field, model_validator

from ..locale import N_
from .base import CHANNEL_KINDS, Channel, ChannelKind, Entity, Markdown, RefTo, Slug, Strict, Text, no_items


class Promise(Strict):
    title: Text = Field(title=N_("title"), description="the promise in a few words, like 'Answers within a day'")
    text: Text = Field(title=N_("text"), description="what the company promises its customers, in a sentence")


class Milestone(Strict):
    year: int = Field(ge=1800, le=2200, title=N_("year"), description="the year it happened, like 2014")
    event: Text = Field(title=N_("event"), description="what happened that year")


class Executive(Entity):
    kind = "executive"
    name: Text = Field(title=N_("name"), description="the person's full name")
    title: Text = Field(title=N_("job title"), description="the person's job title, like 'Chief Operating Officer'")
    role: Annotated[Slug, RefTo("role")] | None = Field(default=None, title=N_("role"),
                                     description="the escalation role this person holds")
    bio: Markdown = Field(title=N_("biography"), description="a short biography")
    handles: list[Text] = Field(default_factory=no_items, title=N_("handles"),
                                description="accounts or matters this person handles")


class ChannelDefinition(Entity):
    """A channel of the company's own (a support portal, WhatsApp, a forum): its id, what customers call it
    and the built-in kind it is of (a portal is a web channel)."""

    kind = "channel"
    channel_kind: ChannelKind = Field(  # type: ignore[valid-type]  # a Literal made from CHANNEL_KINDS
        alias="kind",
        title=N_("kind"),
        description="what sort of channel it is: " + ", ".join(CHANNEL_KINDS),
    )
    name: Text = Field(title=N_("name"), description="the channel as customers know it, like 'Support portal'")

    @model_validator(mode="after")
    def _builtin_id_keeps_its_kind(self) -> "ChannelDefinition":
        if self.id in CHANNEL_KINDS and self.channel_kind != self.id:
            raise ValueError(f"'{self.id}' is the id of a built-in channel; give it kind: {self.id}, or another id")
        return self


class ContactChannel(Strict):
    channel: Channel = Field(
        title=N_("channel"),
        description="the channel: an id from 'channels' above, or a built-in one (" + ", ".join(CHANNEL_KINDS) + ")",
    )
    label: Text = Field(title=N_("label"), description="what customers know the channel as, like 'Customer care line'")
    address: Text = Field(title=N_("address"), description="phone number, e-mail address, URL or street address")
    hours: Text = Field(title=N_("hours"), description="when the channel is answered, in words")
    live_person: Text = Field(
        title=N_("reaching a person"),
        description="how a customer reaches a real person from this channel (press 0, type 'agent', ...)"
    )


class Company(Strict):
    name: Text = Field(title=N_("name"), description="the company's name, as customers know it")
    tagline: Text | None = Field(default=None, title=N_("tagline"), description="a line under the name")
    mission: Markdown = Field(title=N_("mission"), description="what the company is for")
    vision: Markdown = Field(title=N_("vision"), description="where the company is going")
    values: list[Text] = Field(default_factory=no_items, title=N_("values"), description="what the company stands for")
    promises: list[Promise] = Field(min_length=1, title=N_("promises"), description="what customers can count on")
    history: list[Milestone] = Field(min_length=1, title=N_("history"), description="milestones, oldest first")
    executives: list[Executive] = Field(min_length=1, title=N_("executives"),
                                        description="the people who lead the company, with their roles")
    channels: list[ChannelDefinition] = Field(
        default_factory=no_items,
        title=N_("channels"),
        description="the company's own channels beyond the built-in ones (" + ", ".join(CHANNEL_KINDS) + "), "
        "each with an id, a kind and a name, like 'id: portal, kind: web, name: Support portal'",
    )
    contact_channels: list[ContactChannel] = Field(min_length=1, title=N_("contact channels"),
                                                   description="how customers reach the company")

    @model_validator(mode="after")
    def _history_in_order(self) -> "Company":
        years = [item.year for item in self.history]
        if years != sorted(years):
            raise ValueError("history must be listed in year order, oldest first")
        return self
