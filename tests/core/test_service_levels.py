"""Service levels as data: the software company's plans x severities, each target on its clock (around
the clock or a service line's hours), cells not offered, and located "did you mean" for unknown names."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from deskbook.cli import main
from deskbook.handbook.card import desk_card_data
from deskbook.handbook.specs import DeskCardSpec, PrintOptions
from deskbook.model.service_levels import NOT_OFFERED, ServiceLevels, Target
from deskbook.pipeline import load_checked_manual
from deskbook.site import SiteOptions, render_site_pages

SOFTWARE = Path(__file__).resolve().parents[1] / "fixtures" / "software" / "content"
DAY = dt.date(2026, 11, 18)


@pytest.fixture
def content(tmp_path, monkeypatch) -> Path:
    shutil.copytree(SOFTWARE, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "content"


def test_every_target_prints_with_its_clock(content):
    manual = load_checked_manual(content)
    levels = manual.service_levels
    words = manual.localization
    by_values = {level.id: level for level in levels.levels}
    ultimate_1 = by_values["ultimate sev-1"]
    assert levels.cell_label(ultimate_1.targets["first-response"], manual, words) == "30 minutes, around the clock"
    assert levels.cell_label(by_values["basic sev-1"].targets["first-response"], manual, words) == (
        "4 hours (business hours, Monday to Friday, 08:00 to 17:00 Europe/Berlin)")
    # a line that never closes is a clock that never stops
    assert levels.cell_label(by_values["ultimate sev-2"].targets["first-response"], manual, words) == (
        "2 hours, around the clock")
    assert by_values["basic sev-4"].targets["resolution"] == NOT_OFFERED
    assert levels.cell_label(NOT_OFFERED, manual, words) == "Not offered"


def test_levels_group_by_the_first_dimension_in_declared_order(content):
    levels = load_checked_manual(content).service_levels
    groups = levels.groups()
    assert [heading for heading, _ in groups] == ["Basic", "Premium", "Ultimate"]
    assert [level.when["severity"] for level in groups[2][1]] == ["sev-1", "sev-2", "sev-3", "sev-4"]


def _levels(**changes) -> ServiceLevels:
    data = {
        "title": "Service levels",
        "dimensions": [{"id": "plan", "name": "Plan", "values": [{"id": "basic", "name": "Basic"},
                                                                   {"id": "premium", "name": "Premium"}]}],
        "metrics": [{"id": "first-response", "name": "First response"}],
        "levels": [{"when": {"plan": "basic"}, "targets": {"first-response": {"within": "4 hours", "clock": "desk"}}}],
    }
    data.update(changes)
    return ServiceLevels.model_validate(data)


def _closest(wanted, group, known):
    import difflib
    found = difflib.get_close_matches(wanted, list(known), n=1, cutoff=0.5)
    return found[0] if found else None


def test_problems_name_the_unknown_with_a_guess():
    levels = _levels(levels=[
        {"when": {"plna": "basic"}, "targets": {"first-response": NOT_OFFERED}},
        {"when": {"plan": "premum"}, "targets": {"first-respons": {"within": "1 hour", "clock": "24x8"}}},
        {"when": {"plan": "basic"}, "targets": {"first-response": {"within": "1 hour", "clock": "dsk"}}},
        {"when": {"plan": "basic"}, "targets": {"first-response": NOT_OFFERED}},
    ])
    problems = list(levels.problems(["desk"], _closest))
    assert problems == [
        (("levels", 0, "when", "plna"), True, "unknown dimension 'plna'; did you mean 'plan'?"),
        (("levels", 1, "when", "plan"), False, "unknown value of plan 'premum'; did you mean 'premium'?"),
        (("levels", 1, "targets", "first-respons"), True,
         "unknown metric 'first-respons'; did you mean 'first-response'?"),
        (("levels", 1, "targets", "first-respons", "clock"), False, "unknown clock '24x8'; did you mean '24x7'?"),
        (("levels", 2, "targets", "first-response", "clock"), False, "unknown clock 'dsk'; did you mean 'desk'?"),
        (("levels", 3, "when"), False,
         "this level applies to the same values as levels[2]; give each combination once"),
    ]


def test_a_target_counts_calendar_time_because_its_clock_says_which_hours():
    with pytest.raises(ValueError, match="the target's clock already says which hours count"):
        Target.model_validate({"within": "4 business hours", "clock": "desk"})
    with pytest.raises(ValueError, match="'premium' is given twice"):
        _levels(dimensions=[{"id": "plan", "name": "Plan", "values": [{"id": "premium", "name": "A"},
                                                                       {"id": "premium", "name": "B"}]}])


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("  - when: {plan: basic, severity: sev-2}\n", "  - when: {plan: basic, severity: sev-5}\n",
     r"service-levels\.yaml:\d+:\d+: error: unknown value of severity 'sev-5'; did you mean 'sev-[1-4]'\?"),
    ("first-response: {within: 4 hours, clock: support-desk}\n      resolution: {within: 3 days",
     "first-response: {within: 4 hours, clock: suport-desk}\n      resolution: {within: 3 days",
     r"service-levels\.yaml:\d+:\d+: error: unknown clock 'suport-desk'; did you mean 'support-desk'\?"),
    ("      first-response: {within: 30 minutes, clock: 24x7}\n",
     "      first-reply: {within: 30 minutes, clock: 24x7}\n",
     r"service-levels\.yaml:\d+:7: error: unknown metric 'first-reply'; did you mean 'first-response'\?"),
])
def test_bad_levels_are_located(content, capsys, old, new, expected):
    path = content / "service-levels.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    assert main(["check", "--content", "content"]) == 1
    report = capsys.readouterr().err
    assert re.search(expected, report), report


def test_the_page_and_the_card_show_the_matrix(content):
    manual = load_checked_manual(content)
    pages = {page.src_uri: page.markdown for page in render_site_pages(manual, SiteOptions(today=DAY))}
    page = re.sub(r"\s*\n\s*", " ", pages["response-times.md"])
    assert "### Ultimate" in pages["response-times.md"]
    assert 'aria-label="Service levels: Premium"' in page
    assert '<td data-label="First response">30 minutes, around the clock</td>' in page
    assert '<td data-label="Resolution" class="deskbook-not-taken">Not offered</td>' in page
    card = desk_card_data(manual, DeskCardSpec(parts=("service-levels",)),
                          PrintOptions(printed=dt.datetime(2026, 11, 18, tzinfo=dt.timezone.utc)))
    lists = {card_list["title"]: card_list for card_list in card["parts"] if card_list["t"] == "list"}
    rows = {row["label"]: row["value"] for row in lists["Ultimate"]["rows"]}
    assert rows["Severity 1"] == "First response: 30 minutes, around the clock; Resolution: 8 hours, around the clock"
    assert rows["Severity 3"] == "First response: 4 hours (Support desk hours); Resolution: 5 days (Support desk hours)"
    assert lists["Ultimate"]["note"] == (
        "Support desk hours: business hours, Monday to Friday, 08:00 to 17:00 Europe/Berlin")


def test_diff_names_levels_and_metrics_as_staff_know_them(content, tmp_path):
    from deskbook.review.changes import diff_manuals

    before = load_checked_manual(content)
    changed = tmp_path / "changed"
    shutil.copytree(content, changed)
    path = changed / "service-levels.yaml"
    path.write_text(path.read_text().replace("first-response: {within: 30 minutes, clock: 24x7}",
                                             "first-response: {within: 15 minutes, clock: 24x7}"))
    after = load_checked_manual(changed)
    sentences = [change.sentence for entity in diff_manuals(before, after).changes for change in entity.fields]
    assert sentences == ["Levels › Ultimate, Severity 1 › Targets › First response › within: 30 minutes -> 15 minutes"]
