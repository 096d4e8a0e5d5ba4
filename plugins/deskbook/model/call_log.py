"""``logging.yaml`` (how to log a contact) and ``call-logs/*.yaml`` (annotated sample logs)."""


from typing import Annotated, Literal

from pydantic import Field, model_validator

from ..locale import N_
from .base import Channel, Date, Entity, Markdown, RefTo, Slug, Strict, Text, no_entries, no_items
from .hours import TimeZone


class LogField(Strict):
    id: Slug = Field(title=N_("id"), description="the field's id, like 'summary' or 'follow-up'")
    label: Text = Field(title=N_("label"), description="the field's name on the form, like 'Summary'")
    description: Text = Field(title=N_("description"), description="what to write in it")
    required: bool = Field(default=True, title=N_("required"), description="whether every log must fill it in")
    values: list[Text] = Field(
        default_factory=no_items,
        title=N_("values"),
        description="the only values the field takes, a closed list like [Basic, Premium, Ultimate]: printed on the "
        "form as tick boxes, and a sample log's fields are checked against it. Leave out for free text",
    )

    lines: int = Field(
        default=1, ge=1, le=12, title=N_("ruled lines"),
        description="how many ruled lines the printed form gives a free-text answer",
    )

    @model_validator(mode="after")
    def _values_once(self) -> "LogField":
        repeated = sorted({value for value in self.values if self.values.count(value) > 1})
        if repeated:
            raise ValueError(f"{', '.join(repeated)} appear more than once in values; give each value once")
        return self


class LoggingGuide(Strict):
    title: Text = Field(title=N_("title"), description="the logging page's heading")
    purpose: Markdown = Field(title=N_("purpose"), description="why contacts are logged")
    fields: list[LogField] = Field(
        min_length=1, title=N_("fields"), description="the fields of a log, as the printed form shows them"
    )
    steps: list[Text] = Field(min_length=1, title=N_("steps"), description="how to log a contact")
    email_review: Markdown = Field(
        title=N_("e-mail review"), description="how reps collect e-mail replies for later review"
    )


class FollowUp(Strict):
    due: Date = Field(title=N_("due"), description="the day it is due, as YYYY-MM-DD")
    action: Text = Field(title=N_("action"), description="what is to be done")
    done: bool = Field(default=False, title=N_("done"), description="whether it has been done")


class Annotation(Strict):
    verdict: Literal["good-practice", "to-improve"] = Field(
        title=N_("verdict"), description="good-practice or to-improve"
    )
    comment: Text = Field(title=N_("comment"), description="what this log shows new staff")


class CallLog(Entity):
    kind = "call-log"
    title: Text = Field(title=N_("title"), description="the contact in a few words")
    date: Date = Field(title=N_("date"), description="the day of the contact, as YYYY-MM-DD")
    time: Text = Field(
        title=N_("time"),
        description="the time on the clock of time_zone, as HH:MM; quote it: '14:05'",
        pattern=r"^[0-2][0-9]:[0-5][0-9]$",
    )
    time_zone: TimeZone | None = Field(
        default=None,
        title=N_("time zone"),
        description="the IANA time zone of the time, like 'Europe/Berlin'; leave out for service-hours.yaml's "
        "time_zone (or the desk's local time when there is none)",
    )
    channel: Channel = Field(title=N_("channel"), description="the channel the contact came in on")
    category: Annotated[Slug, RefTo("category")] = Field(
        title=N_("category"), description="the schedule category of the inquiry"
    )
    representative: Text = Field(title=N_("representative"), description="who took the contact")
    customer: Text = Field(title=N_("customer"), description="the customer's name")
    product: Annotated[Slug, RefTo("product")] | None = Field(
        default=None, title=N_("product"), description="the product it was about"
    )
    summary: Text = Field(title=N_("summary"), description="what the customer needed")
    actions: list[Text] = Field(min_length=1, title=N_("actions taken"), description="what the representative did")
    outcome: Text = Field(title=N_("outcome"), description="how it ended")
    fields: dict[Slug, Text] = Field(
        default_factory=no_entries,
        title=N_("ticket fields"),
        description="values of the log fields logging.yaml declares, by their id, like 'plan: Premium' or "
        "'severity: Severity 2'; a field with values takes only one of them",
    )
    escalated_to: Annotated[Slug, RefTo("chain")] | None = Field(
        default=None,
        title=N_("escalated to"),
        description="the id of the escalation chain the case went up (a file in escalation/), like 'complaints'",
    )
    follow_up: FollowUp | None = Field(default=None, title=N_("follow-up"), description="what is still to be done")
    annotation: Annotation = Field(title=N_("annotation"), description="what new staff should learn from it")
