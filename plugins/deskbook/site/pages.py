"""Render the Manual into site pages: Markdown files whose bodies are HTML blocks from Jinja templates.

A template writes its page as a document (:mod:`deskbook.document`); the site's page is that document with
its elements written as the site's HTML, and in print mode the page is the document itself, which the
handbook reads.

Headings are Markdown (so MkDocs builds the table of contents and search sections) with every
punctuation character of user text turned into an entity, so no Markdown or attribute syntax in YAML can
take effect. Everything else is HTML from templates with autoescape on, which Python-Markdown passes
through as raw blocks, untouched.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from pydantic import BaseModel

from ..check import review_status
from ..decisions import service_level_table
from ..document.site_html import site_html
from ..manual import Manual
from ..model import KINDS, Entity
from ..model.escalation import authority_kinds
from ..model.fields import type_of, written
from ..model.registry import page_sections
from ..references import linking
from ..text import fill_placeholders
from ..urls import anchor_id, entity_target, relative_url
from .diagrams import chain_diagram
from .environment import environment, markdown_text
from .reading_order import in_reading_order, section_order
from .who_decides import who_decides_data


@dataclass(frozen=True)
class SiteOptions:
    use_directory_urls: bool = False
    today: dt.date = field(default_factory=dt.date.today)
    print_mode: bool = False
    """Render for the printed handbook: links become anchors inside one document."""
    edit_url: str | None = None
    """Where a project file is edited (``https://host/org/repo/edit/main/``): entity pages link to their YAML."""


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    title: str
    section: str  # a name from model/sections.py, or "about"
    markdown: str
    """The site's Markdown; in print mode, the page's document (:mod:`deskbook.document`)."""
    entity_ref: str | None = None
    scripts: tuple[str, ...] = ()
    """Deskbook's scripts (file names in site/assets) this page runs; no other page loads them."""


class PageContext:
    """What a template needs to link from one page to others."""

    def __init__(self, manual: Manual, src_uri: str, options: SiteOptions):
        self.manual = manual
        self.src_uri = src_uri
        self.options = options

    def url(self, src_uri: str, anchor: str | None = None) -> str:
        if self.options.print_mode:
            return "#" + (anchor or print_anchor(src_uri))
        return relative_url(self.src_uri, src_uri, self.options.use_directory_urls, anchor)

    def href(self, kind: str, entity_id: str) -> str:
        target = entity_target(kind, entity_id)
        return self.url(target.src_uri, target.anchor)

    def link(self, kind_or_ref: str, entity_id: str | None = None) -> Markup:
        """An <a> to the entity, its title as the text: ``link('policy', 'refunds')`` or ``link('policy:refunds')``."""
        if entity_id is None:
            kind, _, entity_id = kind_or_ref.partition(":")
        else:
            kind = kind_or_ref
        entity = self.manual.get(kind, entity_id)
        if entity is None:
            # Left out of this printed edition: no link to nowhere; the handbook prints the title in its
            # place (data-ref names the entity), never the id.
            return Markup('<db-absent ref="{}:{}">{}</db-absent>').format(
                kind, entity_id, entity_id)
        title = entity.display_title
        if self.options.print_mode and entity_target(kind, entity_id).src_uri == self.src_uri:
            # In the book, something on the same page needs no "(see page N)" after it.
            return Markup('<db-near-ref href="{}">{}</db-near-ref>').format(self.href(kind, entity_id), title)
        return Markup('<db-ref href="{}" kind="{}">{}</db-ref>').format(self.href(kind, entity_id), kind, title)

    def field(self, model: BaseModel, name: str) -> Markup:
        """A field's value as a page shows it, by the field's type: a reference links to its entity, an
        amount, a duration or a date is written the locale's way, anything else is escaped text."""
        value = getattr(model, name)
        if value is None:
            return Markup("")
        field_type = type_of(type(model), name)
        if field_type.reference is not None and isinstance(value, str):
            kind = field_type.reference.kind
            if kind == "channel":  # channels are words (a built-in one has no entity to link to)
                return Markup.escape(self.manual.channel_name(value))
            return self.link(value) if kind == "*" else self.link(kind, value)
        text = written(value, self.manual.localization, field_type)
        return Markup.escape(text if text is not None else value)

    def fill(self, text: str | None) -> Markup:
        if not text:
            return Markup("")
        variables = self.manual.variables
        return fill_placeholders(text, variables.values, variables.blanks)

    def edit_url(self, entity: Entity) -> str | None:
        """The address that edits the YAML file ``entity`` comes from, when the project has a repository."""
        if not self.options.edit_url:
            return None
        return self.options.edit_url + self.source_path(entity)

    def source_path(self, entity: Entity) -> str:
        """The YAML file ``entity`` comes from, relative to the project: ``content/policies/refunds.yaml``."""
        return self.manual.record(entity).document.display

    def who_decides(self) -> dict[str, Any]:
        """The data of the "Who decides?" helper, linked from this page."""
        return who_decides_data(self.manual, self.href)

    def how_fast(self) -> dict[str, Any] | None:
        """The data of the "How fast must I answer?" helper: the service levels as the decisions answer them."""
        return service_level_table(self.manual)

    def used_by(self, entity: Entity) -> list[Markup]:
        """Links to the entities that refer to this one, for "Referred to by" lists."""
        seen: list[str] = []
        links = []
        for reference in self.manual.references_to(entity.kind, entity.id):
            if reference.source is None or reference.source.entity.ref in seen:
                continue
            source = reference.source.entity
            if source.ref == entity.ref:
                continue
            seen.append(source.ref)
            links.append(self.link(source.kind, source.id))
        return links


def print_anchor(src_uri: str) -> str:
    """The id of a generated page's article in the printed handbook.

    ``policies/refunds.md`` -> ``page-policies-refunds``.
    """
    stem = src_uri.removesuffix(".md").removesuffix("/index")
    return "page-" + stem.replace("/", "-")


def _render(template: str, manual: Manual, src_uri: str, options: SiteOptions, **values: Any) -> str:
    page = PageContext(manual, src_uri, options)
    env = environment(manual.localization)
    context = dict(manual=manual, page=page, options=options, anchor=anchor_id, **values)
    with linking(page.href):
        sections = _registered_sections(env, src_uri, context)
        return env.get_template(template).render(sections=sections, **context)


def _registered_sections(env: Environment, src_uri: str, context: dict[str, Any]) -> list[Markup]:
    """What settings files add to this page (their ``sections`` in the registry), each drawn by the macro
    of its section template named after the page; a file the project does not have adds nothing."""
    page_name = src_uri.removesuffix(".md").removesuffix("/index")
    drawn = []
    for content_file in page_sections(page_name):
        content = context["manual"].settings_file(content_file.model)
        if content is not None:
            macros = env.get_template(content_file.section_template).make_module(context)
            drawn.append(getattr(macros, page_name.replace("-", "_"))(content))
    return drawn


def render_site_pages(manual: Manual, options: SiteOptions) -> list[GeneratedPage]:
    """Every generated page of the site, in reading order, which the menu and the handbook both follow:
    section by section (:func:`section_order`), each section's overview pages first, then a page for each
    entity of the kinds the registry gives pages of their own, kind by kind, each in reading order (the
    order of the overview tables)."""
    pages: list[GeneratedPage] = []

    def add(template: str, src_uri: str, title: str, section: str, entity: Entity | None = None,
            scripts: tuple[str, ...] = (), **values: Any):
        document = _render(template, manual, src_uri, options, title=title, entity=entity, **values)
        # The book reads the document itself (handbook/tree.py); the site writes its elements as HTML.
        markdown = document if options.print_mode else site_html(document)
        pages.append(GeneratedPage(src_uri, title, section, markdown, entity.ref if entity else None, scripts))

    statuses = {
        policy.id: review_status(policy, options.today, manual.settings.review_warning_days)
        for policy in manual.entities("policy")
    }
    words = manual.localization
    roles = list(manual.entities("role"))
    add("company.md.j2", "company/index.md", manual.company.name, "company")
    add("standards_index.md.j2", "standards/index.md", words.gettext("Standards & scripts"), "standards")
    add("products_index.md.j2", "products/index.md", words.gettext("Products"), "products")
    add("policies_index.md.j2", "policies/index.md", words.gettext("Policies"), "policies", statuses=statuses)
    add("escalation_index.md.j2", "escalation/index.md", words.gettext("Escalation and authority"), "escalation",
        scripts=("who-decides.js",), roles=roles, authority=authority_kinds([role.authority for role in roles], words))
    add("response_times.md.j2", "response-times.md", manual.schedule.title, "response-times",
        scripts=("how-fast.js",) if manual.service_levels is not None else ())
    add("procedures_index.md.j2", "procedures/index.md", words.gettext("Procedures"), "procedures")
    add("call_logs_index.md.j2", "call-logs/index.md", manual.logging_guide.title, "call-logs")
    add("onboarding.md.j2", "training/index.md", manual.onboarding.title, "training")
    add("library.md.j2", "training/library.md", words.gettext("Training library and workshops"), "training")
    add("hiring.md.j2", "training/hiring.md", manual.hiring.title, "training")
    add("monitoring.md.j2", "training/monitoring.md", manual.monitoring.title, "training")
    add("knowledge_checks.md.j2", "training/knowledge-checks.md", words.gettext("Knowledge check"), "training",
        scripts=("quiz.js",))
    add("metrics.md.j2", "metrics.md", words.gettext("Performance metrics"), "metrics")
    add("glossary.md.j2", "glossary.md", words.gettext("Glossary"), "glossary")
    add("about.md.j2", "about.md", words.gettext("About this manual"), "about")

    # What a few kinds' pages show besides the entity itself.
    page_values: dict[str, Callable[[Any], dict[str, Any]]] = {
        "policy": lambda policy: {"status": statuses[policy.id]},
        "chain": lambda chain: {"diagram": chain_diagram(manual, chain)},
    }
    for kind in KINDS.values():
        if not kind.has_own_page:
            continue
        for entity in in_reading_order(manual.entities(kind.name)):
            values = page_values[kind.name](entity) if kind.name in page_values else {}
            add(f"{kind.name.replace('-', '_')}.md.j2", entity_target(kind.name, entity.id).src_uri,
                entity.display_title, kind.section or "", entity, **values)

    # test_registry holds every kind with pages to a declared section; one missing sorts last, not fails.
    rank = {section: index for index, section in enumerate([*section_order(manual), "about"])}
    pages.sort(key=lambda page: rank.get(page.section, len(rank)))
    _check_paths(pages)
    return pages


def _check_paths(pages: list[GeneratedPage]) -> None:
    """Every generated path stays inside the site and is used once (ids are slugs; this is the backstop)."""
    seen: dict[str, str] = {}
    for page in pages:
        normalised = posixpath.normpath(page.src_uri)
        if normalised.startswith(("../", "/")) or normalised != page.src_uri:
            raise ValueError(f"generated page path {page.src_uri!r} would leave the site folder")
        if normalised in seen:
            raise ValueError(
                f"{page.entity_ref or page.title} and {seen[normalised]} would both be written to {normalised}"
            )
        seen[normalised] = page.entity_ref or page.title


__all__ = ["GeneratedPage", "SiteOptions", "markdown_text", "print_anchor", "render_site_pages"]
