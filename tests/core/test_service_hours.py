"""Service hours and closures, the kind added through the registry: validation with located errors, and
the hours on the company page, the response-times page and the desk card."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from projects import without_channel_icons

from deskbook.cli import main
from deskbook.pipeline import load_checked_manual
from deskbook.site import SiteOptions, render_site_pages


@pytest.fixture
def content(tmp_path, example_content, monkeypatch) -> Path:
    shutil.copytree(example_content, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "content"


def broken(content: Path, old: str, new: str, capsys) -> str:
    path = content / "service-hours.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    assert main(["check", "--content", "content"]) == 1
    return capsys.readouterr().err


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("time_zone: America/Halifax", "time_zone: Atlantic Time",
     r"service-hours\.yaml:2:12: error: time_zone: 'Atlantic Time' is not a time zone; write an IANA name"),
    ('closes: "20:00"', 'closes: "08:00"',
     r"service-hours\.yaml:\d+:\d+: error: lines\[0\]\.opening\[0\]: closes \(08:00\) is the same as opens"),
    ('opens: "08:00"', "opens: 8am", r"service-hours\.yaml:\d+:16: error: lines\[0\]\.opening\[0\]\.opens: "),
    ("[mon, tue, wed, thu, fri, sat, sun]", "[mon, tue, wed, thu, fri, sat, sunday]",
     r"error: lines\[0\]\.opening\[0\]\.days\[6\]: 'sunday' is not one of: mon, tue"),
    ("    always_open: true\n", "", r"service-hours\.yaml:\d+:\d+: error: lines\[4\]: give the line opening times, "
                                   r"or set always_open: true"),
    ("lines: [store]", "lines: [shop]",
     r"service-hours\.yaml:\d+:13: error: unknown service line 'shop'"),
])
def test_bad_service_hours_are_located(content, capsys, old, new, expected):
    report = broken(content, old, new, capsys)
    assert re.search(expected, report), report


def test_the_file_is_optional(tmp_path, minimal_content, monkeypatch, capsys):
    shutil.copytree(minimal_content, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    assert not (tmp_path / "content" / "service-hours.yaml").exists()
    assert main(["check", "--content", "content"]) == 0
    assert load_checked_manual(tmp_path / "content").service_hours is None


def test_hours_on_the_company_and_response_times_pages(example_content):
    manual = load_checked_manual(example_content)
    pages = {page.src_uri: page.markdown for page in render_site_pages(manual, SiteOptions(today=dt.date(2026, 12, 28)))}
    company = without_channel_icons(pages["company/index.md"])
    flat = re.sub(r"\s*\n\s*", "", company)
    assert '<li id="line-safety-line"><strong>Product safety and outage line</strong> (Phone), +1 555 0142 399<br>' \
           "Open around the clock, every day" in flat
    assert "Website chat</strong> (Live chat), harbourline.example/help<br>Monday to Saturday, 09:00 to 18:00" in flat
    assert "Times are local time in America/Halifax." in company
    # Closures already over on the build date are left out; the next ones say what stays open.
    assert "Christmas Day" not in company
    assert "<strong>January 4, 2027 to January 5, 2027</strong>: Stocktaking.Still open: Customer care line," in flat
    times = pages["response-times.md"]
    assert '<a href="company/index.html#line-care-line">Customer care line</a>: Every day, 08:00 to 20:00' in times


def test_hours_on_the_desk_card(example_content):
    from deskbook.handbook.card import desk_card_data
    from deskbook.handbook.specs import DeskCardSpec, PrintOptions

    manual = load_checked_manual(example_content)
    printed = dt.datetime(2026, 12, 26, tzinfo=dt.timezone.utc)
    lists = _contributed(desk_card_data(manual, DeskCardSpec(parts=("opening-hours",)), PrintOptions(printed=printed)))
    assert [part["title"] for part in lists] == ["Opening hours", "Closed"]
    hours, closed = lists
    printed = [{key: row[key] for key in ("label", "value", "note")} for row in hours["rows"]]
    assert printed[0] == {"label": "Customer care line", "value": "+1 555 0142 300",
                          "note": "Every day, 08:00 to 20:00"}
    assert {"label": "Product safety and outage line", "value": "+1 555 0142 399",
            "note": "Open around the clock, every day"} in printed
    assert hours["note"] == "All hours are America/Halifax time"
    # The closure under way on the day of printing stays; the ones over are left out.
    assert [row["label"] for row in closed["rows"]] == [
        "December 25, 2026 to December 26, 2026", "January 1, 2027", "January 4, 2027 to January 5, 2027"]


def test_the_card_shows_the_lines_its_audience_may_see(content):
    from deskbook.handbook.card import desk_card_data
    from deskbook.handbook.specs import DeskCardSpec, PrintOptions

    path = content / "service-hours.yaml"
    path.write_text(path.read_text().replace("    always_open: true\n", "    always_open: true\n    audience: [supervisor]\n"))
    manual = load_checked_manual(content)

    def labels(audience):
        data = desk_card_data(manual, DeskCardSpec(parts=("opening-hours",), audience=audience), PrintOptions())
        return [row["label"] for row in _contributed(data)[0]["rows"]]

    assert "Product safety and outage line" in labels("supervisor")
    assert "Product safety and outage line" not in labels("rep") and "Website chat" in labels("rep")


def test_opening_hours_is_a_part_the_card_can_leave_out(example_content):
    from deskbook.handbook.card import desk_card_data
    from deskbook.handbook.specs import DeskCardSpec, PrintOptions

    manual = load_checked_manual(example_content)
    parts = ("escalation", "contacts")
    data = desk_card_data(manual, DeskCardSpec(parts=parts), PrintOptions())
    assert _contributed(data) == []
    # The contacts are the company's channels with the hours company.yaml gives them, plus the
    # variables' other lines; service-hours.yaml has its own part.
    [contacts] = [part for part in data["parts"] if part["t"] == "list" and part["source"] == "contacts"]
    assert [row["label"] for row in contacts["rows"]][-1] == "Supervisor line"


def test_hours_leave_nothing_on_pages_and_card_without_the_file(minimal_content):
    from deskbook.handbook.card import desk_card_data
    from deskbook.handbook.specs import DeskCardSpec, PrintOptions

    manual = load_checked_manual(minimal_content)
    pages = {page.src_uri: page.markdown for page in render_site_pages(manual, SiteOptions())}
    assert "Opening hours" not in pages["company/index.md"] + pages["response-times.md"]
    assert _contributed(desk_card_data(manual, DeskCardSpec(), PrintOptions())) == []


def test_references_reach_service_lines(content, capsys):
    (content.parent / "docs").mkdir()
    (content.parent / "docs" / "index.md").write_text(
        "Call [[service-line:safety-line]] on [[service-line:safety-line.contact]].\n")
    (content.parent / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - deskbook/content\n")
    assert main(["check"]) == 0, capsys.readouterr().err



def _contributed(card: dict) -> list[dict]:
    """The card's titled lists from service-hours.yaml's part (Opening hours, Closed)."""
    return [part for part in card["parts"] if part["t"] == "list" and part["source"] == "opening-hours"]
