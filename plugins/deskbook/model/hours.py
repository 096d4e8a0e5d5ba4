"""``service-hours.yaml``: when each contact line is open, in which time zone, the lines that never close,
and the public holidays and other days the desk is closed."""


import datetime as dt
import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from ..locale import N_, Localization
from .base import Channel, Date, Entity, RefTo, Slug, Strict, Text, no_items
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


WeekTime = Annotated[
    str,
    StringConstraints(pattern=r"^(?:mon|tue|wed|thu|fri|sat|sun) (?:[01][0-9]|2[0-3]):[0-5][0-9]$"),
    Field(description="a day and a time on the 24-hour clock in quotes, like 'sun 23:00' or 'fri 22:00'"),
]

Span = tuple[dt.datetime, dt.datetime]
"""One stretch of time a line is open: from its start up to (not including) its end."""


def _minutes(clock: str) -> int:
    hours, _, minutes = clock.partition(":")
    return int(hours) * 60 + int(minutes)


class OpeningTimes(Strict):
    """When a line is open: the same times on some days (``days``, ``opens``, ``closes``; a ``closes``
    earlier than ``opens`` runs past midnight into the next day), or one stretch across the week (``from``
    and ``until``, like a region whose week runs from Sunday 23:00 to Friday 22:00)."""

    days: list[Weekday] | None = Field(
        default=None, min_length=1, title=N_("days"), description="days these times apply to: mon, tue, ... sun"
    )
    opens: ClockTime | None = Field(
        default=None, title=N_("opens"), description="when the line opens, on the 24-hour clock in quotes, like '08:30'"
    )
    closes: ClockTime | None = Field(
        default=None,
        title=N_("closes"),
        description="when the line closes, on the 24-hour clock in quotes, like '20:00' ('24:00' is midnight); "
        "a time earlier than opens is on the next day, like opens '22:00', closes '02:00'",
    )
    starts: WeekTime | None = Field(
        default=None,
        alias="from",
        title=N_("from"),
        description="with until: the day and time a stretch across days begins, like 'sun 23:00'",
    )
    until: WeekTime | None = Field(
        default=None,
        title=N_("until"),
        description="with from: the day and time the stretch ends, like 'fri 22:00'",
    )

    @model_validator(mode="after")
    def _one_shape(self) -> "OpeningTimes":
        daily = (self.days, self.opens, self.closes)
        weekly = (self.starts, self.until)
        if any(value is not None for value in weekly):
            if any(value is not None for value in daily):
                raise ValueError("give either days, opens and closes, or from and until, not both")
            if self.starts is None or self.until is None:
                raise ValueError("a stretch across days needs both from and until, like from: 'sun 23:00', "
                                 "until: 'fri 22:00'")
            if self.starts == self.until:
                raise ValueError(f"from and until are the same ({self.until}); for a line that never closes "
                                 "set always_open: true")
            return self
        missing = [name for name, value in zip(("days", "opens", "closes"), daily, strict=True) if value is None]
        if missing:
            raise ValueError(f"give {', '.join(missing)} (or from and until for a stretch across days)")
        if self.closes == self.opens:
            raise ValueError(f"closes ({self.closes}) is the same as opens; for a line open around the clock set "
                             "always_open: true")
        return self

    @property
    def past_midnight(self) -> bool:
        return self.closes is not None and self.opens is not None and self.closes != "24:00" \
            and self.closes < self.opens

    def week_spans(self, monday: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        """The stretches of the week starting on ``monday``, as wall-clock times (no zone yet)."""
        week = dt.datetime.combine(monday, dt.time())
        if self.starts is not None and self.until is not None:
            begin = week + dt.timedelta(days=WEEKDAYS.index(self.starts[:3]), minutes=_minutes(self.starts[4:]))
            end = week + dt.timedelta(days=WEEKDAYS.index(self.until[:3]), minutes=_minutes(self.until[4:]))
            return [(begin, end if end > begin else end + dt.timedelta(days=7))]
        spans = []
        for day in sorted(set(self.days or ()), key=WEEKDAYS.index):
            date = week + dt.timedelta(days=WEEKDAYS.index(day))
            begin = date + dt.timedelta(minutes=_minutes(str(self.opens)))
            end = date + dt.timedelta(minutes=_minutes(str(self.closes)), days=1 if self.past_midnight else 0)
            spans.append((begin, end))
        return spans

    def days_label(self, words: Localization) -> str:
        return _days_label(self.days or [], words)

    def label(self, words: Localization) -> str:
        if self.starts is not None and self.until is not None:
            return _stretch_label(WEEKDAYS.index(self.starts[:3]), self.starts[4:],
                                  WEEKDAYS.index(self.until[:3]), self.until[4:], words)
        return _daily_label(self.days_label(words), str(self.opens), str(self.closes), self.past_midnight, words)


def _days_label(days: Sequence[str], words: Localization) -> str:
    """Runs of consecutive days read as ranges: [mon, tue, wed, fri] -> "Monday to Wednesday, Friday",
    with the weekday names of the manual's language."""
    ordered = sorted(set(days), key=WEEKDAYS.index)
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


def _daily_label(days: str, opens: str, closes: str, past_midnight: bool, words: Localization) -> str:
    # The times are values the model read (a clock time), so they print in the manual's digits.
    opens, closes = words.in_digits(opens), words.in_digits(closes)
    if past_midnight:
        return words.gettext("%(days)s, %(opens)s to %(closes)s the next day", days=days, opens=opens, closes=closes)
    return words.gettext("%(days)s, %(opens)s to %(closes)s", days=days, opens=opens, closes=closes)


def _stretch_label(first: int, opens: str, last: int, closes: str, words: Localization) -> str:
    return words.gettext("%(first)s %(opens)s to %(last)s %(closes)s", first=words.weekday(first),
                         opens=words.in_digits(opens), last=words.weekday(last), closes=words.in_digits(closes))


def spans_label(spans: list[Span], words: Localization) -> str:
    """Stretches of one week as people read them, the days with the same times together: "Monday to
    Friday, 14:00 to 22:00" or "Sunday 18:00 to Friday 17:00"."""
    groups: dict[tuple[str, str, int], list[str]] = {}
    stretches: list[str] = []
    for begin, end in sorted(spans):
        length = (end.date() - begin.date()).days
        closes = "24:00" if length == 1 and end.time() == dt.time() else end.strftime("%H:%M")
        if length == 0 or closes == "24:00":
            groups.setdefault((begin.strftime("%H:%M"), closes, 0), []).append(WEEKDAYS[begin.weekday()])
        elif length == 1 and end.time() < begin.time():
            groups.setdefault((begin.strftime("%H:%M"), closes, 1), []).append(WEEKDAYS[begin.weekday()])
        else:
            stretches.append(_stretch_label(begin.weekday(), begin.strftime("%H:%M"), end.weekday(),
                                            end.strftime("%H:%M"), words))
    daily = [_daily_label(_days_label(days, words), opens, closes, bool(next_day), words)
             for (opens, closes, next_day), days in groups.items()]
    return "; ".join(daily + stretches)


class ServiceLine(Entity):
    kind = "service-line"
    name: Text = Field(title=N_("name"), description="the line as customers know it, like 'Customer care line'")
    channel: Channel | None = Field(default=None, title=N_("channel"), description="the channel the line is")
    time_zone: TimeZone | None = Field(
        default=None,
        title=N_("time zone"),
        description="the IANA time zone of this line's times, like 'America/New_York'; leave out for the "
        "file's time_zone",
    )
    contact: Text | None = Field(
        default=None, title=N_("contact"), description="the number, address or link customers use"
    )
    always_open: bool = Field(
        default=False, title=N_("always open"), description="open around the clock, every day, holidays included"
    )
    opening: list[OpeningTimes] = Field(
        default_factory=no_items, title=N_("opening times"), description="the days and times the line is open"
    )
    note: Text | None = Field(default=None, title=N_("note"), description="anything else staff should know")

    def hours_label(self, words: Localization) -> str:
        """When the line is open, in one line: "Monday to Friday, 08:00 to 20:00; Saturday, 09:00 to 13:00"."""
        if self.always_open:
            return words.gettext("Open around the clock, every day")
        return "; ".join(times.label(words) for times in self.opening)

    @model_validator(mode="after")
    def _open_sometimes(self) -> "ServiceLine":
        if self.always_open and self.opening:
            raise ValueError("an always-open line has no opening times; remove 'opening' or 'always_open'")
        if not self.always_open and not self.opening:
            raise ValueError("give the line opening times, or set always_open: true")
        # Several stretches a day are fine; two that overlap (this week's or one running on from the last
        # week's) would say the same hours twice, or mean a mistake.
        monday = dt.date(2024, 1, 1)
        spans = sorted(
            (begin + dt.timedelta(days=shift), end + dt.timedelta(days=shift), index)
            for index, times in enumerate(self.opening)
            for begin, end in times.week_spans(monday)
            for shift in (-7, 0)
        )
        for (_, end, one), (begin, _, other) in itertools.pairwise(spans):
            if begin < end:
                first, second = sorted((one, other))
                raise ValueError(f"opening[{second}] overlaps opening[{first}] on {WEEKDAYS[begin.weekday()]}; "
                                 "give each time once")
        return self

    def spans(self, zone: ZoneInfo, day: dt.date) -> list[Span]:
        """The stretches the line is open in the week (Monday to Sunday) holding ``day``, as times in
        ``zone`` (its own): the week before is included for a stretch running into this one."""
        monday = day - dt.timedelta(days=day.weekday())
        return [
            (begin.replace(tzinfo=zone), end.replace(tzinfo=zone))
            for week in (monday - dt.timedelta(days=7), monday)
            for times in self.opening
            for begin, end in times.week_spans(week)
        ]


class Closure(Strict):
    date: Date = Field(title=N_("date"), description="the day closed, as YYYY-MM-DD (the first, for several days)")
    until: Date | None = Field(
        default=None, title=N_("until"), description="the last day closed, for a closure of several days"
    )
    name: Text = Field(title=N_("name"), description="like 'Christmas Day' or 'Stocktaking'")
    lines: list[Annotated[Slug, RefTo("service-line")]] = Field(
        default_factory=no_items,
        title=N_("lines"),
        description="the lines closed; leave out for every line that is not always open",
    )

    @model_validator(mode="after")
    def _until_after_date(self) -> "Closure":
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
        default_factory=no_items, title=N_("closures"), description="public holidays and other closed days"
    )

    def zone_of(self, line: ServiceLine) -> ZoneInfo:
        return ZoneInfo(line.time_zone or self.time_zone)

    def is_open(self, line: ServiceLine, at: dt.datetime) -> bool:
        """Whether ``line`` takes contacts at the moment ``at`` (a time with its zone): within one of its
        stretches, on a day none of its closures covers (the day as the line's own clock has it)."""
        zone = self.zone_of(line)
        local = at.astimezone(zone)
        if any(closure.closes(line) and closure.date <= local.date() <= (closure.until or closure.date)
               for closure in self.closures):
            return False
        if line.always_open:
            return True
        return any(begin <= local < end for begin, end in line.spans(zone, local.date()))

    def hours_elsewhere(self, line: ServiceLine, day: dt.date, words: Localization) -> str | None:
        """A line kept in a zone of its own, in the file's zone for the week of ``day`` (daylight saving
        moves it): "Monday to Friday, 14:00 to 22:00"; None for a line in the file's zone."""
        if line.always_open or line.time_zone is None or line.time_zone == self.time_zone:
            return None
        home = ZoneInfo(self.time_zone)
        monday = day - dt.timedelta(days=day.weekday())
        week_start = dt.datetime.combine(monday, dt.time(), home)
        week_end = week_start + dt.timedelta(days=7)
        shown = []
        zone = self.zone_of(line)
        for own_begin, own_end in line.spans(zone, day) + line.spans(zone, day + dt.timedelta(days=7)):
            begin, end = own_begin.astimezone(home), own_end.astimezone(home)
            if week_start <= begin < week_end and (begin, end) not in shown:
                shown.append((begin, end))
        return spans_label([(begin.replace(tzinfo=None), end.replace(tzinfo=None)) for begin, end in shown], words)

    def line_hours(self, line: ServiceLine, day: dt.date, words: Localization) -> str:
        """A line's hours as the site and the card print them on ``day``: in its own clock, and for a line
        in a zone of its own, that zone and the same hours in the file's zone that week."""
        hours = line.hours_label(words)
        elsewhere = self.hours_elsewhere(line, day, words)
        if elsewhere is None:
            return hours
        return words.gettext("%(hours)s (%(zone)s time); in %(home)s time in the week of %(date)s: %(converted)s",
                             hours=hours, zone=line.time_zone, home=self.time_zone, date=words.date(day),
                             converted=elsewhere)

    def open_lines(self, closure: Closure) -> list[ServiceLine]:
        """The lines that stay open during a closure (the always-open ones, unless it names them)."""
        return [line for line in self.lines if not closure.closes(line)]

    def closures_from(self, day: dt.date) -> list[Closure]:
        """Closures that end on or after ``day``, in date order: what the desk needs to know next."""
        upcoming = [closure for closure in self.closures if (closure.until or closure.date) >= day]
        return sorted(upcoming, key=lambda closure: closure.date)

    def desk_card(self, manual: "Manual", day: dt.date) -> list[CardList]:
        """The card's "opening-hours" part, for the card's audience (``manual`` is its view): every line it
        may see with its number and hours, then the closures still to come on the day the card is printed."""
        words = manual.localization
        lines = CardList(
            words.gettext("Opening hours"),
            tuple(
                CardRow(line.name, line.contact or "", self.line_hours(line, day, words))
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
