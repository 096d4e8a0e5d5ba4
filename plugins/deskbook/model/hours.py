"""``service-hours.yaml``: when each contact line is open, in which time zone, the lines that never close,
and the public holidays and other days the desk is closed."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from ..locale import N_, Localization
from .base import Channel, Date, Entity, RefTo, Slug, Strict, Text
from .card import CardList, CardRow

if TYPE_CHECKING:
    from ..manual import Manual

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

ClockTime = Annotated[
    str,
    StringConstraints(pattern=r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$"),
    Field(description="a time on the 24-hour clock in quotes, like '08:30' or '20:00' ('24:00' is midnight)"),
]


def _known_time_zone(name: str) -> str:
    try:
        ZoneInfo(name)
    # A folder of the zone database (America) or a name too long for a file name fails as OSError.
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(
            f"'{name}' is not a time zone; write an IANA name like 'Europe/Berlin' or 'America/Halifax'"
        ) from None
    return name


TimeZone = Annotated[
    str,
    AfterValidator(_known_time_zone),
    Field(description="an IANA time zone name, like 'America/Halifax' or 'Europe/Berlin'"),
]


class OpeningTimes(Strict):
    days: list[Weekday] = Field(
        min_length=1, title=N_("days"), description="days these times apply to: mon, tue, ... sun"
    )
    opens: ClockTime = Field(
        title=N_("opens"), description="when the line opens, on the 24-hour clock in quotes, like '08:30'"
    )
    closes: ClockTime = Field(
        title=N_("closes"),
        description="when the line closes, on the 24-hour clock in quotes, like '20:00' ('24:00' is midnight)",
    )

    @model_validator(mode="after")
    def _closes_after_opening(self) -> OpeningTimes:
        if self.closes <= self.opens:
            raise ValueError(f"closes ({self.closes}) must be later than opens ({self.opens})")
        return self

    def days_label(self, words: Localization) -> str:
        """Runs of consecutive days read as ranges: [mon, tue, wed, fri] -> "Monday to Wednesday, Friday",
        with the weekday names of the manual's language."""
        ordered = sorted(set(self.days), key=WEEKDAYS.index)
        if len(ordered) == len(WEEKDAYS):
            return words.gettext("Every day")
        runs: list[list[str]] = []
        for day in ordered:
            if runs and WEEKDAYS.index(day) == WEEKDAYS.index(runs[-1][-1]) + 1:
                runs[-1].append(day)
            else:
                runs.append([day])
        name = lambda day: words.weekday(WEEKDAYS.index(day))  # noqa: E731
        return ", ".join(
            name(run[0])
            if len(run) == 1
            else words.gettext("%(first)s to %(last)s", first=name(run[0]), last=name(run[-1]))
            for run in runs
        )

    def label(self, words: Localization) -> str:
        return words.gettext(
            "%(days)s, %(opens)s to %(closes)s", days=self.days_label(words), opens=self.opens, closes=self.closes
        )


class ServiceLine(Entity):
    kind = "service-line"
    name: Text = Field(title=N_("name"), description="the line as customers know it, like 'Customer care line'")
    channel: Channel | None = Field(default=None, title=N_("channel"), description="the channel the line is")
    contact: Text | None = Field(
        default=None, title=N_("contact"), description="the number, address or link customers use"
    )
    always_open: bool = Field(
        default=False, title=N_("always open"), description="open around the clock, every day, holidays included"
    )
    opening: list[OpeningTimes] = Field(
        default_factory=list, title=N_("opening times"), description="the days and times the line is open"
    )
    note: Text | None = Field(default=None, title=N_("note"), description="anything else staff should know")

    def hours_label(self, words: Localization) -> str:
        """When the line is open, in one line: "Monday to Friday, 08:00 to 20:00; Saturday, 09:00 to 13:00"."""
        if self.always_open:
            return words.gettext("Open around the clock, every day")
        return "; ".join(times.label(words) for times in self.opening)

    @model_validator(mode="after")
    def _open_sometimes(self) -> ServiceLine:
        if self.always_open and self.opening:
            raise ValueError("an always-open line has no opening times; remove 'opening' or 'always_open'")
        if not self.always_open and not self.opening:
            raise ValueError("give the line opening times, or set always_open: true")
        days = [day for times in self.opening for day in times.days]
        repeated = sorted({day for day in days if days.count(day) > 1}, key=WEEKDAYS.index)
        if repeated:
            raise ValueError(f"{', '.join(repeated)} appear in more than one opening entry; give each day once")
        return self


class Closure(Strict):
    date: Date = Field(title=N_("date"), description="the day closed, as YYYY-MM-DD (the first, for several days)")
    until: Date | None = Field(
        default=None, title=N_("until"), description="the last day closed, for a closure of several days"
    )
    name: Text = Field(title=N_("name"), description="like 'Christmas Day' or 'Stocktaking'")
    lines: list[Annotated[Slug, RefTo("service-line")]] = Field(
        default_factory=list,
        title=N_("lines"),
        description="the lines closed; leave out for every line that is not always open",
    )

    @model_validator(mode="after")
    def _until_after_date(self) -> Closure:
        if self.until is not None and self.until < self.date:
            raise ValueError("until must not come before date")
        return self

    def closes(self, line: ServiceLine) -> bool:
        return line.id in self.lines if self.lines else not line.always_open

    def dates_label(self, words: Localization) -> str:
        if self.until is None:
            return words.date(self.date)
        return words.gettext("%(first)s to %(last)s", first=words.date(self.date), last=words.date(self.until))


class ServiceHours(Strict):
    time_zone: TimeZone = Field(
        title=N_("time zone"),
        description="the time zone every opening time is in, an IANA name like 'America/Halifax' or 'Europe/Berlin'",
    )
    lines: list[ServiceLine] = Field(min_length=1, title=N_("lines"), description="the contact lines and their hours")
    closures: list[Closure] = Field(
        default_factory=list, title=N_("closures"), description="public holidays and other closed days"
    )

    def open_lines(self, closure: Closure) -> list[ServiceLine]:
        """The lines that stay open during a closure (the always-open ones, unless it names them)."""
        return [line for line in self.lines if not closure.closes(line)]

    def closures_from(self, day: dt.date) -> list[Closure]:
        """Closures that end on or after ``day``, in date order: what the desk needs to know next."""
        upcoming = [closure for closure in self.closures if (closure.until or closure.date) >= day]
        return sorted(upcoming, key=lambda closure: closure.date)

    def desk_card(self, manual: Manual, day: dt.date) -> list[CardList]:
        """The card's "opening-hours" part, for the card's audience (``manual`` is its view): every line it
        may see with its number and hours, then the closures still to come on the day the card is printed."""
        words = manual.localization
        lines = CardList(
            words.gettext("Opening hours"),
            tuple(
                CardRow(line.name, line.contact or "", line.hours_label(words))
                for line in manual.entities("service-line")
            ),
            words.gettext("All hours are %(zone)s time", zone=self.time_zone),
        )
        upcoming = self.closures_from(day)
        if not upcoming:
            return [lines]
        closed = CardList(
            words.gettext("Closed"), tuple(CardRow(closure.dates_label(words), closure.name) for closure in upcoming)
        )
        return [lines, closed]
