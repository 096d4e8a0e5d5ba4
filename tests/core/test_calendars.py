"""Calendars: service hours per line in a zone of its own, stretches past midnight and across the week,
several stretches a day, closures per line, and the hours in another zone across daylight saving, at fixed
dates in January and July."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from projects import without_channel_icons

from deskbook.cli import main
from deskbook.handbook.card import desk_card_data
from deskbook.handbook.specs import DeskCardSpec, PrintOptions
from deskbook.pipeline import load_checked_manual
from deskbook.site import SiteOptions, render_site_pages

UTC = dt.timezone.utc
JANUARY = dt.date(2027, 1, 13)  # a Wednesday, New York on standard time (UTC-5)
JULY = dt.date(2027, 7, 14)  # a Wednesday, New York on daylight saving time (UTC-4)

THREE_REGIONS = """\
time_zone: UTC
lines:
  - id: emea-desk
    name: EMEA desk
    channel: phone
    opening:
      - from: "sun 23:00"
        until: "fri 22:00"
  - id: us-on-call
    name: US on-call window
    channel: phone
    time_zone: America/New_York
    opening:
      - days: [mon, tue, wed, thu, fri]
        opens: "09:00"
        closes: "17:00"
  - id: night-line
    name: Night line
    channel: chat
    time_zone: Europe/Berlin
    opening:
      - days: [fri, sat]
        opens: "22:00"
        closes: "02:00"
  - id: split-desk
    name: Split desk
    channel: email
    opening:
      - days: [mon, tue, wed, thu, fri]
        opens: "08:00"
        closes: "12:00"
      - days: [mon, tue, wed, thu, fri]
        opens: "13:00"
        closes: "17:00"
closures:
  - date: 2027-07-05
    name: Independence Day (observed)
    lines: [us-on-call]
"""


@pytest.fixture
def content(tmp_path, example_content, monkeypatch) -> Path:
    shutil.copytree(example_content, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content" / "service-hours.yaml").write_text(THREE_REGIONS, encoding="utf-8")
    return tmp_path / "content"


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_lines_keep_their_own_clocks_across_daylight_saving(content):
    manual = load_checked_manual(content)
    hours = manual.service_hours
    line = {entity.id: entity for entity in manual.entities("service-line")}
    us, emea, night, split = line["us-on-call"], line["emea-desk"], line["night-line"], line["split-desk"]
    # 09:00 in New York is 14:00 UTC in January and 13:00 UTC in July.
    assert not hours.is_open(us, at(2027, 1, 13, 13, 30)) and hours.is_open(us, at(2027, 1, 13, 14, 0))
    assert hours.is_open(us, at(2027, 7, 14, 13, 0)) and not hours.is_open(us, at(2027, 7, 14, 21, 0))
    assert not hours.is_open(us, at(2027, 7, 5, 15, 0))  # its own holiday
    assert hours.is_open(split, at(2027, 7, 5, 15, 0))  # not the other lines'
    # The EMEA week starts on Sunday at 23:00 UTC, whatever the season, and runs to Friday 22:00.
    assert not hours.is_open(emea, at(2027, 1, 10, 22, 59)) and hours.is_open(emea, at(2027, 1, 10, 23, 0))
    assert hours.is_open(emea, at(2027, 7, 14, 3, 0)) and not hours.is_open(emea, at(2027, 7, 16, 22, 0))
    # Friday 22:00 to 02:00 Berlin time runs past midnight into Saturday.
    assert hours.is_open(night, at(2027, 1, 16, 0, 30))  # Sat 01:30 in Berlin (UTC+1)
    assert not hours.is_open(night, at(2027, 7, 17, 0, 30))  # Sat 02:30 in Berlin (UTC+2)
    # Two stretches a day, with lunch between them.
    assert hours.is_open(split, at(2027, 1, 13, 11, 59)) and not hours.is_open(split, at(2027, 1, 13, 12, 30))
    assert hours.is_open(split, at(2027, 1, 13, 13, 0))


def test_hours_print_in_their_zone_and_the_files_in_january_and_july(content):
    manual = load_checked_manual(content)
    hours = manual.service_hours
    words = manual.localization
    line = {entity.id: entity for entity in manual.entities("service-line")}
    assert line["emea-desk"].hours_label(words) == "Sunday 23:00 to Friday 22:00"
    assert line["night-line"].hours_label(words) == "Friday to Saturday, 22:00 to 02:00 the next day"
    assert line["split-desk"].hours_label(words) == "Monday to Friday, 08:00 to 12:00; Monday to Friday, 13:00 to 17:00"
    assert hours.line_hours(line["emea-desk"], JANUARY, words) == "Sunday 23:00 to Friday 22:00"
    assert hours.line_hours(line["us-on-call"], JANUARY, words) == (
        "Monday to Friday, 09:00 to 17:00 (America/New_York time); in UTC time in the week of January 13, 2027: "
        "Monday to Friday, 14:00 to 22:00")
    assert hours.line_hours(line["us-on-call"], JULY, words).endswith(
        "in the week of July 14, 2027: Monday to Friday, 13:00 to 21:00")
    assert hours.hours_elsewhere(line["night-line"], JANUARY, words) == (
        "Friday to Saturday, 21:00 to 01:00 the next day")
    assert hours.hours_elsewhere(line["night-line"], JULY, words) == "Friday to Saturday, 20:00 to 24:00"


def test_a_sunday_start_prints_in_us_eastern_time(content):
    """The EMEA week seen from New York: Sunday 18:00 in January, Sunday 19:00 in July."""
    path = content / "service-hours.yaml"
    path.write_text(THREE_REGIONS.replace("time_zone: UTC\n", "time_zone: America/New_York\n", 1)
                    .replace("    opening:\n      - from:", "    time_zone: UTC\n    opening:\n      - from:", 1)
                    .replace("    time_zone: America/New_York\n", "", 1), encoding="utf-8")
    manual = load_checked_manual(content)
    hours = manual.service_hours
    emea = manual.get("service-line", "emea-desk")
    words = manual.localization
    assert hours.hours_elsewhere(emea, JANUARY, words) == "Sunday 18:00 to Friday 17:00"
    assert hours.hours_elsewhere(emea, JULY, words) == "Sunday 19:00 to Friday 18:00"


def test_the_site_and_card_show_the_converted_hours(content):
    manual = load_checked_manual(content)
    pages = {page.src_uri: page.markdown for page in render_site_pages(manual, SiteOptions(today=JULY))}
    flat = re.sub(r"\s*\n\s*", " ", without_channel_icons(pages["company/index.md"]))
    assert "US on-call window</strong> (Phone)<br> Monday to Friday, 09:00 to 17:00 (America/New_York time); " \
           "in UTC time in the week of July 14, 2027: Monday to Friday, 13:00 to 21:00" in flat
    card = desk_card_data(manual, DeskCardSpec(parts=("opening-hours",)),
                          PrintOptions(printed=dt.datetime(2027, 1, 13, tzinfo=UTC)))
    rows = {row["label"]: row["note"] for part in card["parts"] if part["t"] == "list" for row in part["rows"]}
    assert rows["US on-call window"].endswith("Monday to Friday, 14:00 to 22:00")
    assert rows["EMEA desk"] == "Sunday 23:00 to Friday 22:00"


@pytest.mark.parametrize(("old", "new", "expected"), [
    ('        opens: "13:00"\n', '        opens: "11:00"\n',
     r"service-hours\.yaml:\d+:\d+: error: lines\[3\]: opening\[1\] overlaps opening\[0\] on mon; give each time once"),
    ('      - from: "sun 23:00"\n', '      - from: "sunday 23:00"\n',
     r"service-hours\.yaml:7:15: error: lines\[0\]\.opening\[0\]\.from: 'sunday 23:00' does not have "
     r"the expected form \(with until: the day and time a stretch across days begins, like 'sun 23:00'\)"),
    ('        until: "fri 22:00"\n', "", r"service-hours\.yaml:\d+:\d+: error: lines\[0\]\.opening\[0\]: a stretch "
     r"across days needs both from and until"),
    ('        closes: "02:00"\n', '        closes: "22:00"\n',
     r"error: lines\[2\]\.opening\[0\]: closes \(22:00\) is the same as opens; for a line open around the clock"),
    ("    time_zone: Europe/Berlin\n", "    time_zone: Europe/Berlyn\n",
     r"service-hours\.yaml:\d+:16: error: lines\[2\]\.time_zone: 'Europe/Berlyn' is not a time zone"),
])
def test_bad_calendars_are_located(content, capsys, old, new, expected):
    path = content / "service-hours.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    assert main(["check", "--content", "content"]) == 1
    report = capsys.readouterr().err
    assert re.search(expected, report), report
