"""A layout fuzzer (issue 19, item 6): hypothesis draws the shape of a manual (one long word, long rule
texts, 1-40 roles, 0-40 entities of one kind, long script steps, many channels, every desk-card part in
any order), writes it as a project folder, builds it through the real CLI and reads every PDF back as a
reader's tools would: no word outside the text area, the card on at most two sides with no word broken
by a hyphen, no empty chapter, no table row split across pages, poppler and qpdf silent.

A shape is a handful of numbers and one word, and the project is made from it deterministically, so a
failure shrinks to a case one can read (``Shape(long_word='aaaaaaaaaaaaaaaaaaaa', roles=1, ...)``) and
rebuild by hand with ``write_project``. The cases it found are pinned as explicit projects at the end.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from projects import REPO_ROOT, build_project, copy_example_project
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from bench.synthetic import WORDS, write_synthetic_content
from deskbook.clock import build_datetime
from deskbook.handbook import DeskCardSpec, EditionSpec, PrintOptions, handbook_data, render_pdf
from deskbook.handbook.card import desk_card_data, desk_card_layout
from deskbook.model.base import CHANNEL_KINDS
from deskbook.model.registry import DESK_CARD_PARTS
from deskbook.pipeline import load_checked_manual

pytestmark = pytest.mark.pdf

TYPST = REPO_ROOT / "plugins" / "deskbook" / "handbook" / "typst"
FIXTURES = REPO_ROOT / "tests" / "fixtures"
ENTITY_KINDS = ("policy", "product", "script", "procedure", "standard", "call-log", "chain")
FOLDERS = {"policy": "policies", "product": "products", "script": "scripts", "procedure": "procedures",
           "standard": "standards", "call-log": "call-logs", "chain": "escalation"}
PT_PER_MM = 72 / 25.4
# Typed values (rule values, response targets) are checked against their units: these are ones the model takes.
VALUES = ("30 days", "15-30 minutes", "$100", "10 %")
TARGETS = ("immediate", "4 business hours", "2 working days")
# Typst hangs punctuation a little into the margin (overhang) and rounds glyph boxes: 3 pt is allowed.
SLACK = 3.0


@dataclass(frozen=True)
class Shape:
    """The knobs the fuzzer turns; everything else in the project follows from them."""

    long_word: str  # goes into titles, role names, rule values, script steps and channel names
    roles: int
    kind: str  # the kind that gets ``entities`` files; every other kind gets one
    entities: int
    rule_words: int  # words in each policy rule's text
    steps: int  # steps in each script
    step_words: int  # words in each step
    channels: tuple[str, ...]  # the built-in channels schedules.yaml and the scripts use
    own_channels: int  # channels of the company's own, named with the long word
    categories: int  # response-time categories
    parts: tuple[str, ...]  # the desk card's parts, in priority order
    service_files: bool  # service-hours.yaml and service-levels.yaml (the card's settings parts)


shapes = st.builds(
    Shape,
    # A compound of the vocabulary's words, as long words are (German's are): up to 30 letters, which
    # fits a card column. A word wider than a column, which Typst cannot break without a hyphen, is open.
    long_word=st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map("".join).filter(lambda w: len(w) <= 30),
    roles=st.integers(1, 40),
    kind=st.sampled_from(ENTITY_KINDS),
    entities=st.integers(0, 40),
    rule_words=st.integers(1, 120),
    steps=st.integers(1, 12),
    step_words=st.integers(1, 80),
    channels=st.lists(st.sampled_from(tuple(CHANNEL_KINDS)), min_size=1, unique=True).map(tuple),
    own_channels=st.integers(0, 6),
    categories=st.integers(1, 8),
    parts=st.permutations(DESK_CARD_PARTS).map(tuple),
    service_files=st.booleans(),
)


def _words(count: int, long_word: str, salt: int = 0) -> str:
    """``count`` words of running text, every seventh the long word; the same for the same arguments."""
    chosen = [long_word if (index + salt) % 7 == 3 else WORDS[(index * 5 + salt) % len(WORDS)]
              for index in range(count)]
    return " ".join(chosen).capitalize() + "."


def _dump(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _role_id(index: int) -> str:
    return "director" if index == 0 else f"role-{index}"


def _roles(shape: Shape) -> list[dict]:
    return [{"id": _role_id(index), "title": f"{shape.long_word.capitalize()} {WORDS[index % len(WORDS)]} {index}",
             "description": _words(12, shape.long_word, index),
             **({"reports_to": _role_id(index - 1)} if index else {}),
             # Authority falls from the director down, as the chains (which climb to the director) require.
             "authority": {"max_discount_percent": 90 - index, "max_refund": 50 * (shape.roles - index),
                           "free_gift": True, "max_gift_value": 10 * (shape.roles - index),
                           "may_consult_staff": True}}
            for index in range(shape.roles)]


def _entity(kind: str, index: int, shape: Shape) -> dict:
    entity_id = f"{kind}-{index}"
    title = f"{WORDS[index % len(WORDS)].capitalize()} {shape.long_word} {index}"
    word = shape.long_word
    owner = _role_id(index % shape.roles)
    if kind == "policy":
        return {"id": entity_id, "title": title, "owner": owner, "version": "1.0", "effective": "2026-01-01",
                "review_by": "2030-01-01", "summary": _words(30, word, index),
                "rules": [{"id": f"rule-{n}", "text": _words(shape.rule_words, word, n),
                           "value": VALUES[n % len(VALUES)]} for n in range(3)]}
    if kind == "product":
        return {"id": entity_id, "name": title, "summary": _words(10, word, index),
                "description": _words(40, word, index), "features": [_words(6, word, n) for n in range(3)],
                "specs": [{"name": word.capitalize(), "value": f"{index} {word}"}]}
    if kind == "script":
        steps = [{"say": _words(shape.step_words, word, n)} if n % 2 == 0 else {"do": _words(shape.step_words, word, n)}
                 for n in range(shape.steps)]
        return {"id": entity_id, "title": title, "purpose": _words(12, word, index),
                "when_to_use": [_words(10, word, index)], "channels": list(shape.channels[:3]), "steps": steps}
    if kind == "procedure":
        return {"id": entity_id, "title": title, "purpose": _words(20, word, index),
                "steps": [{"title": f"{word} {n + 1}", "action": _words(shape.step_words, word, n), "owner": owner}
                          for n in range(shape.steps)]}
    if kind == "standard":
        return {"id": entity_id, "title": title, "summary": _words(20, word, index),
                "acceptable": [{"behaviour": _words(14, word, 1)}],
                "unacceptable": [{"behaviour": _words(14, word, 2)}]}
    if kind == "call-log":
        return {"id": entity_id, "title": title, "date": "2026-02-03", "time": "10:15", "channel": shape.channels[0],
                "category": "category-0", "representative": word.capitalize(), "customer": "Pat",
                "summary": _words(30, word, index), "actions": [_words(12, word, n) for n in range(2)],
                "outcome": _words(10, word, index),
                "annotation": {"verdict": "good-practice", "comment": _words(16, word, index)}}
    # An escalation chain climbing the roles, at most five levels.
    return {"id": entity_id, "title": title, "summary": _words(20, word, index), "triggers": [_words(10, word, index)],
            "levels": [{"role": _role_id(level), "respond_within": f"{10 * (level + 1)} minutes",
                        "hand_on_when": _words(shape.step_words, word, level)}
                       for level in reversed(range(min(5, shape.roles)))]}


def write_project(shape: Shape, project: Path) -> Path:
    """The project folder for ``shape``: the synthetic singletons, overwritten where the shape says."""
    content = write_synthetic_content(project / "content", 0)
    word = shape.long_word
    _dump(content / "roles.yaml", {"roles": _roles(shape)})
    own = [{"id": f"own-{n}", "kind": shape.channels[n % len(shape.channels)], "name": f"{word.capitalize()} {n}"}
           for n in range(shape.own_channels)]
    channels = list(shape.channels) + [channel["id"] for channel in own]
    company = yaml.safe_load((content / "company.yaml").read_text(encoding="utf-8"))
    company["executives"][0]["role"] = "director"
    company["channels"] = own
    company["contact_channels"] = [{"channel": channel, "label": f"{word.capitalize()} {channel}",
                                    "address": f"{word}@example.com" if n % 2 else f"+1 555 01{n:02d}",
                                    "hours": _words(6, word, n), "live_person": _words(8, word, n)}
                                   for n, channel in enumerate(channels)]
    _dump(content / "company.yaml", company)
    _dump(content / "schedules.yaml", {
        "title": "Response times", "summary": _words(20, word),
        "channels": channels,
        "categories": [{"id": f"category-{n}", "name": f"{word.capitalize()} {n}", "description": _words(10, word, n),
                        "targets": {channel: TARGETS[m % len(TARGETS)]
                                    for m, channel in enumerate(channels)}}
                       for n in range(shape.categories)]})
    _dump(content / "routing.yaml", {"rules": [{"id": "big-orders", "title": f"Orders over the {word} threshold",
                                                "when": {"order_value_over": 500}, "route_to": "director",
                                                "note": _words(shape.rule_words, word)}]})
    metrics = yaml.safe_load((content / "metrics.yaml").read_text(encoding="utf-8"))
    metrics["metrics"][0]["owner"] = "director"
    _dump(content / "metrics.yaml", metrics)
    scripts = []
    for kind in ENTITY_KINDS:
        for index in range(shape.entities if kind == shape.kind else 1):
            entity = _entity(kind, index, shape)
            _dump(content / FOLDERS[kind] / f"{entity['id']}.yaml", entity)
            if kind == "script":
                scripts.append(entity["id"])
    if shape.service_files:
        for name in ("service-hours.yaml", "service-levels.yaml"):
            (content / name).write_text((FIXTURES / "software" / "content" / name).read_text(encoding="utf-8"),
                                        encoding="utf-8")
    (project / "docs").mkdir(exist_ok=True)
    _dump(project / "mkdocs.yml", {
        "site_name": "Synthetic Manual", "docs_dir": "docs", "site_dir": "site", "use_directory_urls": False,
        "theme": {"name": "material", "font": False},
        "plugins": [{"deskbook/content": {"content_dir": "content"}},
                    {"deskbook/pdf": {"page_size": "A4", "desk_card": {"parts": list(shape.parts),
                                                                       "scripts": scripts}}}]})
    return project


# Reading the PDFs back.

@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def word_boxes(pdf: Path) -> tuple[list[Word], tuple[float, float]]:
    """Every word poppler finds, with its box in points (origin top left), and the page size."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words, page, size = [], 0, (0.0, 0.0)
    for line in out.splitlines():
        if found := re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line):
            page, size = page + 1, (float(found[1]), float(found[2]))
        elif found := re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>',
                                line):
            words.append(Word(page, *(float(found[n]) for n in range(1, 5)), _unescape(found[5])))
    return words, size


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'") \
               .replace("&amp;", "&")


def page_margins(template: str) -> tuple[float, float, float]:
    """The side, top and bottom margins in points, read from the template's ``#set page(margin: ...)``."""
    source = (TYPST / template).read_text(encoding="utf-8")
    found = re.search(r"margin: \(x: ([\d.]+)mm, top: ([\d.]+)mm, bottom: ([\d.]+)mm\)", source)
    assert found, f"{template} sets its margins in a way this test does not read"
    return tuple(float(found[n]) * PT_PER_MM for n in range(1, 4))  # type: ignore[return-value]


def words_outside_text_area(pdf: Path, template: str) -> list[str]:
    """Words past the side margins, or in the top and bottom margins other than the running head and foot
    (which stand there on one line, the same on every page), or across the edge of the text area."""
    words, (width, height) = word_boxes(pdf)
    side, top, bottom = page_margins(template)
    # The running head and foot: the line (by its baseline) most pages have in the margin.
    head = Counter(round(word.y1) for word in words if word.y1 <= top + SLACK)
    foot = Counter(round(word.y0) for word in words if word.y0 >= height - bottom - SLACK)
    bands = {line for counter in (head, foot) for line, _ in counter.most_common(1)}
    outside = []
    for word in words:
        where = f"page {word.page}: {word.text!r} at ({word.x0:.0f}, {word.y0:.0f})-({word.x1:.0f}, {word.y1:.0f})"
        past_the_sides = word.x0 < side - SLACK or word.x1 > width - side + SLACK
        in_a_margin = word.y0 < top - SLACK or word.y1 > height - bottom + SLACK
        if past_the_sides or (in_a_margin and round(word.y1) not in bands and round(word.y0) not in bands):
            outside.append(where)
    return outside


def overprinted_words(pdf: Path) -> list[str]:
    """Words drawn over one another: on one line (their boxes share most of their height) and crossing
    by more than a hairline, like a table head wider than its column running into the next."""
    words, _ = word_boxes(pdf)
    found = []
    for index, word in enumerate(words):
        for other in words[index + 1:]:
            shared = min(word.y1, other.y1) - max(word.y0, other.y0)
            if other.page == word.page and shared > 0.6 * (word.y1 - word.y0) \
                    and min(word.x1, other.x1) - max(word.x0, other.x0) > 1.0:
                found.append(f"page {word.page}: {word.text!r} over {other.text!r}")
    return found


def split_table_rows(pdf: Path) -> list[str]:
    """Table rows whose cells are drawn on more than one page, from the tagged PDF's structure: each /TR's
    marked content names the page it is on."""
    reader = PdfReader(pdf)
    page_numbers = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages, 1)}
    split: list[str] = []

    def pages_of(element, inherited) -> set[int]:
        element = element.get_object()
        if not isinstance(element, DictionaryObject):
            return {inherited} if inherited else set()
        page = element.raw_get("/Pg") if "/Pg" in element else None
        here = page_numbers.get(page.idnum, inherited) if isinstance(page, IndirectObject) else inherited
        kids = element.get("/K")
        if kids is None:
            return {here} if here else set()
        found: set[int] = set()
        for kid in kids if isinstance(kids, list) else [kids]:
            found |= pages_of(kid, here)
        return found

    def walk(element, inherited=None):
        element = element.get_object()
        if not isinstance(element, DictionaryObject):
            return
        page = element.raw_get("/Pg") if "/Pg" in element else None
        here = page_numbers.get(page.idnum, inherited) if isinstance(page, IndirectObject) else inherited
        if element.get("/S") == "/TR":
            pages = pages_of(element, here)
            if len(pages) > 1:
                split.append(f"a row on pages {sorted(pages)}")
            return
        kids = element.get("/K")
        for kid in (kids if isinstance(kids, list) else [kids]) if kids is not None else []:
            walk(kid, here)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return split


def empty_chapters(pdf: Path) -> list[str]:
    """Chapters (top-level bookmarks) with next to nothing under their heading: a heading over a table head
    and no rows, say."""
    reader = PdfReader(pdf)
    _, top, bottom = page_margins("handbook.typ")
    height = float(reader.pages[0].mediabox.height)
    starts = [(item.title, reader.get_destination_page_number(item) + 1)
              for item in reader.outline if not isinstance(item, list)]
    words, _ = word_boxes(pdf)
    body = [word for word in words if top - SLACK <= word.y0 and word.y1 <= height - bottom + SLACK]
    empty = []
    for (title, first), (_, following) in zip(starts, starts[1:] + [("", len(reader.pages) + 1)], strict=True):
        # The chapter's own words: from its first page up to (not into) the next chapter's first page.
        last = max(first, following - 1)
        count = sum(1 for word in body if first <= word.page <= last) - len(title.split())
        if count < 12:
            empty.append(f"{title!r} (pages {first}-{last}): {count} words under its heading")
    return empty


def _source_words(content: Path) -> set[str]:
    words: set[str] = set()
    for path in content.rglob("*.yaml"):
        words.update(word.strip(".,;:()[]\"'") for word in path.read_text(encoding="utf-8").split())
    return words


def hyphenated_card_words(pdf: Path, content: Path) -> list[str]:
    """Words the card broke at a line's end with a hyphen of its own, which no source word has there."""
    source = _source_words(content)
    broken = []
    for word in word_boxes(pdf)[0]:
        text = word.text.strip(".,;:()[]\"'")
        if "\u00ad" in word.text:
            broken.append(f"side {word.page}: {word.text!r} (soft hyphen)")
        elif text.endswith("-") and len(text) > 1 and text not in source \
                and not any(part.startswith(text) for part in source):
            broken.append(f"side {word.page}: {word.text!r}")
    return broken


def poppler_and_qpdf_complaints(pdf: Path) -> list[str]:
    complaints = []
    for command in (["pdfinfo"], ["qpdf", "--check"]):
        run = subprocess.run([*command, str(pdf)], capture_output=True, text=True, check=False)
        if run.returncode != 0 or run.stderr or re.search(r"(?i)warning|error:", run.stdout):
            complaints.append(f"{command[0]} (exit {run.returncode}): {(run.stderr or run.stdout).strip()[:300]}")
    return complaints


TEMPLATES = {"handbook": "handbook.typ", "desk-card": "desk-card.typ", "log-form": "log-form.typ",
             "acknowledgement": "acknowledgement.typ"}


def layout_problems(project: Path) -> list[str]:
    """Everything wrong with the built PDFs of ``project``, as sentences naming the PDF."""
    pdfs = sorted((project / "site" / "pdf").glob("*.pdf"))
    names = {pdf.stem for pdf in pdfs}
    problems = [f"no {name}.pdf was built" for name in ("handbook", "desk-card", "log-form") if name not in names]
    for pdf in pdfs:
        template = next(typ for stem, typ in TEMPLATES.items() if pdf.stem.startswith(stem))
        found = poppler_and_qpdf_complaints(pdf) + words_outside_text_area(pdf, template)
        if template == "handbook.typ":
            found += split_table_rows(pdf) + empty_chapters(pdf)
        if template == "desk-card.typ":
            sides = len(PdfReader(pdf).pages)
            found += hyphenated_card_words(pdf, project / "content") + overprinted_words(pdf)
            found += [f"{sides} sides"] * (sides > 2)
        if template == "log-form.typ":
            pages = len(PdfReader(pdf).pages)
            found += [f"{pages} pages"] * (pages > 1)
        problems += [f"{pdf.name}: {problem}" for problem in found]
    return problems


def build(project: Path) -> None:
    # Not --strict: a card with forty scripts leaves some out, and says so in a warning that --strict fails on.
    assert build_project(project, strict=False) == 0, "the generated project must build"


@settings(max_examples=6, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(shape=shapes)
def test_any_manual_prints_inside_the_page(shape, tmp_path_factory):
    note(repr(shape))
    project = write_project(shape, tmp_path_factory.mktemp("fuzz") / "project")
    build(project)
    assert layout_problems(project) == []


# The cases the fuzzer found, each pinned as a small project of its own.

def _render_handbook(content: Path, target: Path) -> Path:
    manual = load_checked_manual(content)
    data = handbook_data(manual, EditionSpec("handbook", "Complete edition"), PrintOptions())
    render_pdf("handbook.typ", data, manual.content_dir, target, build_datetime())
    return target


LONG_HAND_ON = ("When the customer is still not satisfied after every offer this level may make, and the case has "
                "been written up in the CRM with what was offered, what the customer said and what they want now, "
                "and a colleague has read the notes back to make sure nothing is missing from them.")


def test_a_chain_drawing_taller_than_the_page_is_scaled_onto_it(tmp_path):
    """Found by the fuzzer: four levels each passing on after a long sentence made a drawing taller than
    the page; it may not be split, so it ran off the foot (and over the head) of the page after a page
    holding only its heading. It was scaled down to stand on one page with its heading; since the book
    gives the levels once, as a table, the tall chain must still print whole inside the text area."""
    content = write_synthetic_content(tmp_path / "content", 0)
    levels = [{"role": role, "respond_within": f"{10 * (n + 1)} minutes",
               "hand_on_when": f"{LONG_HAND_ON} {LONG_HAND_ON}"}
              for n, role in enumerate(("rep", "lead", "supervisor", "director"))]
    _dump(content / "escalation" / "complaints.yaml", {
        "id": "complaints", "title": "Complaints", "summary": "Complaints that the first contact cannot settle.",
        "triggers": ["The customer asks to complain."], "levels": levels})
    pdf = _render_handbook(content, tmp_path / "handbook.pdf")
    assert words_outside_text_area(pdf, "handbook.typ") == []
    # The book now gives a chain's levels once, as its table (the drawing is the site's): every level's
    # response time is printed, none of it outside the text area (checked above).
    words, _ = word_boxes(pdf)
    printed = " ".join(word.text for word in words)
    assert all(f"{10 * (n + 1)} minutes" in printed for n in range(4)), "every level of the chain is printed"


def test_the_response_targets_of_many_channels_stay_inside_the_card(tmp_path):
    """Found by the fuzzer: with eleven channels the response table's columns, each as wide as its longest
    word, added up to more than the page, and the last ones ran past the right edge; the head "Community
    forum" overprinted "In person" (a bold word of wide letters measured as running text). The channels
    now go into as many tables as fit side by side, each column as wide as Typst measures its longest word."""

    content = write_synthetic_content(tmp_path / "content", 0)
    channels = list(CHANNEL_KINDS)
    assert len(channels) >= 11
    _dump(content / "schedules.yaml", {
        "title": "Response times", "summary": "How soon we answer.", "channels": channels,
        "categories": [{"id": f"kind-{n}", "name": name, "description": "A kind of inquiry.",
                        "targets": {channel: TARGETS[m % len(TARGETS)] for m, channel in enumerate(channels)}}
                       for n, name in enumerate(("Product question", "Complaint", "Suggestion"))]})
    manual = load_checked_manual(content)
    layout = desk_card_layout(manual, DeskCardSpec(parts=("response-times",)), PrintOptions())
    data = layout.data
    assert layout.left_out == []
    pdf = tmp_path / "card.pdf"
    render_pdf("desk-card.typ", data, manual.content_dir, pdf, build_datetime())
    assert words_outside_text_area(pdf, "desk-card.typ") == []
    assert overprinted_words(pdf) == []
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    for channel in channels:
        assert manual.channel_name(channel) in text


def test_a_card_of_many_rows_keeps_to_two_sides(tmp_path):
    """Found by the fuzzer: 38 roles, 16 policies with 69-word rules, a 24-letter compound word in every
    title. card_fit.py counted 0.5 em a letter (DejaVu Sans Bold takes 0.65) and 1.2 em a line (Typst
    takes 1.26 em with the leading), so side 1 ran over and the card took three sides; it now measures
    with the fonts' own advances and Typst's line metrics."""
    shape = Shape(long_word="thresholdexecutiverecord", roles=38, kind="policy", entities=16, rule_words=69, steps=2,
                  step_words=1, channels=("phone",), own_channels=0, categories=8, parts=DESK_CARD_PARTS,
                  service_files=False)
    project = write_project(shape, tmp_path / "project")
    manual = load_checked_manual(project / "content")
    scripts = tuple(script.id for script in manual.entities("script"))
    layout = desk_card_layout(manual, DeskCardSpec(parts=shape.parts, scripts=scripts), PrintOptions())
    pdf = tmp_path / "card.pdf"
    render_pdf("desk-card.typ", layout.data, manual.content_dir, pdf, build_datetime())
    assert len(PdfReader(pdf).pages) <= 2
    assert layout.left_out, "the rows that do not fit are left out (and named), not squeezed"
    assert hyphenated_card_words(pdf, project / "content") == []


# card_fit.py against Typst: where each block lands on the card Typst lays out, read from the marks
# desk-card.typ leaves (metadata <card-block>: the block's number, side and position).

ESTIMATOR_SHAPES = {
    "many roles, long titles": Shape(
        long_word="thresholdexecutiverecord", roles=38, kind="policy", entities=16, rule_words=69, steps=2,
        step_words=1, channels=("phone",), own_channels=0, categories=8, parts=DESK_CARD_PARTS, service_files=False),
    "long words, long script steps": Shape(
        long_word="replacementdeliveryreplacement", roles=6, kind="script", entities=8, rule_words=10, steps=4,
        step_words=9, channels=("phone", "email", "chat"), own_channels=2, categories=3,
        parts=("scripts", *(part for part in DESK_CARD_PARTS if part != "scripts")), service_files=False),
    "forty roles, long hand-on conditions": Shape(
        long_word="order", roles=40, kind="chain", entities=4, rule_words=5, steps=3, step_words=45,
        channels=("phone",), own_channels=0, categories=2,
        parts=("escalation-chains", "authority", "contacts", "scripts"), service_files=False),
    "many channels, long rules, settings parts": Shape(
        long_word="supervisorstorecredit", roles=10, kind="policy", entities=10, rule_words=120, steps=4,
        step_words=20, channels=tuple(CHANNEL_KINDS), own_channels=6, categories=8,
        parts=tuple(reversed(DESK_CARD_PARTS)), service_files=True),
}
# How far ahead of Typst the estimate may run in a column, at the most: its widths leave kerning out and
# it breaks lines at spaces only, which now and then gives a long paragraph one line more (5.3 mm).
AHEAD_MOST = 8.0  # mm


def _card_marks(data: dict, content: Path, target: Path) -> dict[int, dict]:
    import typst

    from deskbook.handbook.pdf import prepare, typst_job

    prepared = prepare("desk-card.typ", data, content, target)
    try:
        job = typst_job(prepared, str(target), build_datetime())
        marks = typst.query(job["input"], "<card-block>", field="value", root=job["root"],
                            font_paths=job["font_paths"], ignore_system_fonts=True)
    finally:
        prepared.cleanup()
    return {mark["n"]: mark for mark in json.loads(marks)}


@pytest.mark.parametrize(("name", "page_size"), [(name, "A4") for name in ESTIMATOR_SHAPES]
                         + [("many roles, long titles", "Letter")])
def test_the_card_estimate_is_where_typst_puts_each_block(name, page_size, tmp_path):
    """Each block card_fit.py keeps lands on the side and in the column it was given, or earlier (Typst
    never runs past the estimate: what fits by the estimate fits), and not far above where it was
    estimated, so the estimate does not leave out rows that would have fitted."""
    shape = ESTIMATOR_SHAPES[name]
    project = write_project(shape, tmp_path / "project")
    manual = load_checked_manual(project / "content")
    spec = DeskCardSpec(parts=shape.parts, scripts=tuple(script.id for script in manual.entities("script")))
    options = PrintOptions(page_size)
    late, ahead, sides = _estimate_against_typst(manual, spec, tmp_path / "card.pdf", options)
    assert late == []
    assert ahead == []
    assert sides <= 2
    # A heading's word wider than the column at 15 pt (the 30-letter one) is set smaller, not run over.
    pdf = tmp_path / "card.pdf"
    render_pdf("desk-card.typ", desk_card_data(manual, spec, options), manual.content_dir, pdf, build_datetime())
    assert words_outside_text_area(pdf, "desk-card.typ") == []
    assert overprinted_words(pdf) == []


def test_the_example_card_estimate_is_where_typst_puts_each_block(tmp_path):
    from deskbook.project import pdf_outputs_of

    _, card = pdf_outputs_of(REPO_ROOT / "mkdocs.yml")
    assert card is not None
    manual = load_checked_manual(REPO_ROOT / "content")
    late, ahead, sides = _estimate_against_typst(manual, DeskCardSpec(parts=card.parts, scripts=card.scripts),
                                                 tmp_path / "card.pdf", PrintOptions())
    assert (late, ahead, sides) == ([], [], 2)


def test_a_row_taller_than_a_column_is_left_out_and_the_rest_kept_where_typst_puts_them(tmp_path):
    """The example with the refund window's note taller than a column: that row alone is left out, the
    rows and scripts after it are kept, and each kept block still lands where card_fit.py put it."""
    from deskbook.project import pdf_outputs_of

    project = copy_example_project(tmp_path / "project")
    refunds = project / "content" / "policies" / "refunds.yaml"
    window = "text: A refund can be requested within the refund window, counted from the day of purchase."
    huge = " ".join(["Every refund is entered in the order system with the reason the customer gives."] * 45)
    refunds.write_text(refunds.read_text().replace(window, f"text: {huge}"))
    _, card = pdf_outputs_of(project / "mkdocs.yml")
    manual = load_checked_manual(project / "content")
    spec = DeskCardSpec(parts=card.parts, scripts=card.scripts)
    layout = desk_card_layout(manual, spec, PrintOptions())
    assert [block.name for block in layout.left_out] == ["Windows and limits: Refunds"]
    late, ahead, sides = _estimate_against_typst(manual, spec, tmp_path / "card.pdf", PrintOptions())
    assert (late, ahead, sides) == ([], [], 2)
    pdf = tmp_path / "huge-row-card.pdf"
    render_pdf("desk-card.typ", layout.data, manual.content_dir, pdf, build_datetime())
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "order system" not in text
    assert "Returns" in text and "Contacts" in text and "Handing a contact to a supervisor" in text


def _estimate_against_typst(manual, spec: DeskCardSpec, target: Path,
                            options: PrintOptions) -> tuple[list[str], list[str], int]:
    """The blocks Typst puts later than card_fit.py estimated, those it puts more than ``AHEAD_MOST``
    earlier, and the number of sides."""
    from deskbook.handbook.card import desk_card_blocks
    from deskbook.handbook.card_fit import HEADING_ABOVE, MARGIN_TOP, PAPER_MM, column_width_mm, fit, heading_height

    data = desk_card_data(manual, spec, options)
    kept, _ = fit(desk_card_blocks(manual.for_audience(spec.audience), spec, options), data["paper"],
                  data["card"]["document_title"])
    marks = _card_marks(data, manual.content_dir, target)
    # A list's first row (and one opening side 2) stands under the list's heading, inside its block.
    headed = {part["rows"][0]["n"]: part["title"] for part in data["parts"] if part["t"] == "list"}
    middle = PAPER_MM[data["paper"]][0] / 2
    assert len(marks) == len(kept)
    late, ahead = [], []
    moved: set[tuple[int, int]] = set()  # columns Typst began earlier than estimated: what follows there moved up
    for block in kept:
        mark = marks[block.data["n"]]
        estimated = block.top + MARGIN_TOP
        if block.data["n"] in headed:
            estimated += heading_height(headed[block.data["n"]], column_width_mm(data["paper"])) - HEADING_ABOVE
        column, real = (block.side, block.column), (mark["side"] - 1, int(mark["x"] > middle))
        where = f"{block.name!r}: estimated side {block.side + 1} column {block.column + 1} at {estimated:.1f} mm, " \
                f"Typst side {real[0] + 1} column {real[1] + 1} at {mark['y']:.1f} mm"
        if real != column:
            moved.add(column)
        if real > column or (real == column and mark["y"] > estimated + 0.1):
            late.append(where)
        elif real == column and column not in moved and estimated - mark["y"] > AHEAD_MOST:
            ahead.append(where)
    return late, ahead, max(mark["side"] for mark in marks.values())


