"""``service-levels.yaml``: service-level targets as data, the way SLA policies are written.

The company names its dimensions (a plan, a severity, a channel, a category: any it sorts work by, each
with its values) and its metrics (first response, next reply, resolution, ...). Each level says which
values it applies to (``when``) and, per metric, a target: a time counted on a clock (``24x7``, around the
clock, or a service line of service-hours.yaml, counted only while that line is open), or ``not offered``.
"""


import datetime as dt
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, Field, computed_field, model_validator

from ..locale import N_, Localization
from .base import Choices, Duration, Slug, Strict, Text
from .card import CardList, CardRow

if TYPE_CHECKING:
    from ..manual import Manual

AROUND_THE_CLOCK = "24x7"
NOT_OFFERED = "not offered"
_CLOCK_COUNTED_UNITS = ("business hour", "working day")


def _calendar_time(duration: Duration) -> Duration:
    if duration.unit in _CLOCK_COUNTED_UNITS:
        raise ValueError(f"'{duration}' counts only some hours, but the target's clock already says which "
                         "hours count; write it in minutes, hours or days, like '4 hours' with "
                         "clock: <a service line>")
    return duration


class DimensionValue(Strict):
    id: Slug = Field(title=N_("id"), description="the value as levels name it, like 'premium' or 'sev-1'")
    name: Text = Field(title=N_("name"), description="the value as staff know it, like 'Premium' or 'Severity 1'")
    description: Text | None = Field(default=None, title=N_("description"), description="what it means")


class Dimension(Strict):
    id: Slug = Field(title=N_("id"), description="the dimension as levels name it, like 'plan' or 'severity'")
    name: Text = Field(title=N_("name"), description="the dimension as staff know it, like 'Plan' or 'Severity'")
    values: list[DimensionValue] = Field(min_length=1, title=N_("values"), description="the values it takes")

    def value(self, value_id: str) -> DimensionValue | None:
        return next((value for value in self.values if value.id == value_id), None)


class LevelMetric(Strict):
    id: Slug = Field(title=N_("id"), description="the metric as levels name it, like 'first-response'")
    name: Text = Field(title=N_("name"), description="the metric as staff know it, like 'First response'")
    description: Text | None = Field(
        default=None, title=N_("description"), description="when its clock starts and stops"
    )


class Target(Strict):
    within: Annotated[Duration, AfterValidator(_calendar_time)] = Field(
        title=N_("within"), description="the time allowed, like '30 minutes' or '4 hours'"
    )
    clock: Slug = Field(
        title=N_("clock"),
        description="which hours count: '24x7' for around the clock, or a line of service-hours.yaml, "
        "counted only while it is open",
    )


Cell = Annotated[Target | Literal["not offered"], Choices({NOT_OFFERED: N_("Not offered")})]


class ServiceLevel(Strict):
    when: dict[Slug, Slug] = Field(
        min_length=1,
        title=N_("applies to"),
        description="dimension -> value this level applies to, like 'plan: premium, severity: sev-1'",
    )
    targets: dict[Slug, Cell] = Field(
        min_length=1,
        title=N_("targets"),
        description="metric -> target ({within: 4 hours, clock: support-desk}), or 'not offered'",
    )
    note: Text | None = Field(default=None, title=N_("note"), description="anything else staff should know")

    @computed_field(title=N_("level"))  # type: ignore[prop-decorator]
    @property
    def id(self) -> str:
        """The values it applies to, so a comparison of two revisions matches levels by them, not by place."""
        return " ".join(self.when.values())


Problem = tuple[tuple[str | int, ...], bool, str]
"""Where in the file (a path, and whether the key rather than the value is meant) and what is wrong."""


class ServiceLevels(Strict):
    title: Text = Field(title=N_("title"), description="the heading of the service levels, like 'Service levels'")
    summary: Text | None = Field(default=None, title=N_("summary"), description="what the targets promise")
    dimensions: list[Dimension] = Field(
        min_length=1, title=N_("dimensions"), description="what the company sorts work by: plan, severity, ..."
    )
    metrics: list[LevelMetric] = Field(
        min_length=1, title=N_("metrics"), description="what is timed: first response, next reply, resolution"
    )
    levels: list[ServiceLevel] = Field(
        min_length=1, title=N_("levels"), description="the targets for each combination of values"
    )

    @model_validator(mode="after")
    def _unique_ids(self) -> "ServiceLevels":
        id_lists: list[tuple[str, list[str]]] = [
            ("dimensions", [dimension.id for dimension in self.dimensions]),
            ("metrics", [metric.id for metric in self.metrics]),
            *((f"values of {d.id}", [value.id for value in d.values]) for d in self.dimensions),
        ]
        for name, ids in id_lists:
            repeated = sorted({item_id for item_id in ids if ids.count(item_id) > 1})
            if repeated:
                raise ValueError(f"{name}: '{repeated[0]}' is given twice; give each id once")
        return self

    def dimension(self, dimension_id: str) -> Dimension | None:
        return next((dimension for dimension in self.dimensions if dimension.id == dimension_id), None)

    def metric(self, metric_id: str) -> LevelMetric | None:
        return next((metric for metric in self.metrics if metric.id == metric_id), None)

    def problems(self, lines: list[str], closest: Callable[[str, str, list[str]], str | None]) -> Iterator[Problem]:
        """Every name a level uses that the file (or service-hours.yaml's ``lines``) does not declare, with
        ``closest(wanted, group, candidates)`` offering a "did you mean"; and levels given twice."""

        def unknown(what: str, wanted: str, group: str, candidates: list[str]) -> str:
            guess = closest(wanted, f"service levels: {group}", candidates)
            hint = f"; did you mean '{guess}'?" if guess else f"; known: {', '.join(candidates) or 'none'}"
            return f"unknown {what} '{wanted}'{hint}"

        seen: dict[tuple, int] = {}
        clocks = [AROUND_THE_CLOCK, *lines]
        for index, level in enumerate(self.levels):
            for dimension_id, value_id in level.when.items():
                dimension = self.dimension(dimension_id)
                if dimension is None:
                    yield (("levels", index, "when", dimension_id), True,
                           unknown("dimension", dimension_id, "dimensions", [d.id for d in self.dimensions]))
                elif dimension.value(value_id) is None:
                    yield (("levels", index, "when", dimension_id), False,
                           unknown(f"value of {dimension_id}", value_id, f"values of {dimension_id}",
                                   [value.id for value in dimension.values]))
            for metric_id, cell in level.targets.items():
                if self.metric(metric_id) is None:
                    yield (("levels", index, "targets", metric_id), True,
                           unknown("metric", metric_id, "metrics", [metric.id for metric in self.metrics]))
                if isinstance(cell, Target) and cell.clock not in clocks:
                    message = unknown("clock", cell.clock, "clocks", clocks)
                    if not lines:
                        message += " (a clock of business hours is a line of service-hours.yaml)"
                    yield ("levels", index, "targets", metric_id, "clock"), False, message
            key = tuple(sorted(level.when.items()))
            if key in seen:
                yield (("levels", index, "when"), False,
                       f"this level applies to the same values as levels[{seen[key]}]; give each combination once")
            else:
                seen[key] = index

    # -- reading -------------------------------------------------------------------------------------------

    def value_name(self, dimension_id: str, value_id: str) -> str:
        dimension = self.dimension(dimension_id)
        value = dimension.value(value_id) if dimension is not None else None
        return value.name if value is not None else value_id

    def part_name(self, path: tuple[str, ...]) -> str | None:
        """A level or a metric as staff know it, for a path into this file's data (the diff's labels):
        ("levels", "[premium sev-1]") -> "Premium, Severity 1"; (..., "targets", "resolution") -> "Resolution"."""
        if len(path) == 2 and path[0] == "levels":
            level = next((level for level in self.levels if path[1] == f"[{level.id}]"), None)
            if level is not None:
                return ", ".join(self.value_name(dimension, value) for dimension, value in level.when.items())
        if len(path) == 4 and path[0] == "levels" and path[2] == "targets":
            metric = self.metric(path[3])
            return metric.name if metric is not None else None
        return None

    def groups(self) -> list[tuple[str, list[ServiceLevel]]]:
        """The levels by the value of the first dimension, in the order values are declared (a table or a
        card list each: one per plan); levels without that dimension come last, under no heading."""
        first = self.dimensions[0]
        order = {value.id: position for position, value in enumerate(first.values)}

        def place(level: ServiceLevel) -> tuple:
            return tuple(
                dimension_order.get(level.when.get(dimension.id, ""), len(dimension_order))
                for dimension in self.dimensions
                for dimension_order in [{value.id: i for i, value in enumerate(dimension.values)}]
            )

        grouped: dict[str, list[ServiceLevel]] = {}
        for level in sorted(self.levels, key=place):
            grouped.setdefault(level.when.get(first.id, ""), []).append(level)
        return [(self.value_name(first.id, value_id) if value_id else "", levels)
                for value_id, levels in sorted(grouped.items(), key=lambda item: order.get(item[0], len(order)))]

    def rest_dimensions(self) -> list[Dimension]:
        """The dimensions a row within a group names (the first one is the group's heading)."""
        return self.dimensions[1:]

    def row_label(self, level: ServiceLevel, words: Localization) -> str:
        names = [self.value_name(dimension.id, level.when[dimension.id])
                 for dimension in self.rest_dimensions() if dimension.id in level.when]
        return ", ".join(names) or words.gettext("All")

    def never_stops(self, clock: str, manual: "Manual") -> bool:
        """Whether a clock counts every hour: ``24x7``, or a line that is always open."""
        line = manual.get("service-line", clock)
        return clock == AROUND_THE_CLOCK or (line is not None and line.always_open)

    def clock_label(self, clock: str, manual: "Manual", words: Localization) -> str:
        """Which hours count, in words: "around the clock" or "business hours, Monday to Friday, 08:00 to
        17:00 Europe/Berlin"; a line the audience's view does not show stays its id."""
        if self.never_stops(clock, manual):
            return words.gettext("around the clock")
        hours = manual.service_hours
        line = manual.get("service-line", clock)
        if hours is None or line is None:
            return clock
        return words.gettext("business hours, %(hours)s %(zone)s", hours=line.hours_label(words),
                             zone=line.time_zone or hours.time_zone)

    def cell_label(self, cell: Target | str | None, manual: "Manual", words: Localization,
                   short: bool = False) -> str:
        """A target with its clock: "30 minutes, around the clock", "4 hours (business hours, Monday to
        Friday, ...)"; ``short`` names a business-hours clock by its line ("4 hours (Support desk hours)"),
        for the card, which prints each line's hours once under the levels."""
        if cell is None:
            return words.gettext("No target set")
        if not isinstance(cell, Target):
            return words.gettext("Not offered")
        within = words.duration(cell.within)
        if self.never_stops(cell.clock, manual):
            return words.gettext("%(within)s, around the clock", within=within)
        line = manual.get("service-line", cell.clock)
        if short and line is not None:
            return words.gettext("%(within)s (%(line)s hours)", within=within, line=line.name)
        return words.gettext("%(within)s (%(clock)s)", within=within,
                             clock=self.clock_label(cell.clock, manual, words))

    def business_clocks(self) -> list[str]:
        """The clocks of business hours the levels count on, in the order they first appear."""
        return list(dict.fromkeys(
            cell.clock for level in self.levels for cell in level.targets.values()
            if isinstance(cell, Target) and cell.clock != AROUND_THE_CLOCK
        ))

    def desk_card(self, manual: "Manual", day: dt.date) -> list[CardList]:
        """The card's "service-levels" part: a list per value of the first dimension (per plan), a row per
        level naming each metric's target with its clock, and under the last list the hours each
        business-hours clock counts."""
        words = manual.localization
        lists = []
        for heading, levels in self.groups():
            rows = tuple(
                CardRow(
                    self.row_label(level, words),
                    "; ".join(
                        words.gettext("%(metric)s: %(target)s", metric=metric.name,
                                      target=self.cell_label(level.targets.get(metric.id), manual, words, True))
                        for metric in self.metrics if metric.id in level.targets
                    ),
                    level.note or "",
                )
                for level in levels
            )
            lists.append(CardList(heading or self.title, rows))
        clocks = [
            words.gettext("%(line)s hours: %(clock)s", line=line.name,
                          clock=self.clock_label(line.id, manual, words))
            for line in (manual.get("service-line", clock) for clock in self.business_clocks())
            if line is not None and not line.always_open
        ]
        if clocks and lists:
            lists[-1] = CardList(lists[-1].title, lists[-1].rows, "; ".join(clocks))
        return lists
