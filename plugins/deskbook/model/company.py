"""``company.yaml``: who the company is, what it promises, its history, executives and contact channels."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from .base import Channel, Entity, Markdown, RefTo, Slug, Strict, Text


class Promise(Strict):
    title: Text
    text: Text


class Milestone(Strict):
    year: int = Field(ge=1800, le=2200)
    event: Text


class Executive(Entity):
    kind = "executive"
    name: Text
    title: Text
    role: Annotated[Slug, RefTo("role")] | None = Field(default=None,
                                                        description="the escalation role this person holds")
    bio: Markdown
    handles: list[Text] = Field(default_factory=list, description="accounts or matters this person handles")


class ContactChannel(Strict):
    channel: Channel
    label: Text
    address: Text = Field(description="phone number, e-mail address, URL or street address")
    hours: Text
    live_person: Text = Field(
        description="how a customer reaches a real person from this channel (press 0, type 'agent', ...)"
    )


class Company(Strict):
    name: Text
    tagline: Text | None = None
    mission: Markdown
    vision: Markdown
    values: list[Text] = Field(default_factory=list)
    promises: list[Promise] = Field(min_length=1)
    history: list[Milestone] = Field(min_length=1)
    executives: list[Executive] = Field(min_length=1)
    contact_channels: list[ContactChannel] = Field(min_length=1)

    @model_validator(mode="after")
    def _history_in_order(self) -> Company:
        years = [item.year for item in self.history]
        if years != sorted(years):
            raise ValueError("history must be listed in year order, oldest first")
        return self
