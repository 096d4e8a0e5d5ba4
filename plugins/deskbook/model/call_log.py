"""``logging.yaml`` (how to log a contact) and ``call-logs/*.yaml`` (annotated sample logs)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import Channel, Date, Entity, Markdown, RefTo, Slug, Strict, Text


class LogField(Strict):
    id: Slug
    label: Text
    description: Text
    required: bool = True


class LoggingGuide(Strict):
    title: Text
    purpose: Markdown
    fields: list[LogField] = Field(min_length=1)
    steps: list[Text] = Field(min_length=1, description="how to log a contact")
    email_review: Markdown = Field(description="how reps collect e-mail replies for later review")


class FollowUp(Strict):
    due: Date
    action: Text
    done: bool = False


class Annotation(Strict):
    verdict: Literal["good-practice", "to-improve"]
    comment: Text


class CallLog(Entity):
    kind = "call-log"
    title: Text
    date: Date
    time: Text = Field(description="local time as HH:MM; quote it: '14:05'", pattern=r"^[0-2][0-9]:[0-5][0-9]$")
    channel: Channel
    category: Annotated[Slug, RefTo("category")]
    representative: Text
    customer: Text
    product: Annotated[Slug, RefTo("product")] | None = None
    summary: Text
    actions: list[Text] = Field(min_length=1)
    outcome: Text
    escalated_to: Annotated[Slug, RefTo("chain")] | None = None
    follow_up: FollowUp | None = None
    annotation: Annotation
