"""Where a change shows, found by rendering both revisions and comparing every output.

Guessing from references misses what the references do not name: the home page quoting a value, a
knowledge-check answer built from a rule, a printed edition. So both revisions are rendered the way the
build renders them (site pages, hand-written pages with their [[references]], the print data of every
PDF) and compared output by output; a change is "used" wherever its output differs.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..handbook.card import desk_card_data
from ..handbook.data import handbook_data
from ..handbook.specs import DeskCardSpec, EditionSpec, PrintOptions, handwritten_page
from ..manual import Manual
from ..project import DeskCardInfo, EditionInfo
from ..references import resolved_manual
from ..site.pages import SiteOptions, render_site_pages
from ..site.references import expand_references
from ..urls import entity_target, page_url, relative_url

# Both revisions are rendered for the same day and print time, so only content makes a difference.
_SAME_DAY = dt.date(2000, 1, 1)
_SAME_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


@dataclass
class Rendering:
    """Every output of one revision as text: site pages by URL, PDFs by file name."""

    pages: dict[str, str] = field(default_factory=dict)
    pdfs: dict[str, str] = field(default_factory=dict)
    answers: dict[str, tuple[str, str]] = field(default_factory=dict)  # question id -> (question, answer)


@dataclass
class AnswerChange:
    question_id: str
    question: str
    old: str | None
    new: str | None


@dataclass
class RenderedChanges:
    pages: list[str]
    pdfs: list[str]
    answers: list[AnswerChange]
    changed_lines: dict[str, list[str]]  # output -> its lines that differ, old and new

    def outputs_mentioning(self, needles: list[str]) -> tuple[list[str], list[str]]:
        """Changed pages and PDFs whose differing lines contain one of ``needles``."""
        def hit(name: str) -> bool:
            lines = self.changed_lines.get(name, [])
            return any(needle and needle in line for needle in needles for line in lines)

        return [page for page in self.pages if hit(page)], [pdf for pdf in self.pdfs if hit(pdf)]


def _markdown_pages(docs_dir: Path | None) -> list[tuple[Path, str]]:
    """The project's hand-written pages and their site paths; none without a docs folder."""
    if docs_dir is None or not docs_dir.is_dir():
        return []
    return [(path, path.relative_to(docs_dir).as_posix()) for path in sorted(docs_dir.rglob("*.md"))]


def render(manual: Manual, docs_dir: Path | None, editions: list[EditionInfo],
           desk_card: DeskCardInfo | None) -> Rendering:
    outputs = resolved_manual(manual)
    rendering = Rendering()
    for page in render_site_pages(outputs, SiteOptions(use_directory_urls=False, today=_SAME_DAY)):
        rendering.pages[page_url(page.src_uri, False)] = page.markdown
    handwritten = []
    for path, src_uri in _markdown_pages(docs_dir):
        markdown = path.read_text(encoding="utf-8", errors="replace")

        def link(kind: str, entity_id: str, src_uri: str = src_uri) -> str:
            target = entity_target(kind, entity_id)
            return relative_url(src_uri, target.src_uri, False, target.anchor)

        rendering.pages[page_url(src_uri, False)] = expand_references(markdown, outputs, link)[0]
        title = next((line[2:].strip() for line in markdown.splitlines() if line.startswith("# ")), src_uri)
        printed = handwritten_page(src_uri, title, markdown)
        if printed is not None:
            handwritten.append(printed)
    options = PrintOptions(printed=_SAME_TIME, handwritten=tuple(handwritten))
    for edition in editions:
        data = handbook_data(outputs, EditionSpec(edition.name, edition.title, edition.audience), options)
        rendering.pdfs[f"{edition.name}.pdf"] = json.dumps(data, sort_keys=True, indent=1, default=str)
    if desk_card is not None:
        data = desk_card_data(outputs, DeskCardSpec(desk_card.name, desk_card.parts, desk_card.scripts), options)
        rendering.pdfs[f"{desk_card.name}.pdf"] = json.dumps(data, sort_keys=True, indent=1, default=str)
    for question in outputs.entities("question"):
        rendering.answers[question.id] = (str(question.question), str(question.choices[question.answer - 1]))
    return rendering


def compare(old: Rendering, new: Rendering) -> RenderedChanges:
    changed_lines: dict[str, list[str]] = {}

    def differing(before: dict[str, str], after: dict[str, str]) -> list[str]:
        names = []
        for name in dict.fromkeys(list(before) + list(after)):
            left, right = before.get(name, ""), after.get(name, "")
            if left != right:
                names.append(name)
                changed_lines[name] = [
                    _plain(line[1:])
                    for line in difflib.unified_diff(left.splitlines(), right.splitlines(), n=0, lineterm="")
                    if line[:1] in "+-" and not line.startswith(("+++", "---"))
                ]
        return names

    pages = differing(old.pages, new.pages)
    pdfs = differing(old.pdfs, new.pdfs)
    answers = [
        AnswerChange(question_id, (new.answers.get(question_id) or old.answers[question_id])[0],
                     old.answers.get(question_id, (None, None))[1], new.answers.get(question_id, (None, None))[1])
        for question_id in dict.fromkeys(list(old.answers) + list(new.answers))
        if old.answers.get(question_id, (None, None))[1] != new.answers.get(question_id, (None, None))[1]
    ]
    return RenderedChanges(pages, pdfs, answers, changed_lines)


def _plain(line: str) -> str:
    """A rendered line without tags, so a value is found whatever markup stands around it."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", line))
