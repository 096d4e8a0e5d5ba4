"""Open channels: a company names channels of its own (a portal, WhatsApp), each of a built-in kind that
gives it its words; the built-in channels need no declaration, and a mistyped channel id anywhere gets a
located "did you mean"."""

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
from deskbook.model import CHANNEL_KINDS
from deskbook.pipeline import load_checked_manual
from deskbook.site import SiteOptions, render_site_pages
from deskbook.site.channel_icons import CHANNEL_ICONS

OWN_CHANNELS = """\
channels:
  - id: portal
    kind: web
    name: Support portal
  - id: whatsapp
    kind: messaging
    name: WhatsApp
contact_channels:
  - channel: portal
    label: Support portal
    address: https://harbourline.example/support
    hours: Read every day, 8:00 to 20:00
    live_person: Every request opened in the portal goes to a named representative.
"""


@pytest.fixture
def content(tmp_path, example_content, monkeypatch) -> Path:
    shutil.copytree(example_content, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "content"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def with_own_channels(content: Path) -> Path:
    """The example with a portal and WhatsApp declared, the portal taking every category of the schedule,
    a script used on WhatsApp and a sample log that came in through the portal."""
    edit(content / "company.yaml", "contact_channels:\n", OWN_CHANNELS)
    schedule = content / "schedules.yaml"
    text = schedule.read_text(encoding="utf-8")
    text = text.replace("  - letter\ncategories:", "  - letter\n  - portal\ncategories:", 1)
    text = re.sub(r"(\n      letter: [^\n]+)", r"\1\n      portal: 1 hour", text)
    schedule.write_text(text, encoding="utf-8")
    edit(content / "scripts" / "hold.yaml", "channels:\n  - phone\n", "channels:\n  - phone\n  - whatsapp\n")
    edit(content / "call-logs" / "2026-10-05-kettle-app.yaml", "channel: chat", "channel: portal")
    return content


def icon(kind: str) -> str:
    return CHANNEL_ICONS[kind] + "</svg>"


def test_every_kind_of_channel_has_an_icon():
    assert CHANNEL_ICONS.keys() == CHANNEL_KINDS.keys()
    assert all(shapes.startswith("<") and shapes.endswith("/>") for shapes in CHANNEL_ICONS.values())


def test_a_company_names_its_own_channels(content):
    manual = load_checked_manual(with_own_channels(content))
    assert manual.channel_name("portal") == "Support portal"
    assert manual.channel_kind("whatsapp") == "messaging"
    assert manual.channel_name("chat") == "Live chat"  # built in, not declared
    site = {page.src_uri: page.markdown for page in render_site_pages(manual, SiteOptions(today=dt.date(2026, 12, 2)))}
    pages = {uri: without_channel_icons(markdown) for uri, markdown in site.items()}
    assert "<th>Support portal</th>" in pages["response-times.md"]
    assert 'data-label="Support portal">1 hour</td>' in pages["response-times.md"]
    assert '<span class="deskbook-badge">WhatsApp</span>' in pages["scripts/hold.md"]
    assert "Support portal" in pages["call-logs/kettle-app.md"]
    assert "Support portal (Support portal)" in re.sub(r"\s+", " ", pages["company/index.md"])
    # Each channel shows the icon of its kind beside its name, hidden from screen readers; print has none.
    assert icon("messaging") + "WhatsApp</span>" in site["scripts/hold.md"]
    assert icon("web") + "Support</span> portal</th>" in site["response-times.md"]  # the rest of a name wraps
    assert 'aria-hidden="true"' in site["scripts/hold.md"]
    printed_pages = render_site_pages(manual, SiteOptions(today=dt.date(2026, 12, 2), print_mode=True))
    assert not any("deskbook-channel-icon" in page.markdown for page in printed_pages)
    printed = dt.datetime(2026, 12, 2, tzinfo=dt.timezone.utc)
    card = desk_card_data(manual, DeskCardSpec(parts=("response-times",)), PrintOptions(printed=printed))
    # Seven channels: the card splits them over as many response tables as fit; the company's own is last.
    channels = [channel for part in card["parts"] if part["t"] == "response" for channel in part["channels"]]
    assert channels[-1] == "Support portal"


def test_a_built_in_channel_reads_in_the_manuals_language(content):
    edit(content / "manual.yaml", "language: en_US", "language: de_DE")
    manual = load_checked_manual(content)
    assert manual.channel_name("chat") != "Live chat"
    assert manual.channel_name("email") == manual.localization.gettext("E-mail")


@pytest.mark.parametrize(("path", "old", "new", "expected"), [
    ("scripts/hold.yaml", "  - phone\n", "  - portl\n",
     r"content/scripts/hold\.yaml:8:5: error: unknown channel 'portl'; did you mean 'portal'\?"),
    ("schedules.yaml", "      email: 24 hours\n", "      emial: 24 hours\n",
     r"content/schedules\.yaml:\d+:14: error: unknown channel 'emial'; did you mean 'email'\?"),
    ("call-logs/2026-10-09-double-charge.yaml", "channel: ", "channel: whatsap #",
     r"content/call-logs/2026-10-09-double-charge\.yaml:\d+:10: error: unknown channel 'whatsap'; "
     r"did you mean 'whatsapp'\?"),
    ("company.yaml", "    kind: web\n", "    kind: webb\n",
     r"content/company\.yaml:\d+:11: error: channels\[0\]\.kind: 'webb' is not one of: phone, email, .*web.*; "
     r"did you mean 'web'\?"),
    ("company.yaml", "  - id: portal\n    kind: web\n", "  - id: chat\n    kind: web\n",
     r"content/company\.yaml:\d+:\d+: error: channels\[0\]: 'chat' is the id of a built-in channel; give it "
     r"kind: chat, or another id"),
])
def test_mistyped_channels_are_located(content, capsys, path, old, new, expected):
    with_own_channels(content)
    edit(content / path, old, new)
    assert main(["check", "--content", "content"]) == 1
    report = capsys.readouterr().err
    assert re.search(expected, report), report
