"""A Deskbook project's mkdocs.yml, read without running MkDocs, and its Deskbook options checked.

mkdocs.yml is MkDocs' file: it may use tags such as ``!ENV`` and ``!!python/name:``. It is read here with
PyYAML's composer only (no constructor runs, so no tag can execute anything), keeping the line and column
of every value; a tagged value counts as "unknown" and is not judged. The options of the ``deskbook/pdf``
plugin are checked against the Manual, so ``check`` rejects what the PDF plugin would reject, with
messages located in mkdocs.yml.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic, Diagnostics, Location, display_path
from .manual import Manual
from .model.base import is_slug
from .model.registry import DESK_CARD_PART_RENAMES, DESK_CARD_PARTS
from .options import ContentOptions, DeskCardOptions, OptionType, PdfOptions, option_keys, option_types
from .print_bounds import OPTIONS as BOUND_OPTIONS
from .print_bounds import PrintBounds

PAGE_SIZES = ("A4", "Letter")
DEFAULT_EDITION = {"name": "handbook", "title": "Complete edition", "audience": None}



class Unknown:
    """A value set by a tag (``!ENV [NAME, default]``): known only when MkDocs runs."""

    def __repr__(self) -> str:
        return "<unknown>"


UNKNOWN = Unknown()


@dataclass
class Option:
    """A value from mkdocs.yml with its place; mappings and lists hold Options."""

    value: Any
    line: int
    column: int

    def plain(self) -> Any:
        if isinstance(self.value, dict):
            return {key: item.plain() for key, item in self.value.items()}
        if isinstance(self.value, list):
            return [item.plain() for item in self.value]
        return self.value

    def get(self, key: str) -> Option | None:
        return self.value.get(key) if isinstance(self.value, dict) else None


class _Composer(yaml.SafeLoader):
    """Builds the node tree only; tags are recorded, never constructed."""


_SCALARS: dict[str, Callable[[str], Any]] = {
    "tag:yaml.org,2002:null": lambda text: None,
    "tag:yaml.org,2002:bool": lambda text: text.lower() in ("true", "yes", "on"),
    "tag:yaml.org,2002:int": lambda text: int(text.replace("_", ""), 0) if text.lower().startswith("0x") else int(text),
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:str": str,
}


def _option(node: yaml.Node, depth: int = 0) -> Option:
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if depth > 32:
        return Option(UNKNOWN, line, column)
    if isinstance(node, yaml.MappingNode) and node.tag == "tag:yaml.org,2002:map":
        items = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                items[str(key.value)] = _option(value, depth + 1)
        return Option(items, line, column)
    if isinstance(node, yaml.SequenceNode) and node.tag == "tag:yaml.org,2002:seq":
        return Option([_option(item, depth + 1) for item in node.value], line, column)
    if isinstance(node, yaml.ScalarNode) and node.tag in _SCALARS:
        try:
            return Option(_SCALARS[node.tag](node.value), line, column)
        except ValueError:
            return Option(node.value, line, column)
    return Option(UNKNOWN, line, column)


@dataclass
class Project:
    """What Deskbook needs from mkdocs.yml: its folders and the Deskbook plugins' options."""

    config_file: Path
    root: Path
    display: str  # mkdocs.yml as messages name it
    settings: Option
    problems: list[tuple[Location, str]] = field(default_factory=list)

    def plugin(self, name: str) -> Option | None:
        """The options of plugin ``name`` ({} when listed without options), None when not listed."""
        plugins = self.settings.get("plugins")
        if plugins is None or not isinstance(plugins.value, (list, dict)):
            return None
        entries = plugins.value.items() if isinstance(plugins.value, dict) else [
            next(iter(entry.value.items())) if isinstance(entry.value, dict) and len(entry.value) == 1
            else (entry.value, None) for entry in plugins.value
        ]
        for key, options in entries:
            if key == name:
                return options if options is not None and isinstance(options.value, dict) else Option({}, 0, 0)
        return None

    def _folder(self, option: Option | None, default: str) -> Path:
        relative = option.value if option is not None and isinstance(option.value, str) else default
        return (self.root / relative).resolve()

    @property
    def content_dir(self) -> Path:
        options = self.plugin("deskbook/content")
        return self._folder(options.get("content_dir") if options else None, "content")

    @property
    def docs_dir(self) -> Path:
        return self._folder(self.settings.get("docs_dir"), "docs")

    def location(self, option: Option | None) -> Location:
        if option is None or option.line == 0:
            return Location(self.display)
        return Location(self.display, option.line, option.column)


def read_project(config_file: Path) -> Project:
    """mkdocs.yml read with positions; a file that is not YAML gives a Project with one problem."""
    root = config_file.resolve().parent
    display = display_path(config_file, root)
    try:
        node = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=_Composer)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = Location(display, mark.line + 1, mark.column + 1) if mark else Location(display)
        return Project(config_file, root, display, Option({}, 0, 0), [(where, f"not valid YAML: {exc.problem}")])
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return Project(config_file, root, display, Option({}, 0, 0), [(Location(display), f"cannot read: {exc}")])
    settings = _option(node) if node is not None else Option({}, 1, 1)
    project = Project(config_file, root, display, settings)
    if not isinstance(settings.value, dict):
        project.problems.append((project.location(settings), "expected a mapping of settings at the top"))
        project.settings = Option({}, 0, 0)
    return project


def content_dir_of(config_file: Path) -> Path:
    return read_project(config_file).content_dir


# --- the deskbook/pdf options, as the outputs and "where used" need them ------------------------------

@dataclass(frozen=True)
class EditionInfo:
    name: str
    title: str
    audience: str | None


@dataclass(frozen=True)
class DeskCardInfo:
    name: str
    parts: tuple[str, ...]
    scripts: tuple[str, ...]


def pdf_outputs_of(config_file: Path) -> tuple[list[EditionInfo], DeskCardInfo | None]:
    """The PDFs the project makes; unreadable or unknown values fall back to the plugin's defaults."""
    options = read_project(config_file).plugin("deskbook/pdf")
    if options is None:
        return [], None
    plain = options.plain()
    editions = []
    for written in _list(plain.get("editions")) or [DEFAULT_EDITION]:
        edition = written if isinstance(written, dict) else {}
        editions.append(EditionInfo(_text(edition.get("name"), "handbook"), _text(edition.get("title"), "Handbook"),
                                    _text(edition.get("audience"), None)))
    card = plain.get("desk_card") if isinstance(plain.get("desk_card"), dict) else {}
    if card.get("enabled", True) is False:
        return editions, None
    parts = [part for part in _list(card.get("parts", list(DESK_CARD_PARTS))) if isinstance(part, str)]
    scripts = [script for script in _list(card.get("scripts", [])) if isinstance(script, str)]
    return editions, DeskCardInfo(_text(card.get("name"), "desk-card"), tuple(parts), tuple(scripts))


def print_bounds_of(project: Project) -> PrintBounds:
    """The bounds on one PDF's print work from the deskbook/pdf options (defaults where unset or wrong,
    which ``check`` reports)."""
    options = project.plugin("deskbook/pdf")
    plain = options.plain() if options is not None else {}
    return PrintBounds(**{name: plain[name] for name in BOUND_OPTIONS
                          if type(plain.get(name)) is int and plain[name] > 0})


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _text(value: Any, default: Any) -> Any:
    return value if isinstance(value, str) else default


# --- checks ------------------------------------------------------------------------------------------

def check_project(project: Project, manual: Manual | None, diagnostics: Diagnostics) -> None:
    """The Deskbook plugins' options in mkdocs.yml: types, names, and what they refer to in the Manual."""
    for location, message in project.problems:
        diagnostics.error(location, message)
    site_dir = site_dir_problem(project)
    if site_dir is not None:
        diagnostics.error(*site_dir)
    from .safety import check_links_out_of_project

    check_links_out_of_project([project.docs_dir, project.content_dir], project.root, diagnostics)
    for option, where in _addresses(project):
        problem = address_problem(option.value, page_path=where.startswith("nav"))
        if problem:
            diagnostics.error(project.location(option), f"{where} {problem}")
    content = project.plugin("deskbook/content")
    if content is not None:
        declared_options(project, content, ContentOptions, "deskbook/content", diagnostics)
    else:
        diagnostics.warning(project.location(project.settings.get("plugins")), ENGINE_SKIPS_CONTENT)
    check_zensical_config(project.root, diagnostics)
    pdf = project.plugin("deskbook/pdf")
    if pdf is not None:
        _check_pdf_options(project, pdf, manual, diagnostics)
    if manual is not None:
        _check_one_title(project, manual, diagnostics)
        from .locale.theme import language_problems, theme_language_missing

        for location, message in language_problems(project, manual.localization):
            diagnostics.error(location, message)
        if theme_language_missing(manual.localization):
            settings = next(doc for doc in manual.documents if doc.content_file.name == "manual")
            diagnostics.warning(settings.location(("locale", "language")),
                                f"the theme (Material) has no translation for "
                                f"{manual.localization.locale.english_name}: "
                                "its own buttons and labels (search, navigation) stay in English; Deskbook's "
                                "words follow the manual")


ENGINE_SKIPS_CONTENT = ("plugins does not list deskbook/content, so the engine builds only the hand-written "
                        "pages and leaves their [[...]] as written; add '- deskbook/content' to plugins")
ZENSICAL_CONFIG = "zensical.toml"
ZENSICAL_EXTENSION = "deskbook.markdown"


def check_zensical_config(root: Path, diagnostics: Diagnostics) -> None:
    """Zensical runs no MkDocs plugins: its build of a Deskbook project is whole only from the pages
    ``deskbook pages`` writes, with the ``deskbook.markdown`` extension for the hand-written ones."""
    config_file = root / ZENSICAL_CONFIG
    try:
        text = config_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return
    except (OSError, UnicodeDecodeError) as exc:
        diagnostics.error(Location(display_path(config_file, root)), f"cannot read: {exc}")
        return
    # Read as lines, not TOML: the package runs on Python 3.10, which has no TOML reader, and a config that
    # names the extension names it on a line of its own (a table header or a list item).
    named = (line.split("#", 1)[0] for line in text.splitlines())
    if not any(ZENSICAL_EXTENSION in line for line in named):
        diagnostics.warning(Location(display_path(config_file, root)),
                            "Zensical runs none of the Deskbook plugins, so it builds only the hand-written "
                            f"pages with their [[...]] as written; add the {ZENSICAL_EXTENSION} extension to "
                            "markdown_extensions and build from the folder 'deskbook pages DIR' writes "
                            "(docs_dir = DIR)")


def _check_one_title(project: Project, manual: Manual, diagnostics: Diagnostics) -> None:
    """The manual has one title, manual.yaml's: the site's header, tab and search, the PDFs' covers and
    metadata all print it, and mkdocs.yml's site_name (which MkDocs requires) is replaced by it. Said
    where site_name says something else, so nobody edits it and wonders why nothing changes."""
    site_name = project.settings.get("site_name")
    title = manual.settings.title
    if site_name is None or not isinstance(site_name.value, str) or site_name.value.strip() == title:
        return
    settings = next(doc for doc in manual.documents if doc.content_file.name == "manual")
    diagnostics.notice(project.location(site_name),
                       f"site_name '{site_name.value}' is not the manual's title '{title}' "
                       f"({settings.location(('title',))}): the site and the PDFs use the title from "
                       "manual.yaml; write the same in site_name, or change the title in manual.yaml")


def pdf_option_diagnostics(project: Project, manual: Manual, options: Mapping[str, Any]) -> list[Diagnostic]:
    """What ``check`` rejects in the ``deskbook/pdf`` options; the PDF plugin builds nothing while there is
    any, so ``check`` and ``build`` judge the options by the same rules, with the same located messages.
    ``options`` are the plugin's options as MkDocs resolved them: a value set by a tag, which ``check``
    cannot know, is judged as it came out, at the tag's place."""
    diagnostics = Diagnostics()
    pdf = project.plugin("deskbook/pdf")
    if pdf is not None:
        _check_pdf_options(project, _resolved(pdf, options), manual, diagnostics)
    return diagnostics.sorted()


def _resolved(option: Option, value: Any) -> Option:
    """``option`` with each value a tag left unknown replaced by ``value``'s counterpart."""
    if isinstance(option.value, Unknown):
        return _option_of(value, option.line, option.column)
    if isinstance(option.value, dict) and isinstance(value, Mapping):
        return Option({key: _resolved(item, value[key]) if key in value else item
                       for key, item in option.value.items()}, option.line, option.column)
    if isinstance(option.value, list) and isinstance(value, list) and len(value) == len(option.value):
        parts = zip(option.value, value, strict=True)
        return Option([_resolved(item, part) for item, part in parts], option.line, option.column)
    return option


def _option_of(value: Any, line: int, column: int) -> Option:
    if isinstance(value, Mapping):
        return Option({str(key): _option_of(item, line, column) for key, item in value.items()}, line, column)
    if isinstance(value, list):
        return Option([_option_of(item, line, column) for item in value], line, column)
    return Option(value, line, column)


def _check_pdf_options(project: Project, pdf: Option, manual: Manual | None, diagnostics: Diagnostics) -> None:
    def error(option: Any, message: str) -> None:
        diagnostics.error(project.location(option), message)

    pdf = declared_options(project, pdf, PdfOptions, "deskbook/pdf", diagnostics)
    for name in BOUND_OPTIONS:
        bound = pdf.get(name)
        if bound is not None and _known(bound) and bound.value < 1:
            error(bound, f"deskbook/pdf: {name} must be a whole number above 0 (the default is "
                         f"{getattr(PrintBounds, name):,})")
    output_dir = pdf.get("output_dir")
    if output_dir is not None and _known(output_dir):
        problem = output_dir_problem(output_dir.value)
        if problem:
            error(output_dir, f"deskbook/pdf: output_dir {problem}")
    page_size = pdf.get("page_size")
    if page_size is not None and _known(page_size) and page_size.value not in PAGE_SIZES:
        error(page_size, f"page_size '{page_size.value}' is not one of: {', '.join(PAGE_SIZES)}")
    language = pdf.get("language")
    if language is not None and _known(language) and language.value is not None and manual is not None:
        words = manual.localization
        if str(language.value) not in (words.language, words.html_lang, str(words.locale)):
            error(language, f"deskbook/pdf: language '{language.value}' is not the manual's language "
                            f"({words.locale}, manual.yaml locale.language); leave language out, the PDFs "
                            "follow the manual")
    audiences = sorted(a.id for a in manual.entities("audience")) if manual is not None else None
    names: dict[str, Option] = {}

    def check_audience(option: Option | None, where: str) -> None:
        if option is None or not _known(option) or option.value is None or audiences is None:
            return
        if option.value not in audiences:
            error(option, f"{where}.audience '{option.value}' is not an audience in manual.yaml"
                          f"{_did_you_mean(option.value, audiences)} (audiences: {', '.join(audiences)})")

    def check_name(option: Option | None, where: str) -> None:
        if option is None or not _known(option):
            return
        if not is_slug(option.value):
            error(option, f"{where}.name '{option.value}' must use lowercase letters, digits and single hyphens; "
                          "it is the PDF's file name")
        elif option.value in names:
            first = names[option.value]
            error(option, f"{where}.name '{option.value}' is already used at line {first.line}; each PDF needs "
                          "its own name")
        else:
            names[option.value] = option

    editions = pdf.get("editions")
    if editions is not None and _known(editions):
        for index, edition in enumerate(editions.value):
            where = f"editions[{index}]"
            if not _known(edition):
                continue
            for key in ("name", "title"):
                if edition.get(key) is None:
                    error(edition, f"{where} has no {key}; every edition needs a name and a title")
            check_name(edition.get("name"), where)
            check_audience(edition.get("audience"), where)
    for old, new in PdfOptions.renamed.items():
        renamed = pdf.get(old)
        if renamed is not None:
            diagnostics.warning(project.location(renamed), f"deskbook/pdf: '{old}' is now called '{new}'; "
                                                           "rename it ('mkdocs build --strict' fails on the old name)")
    _check_desk_card(project, pdf.get("desk_card"), manual, check_name, check_audience, diagnostics)
    if manual is not None and not diagnostics.errors:
        _check_desk_card_fits(project, pdf, manual, diagnostics)
    form = pdf.get("log_form")
    if form is not None and _known(form):
        enabled = form.get("enabled")
        if enabled is None or enabled.value is not False:
            check_name(form.get("name") or Option("log-form", form.line, form.column), "log_form")


_FOLDER_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def output_dir_problem(value: Any) -> str | None:
    """Why a PDF folder could not be a folder inside the site: it is also the Downloads links' address, so
    only plain relative folder names (``pdf``, ``print/2027``) are taken."""
    if not isinstance(value, str) or not value.strip("/"):
        return f"'{value}' must name a folder inside the site, like pdf"
    parts = value.strip("/").split("/")
    if value.startswith("/") or any(not _FOLDER_PART.fullmatch(part) or part.startswith("..") for part in parts):
        return (f"'{value[:80]}' must be a folder inside the site written with letters, digits, '.', '_' and "
                "'-' (like pdf or print/2027): no absolute path, no '..', no address")
    return None


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def address_problem(value: Any, page_path: bool = False) -> str | None:
    """Why a link address from mkdocs.yml may not be on the site's pages: only web addresses and paths
    inside the site are taken, so no ``javascript:`` or ``data:`` link runs in the manual's origin.
    Browsers ignore leading spaces and control characters and every tab and line break in an address, so
    the scheme is read as they read it. A ``page_path`` (a navigation entry) may name a page file with
    spaces; MkDocs writes its address itself."""
    if not isinstance(value, str):
        return None
    seen = re.sub(r"[\t\n\r]", "", value).lstrip("".join(map(chr, range(0x21))))
    scheme = _SCHEME.match(seen)
    if scheme is not None and scheme.group(1).lower() not in ("http", "https"):
        return (f"'{value[:80]}' is a {scheme.group(1).lower()}: address; links from mkdocs.yml must be web "
                "addresses (https://...) or paths inside the site")
    # MkDocs and Material print these addresses into their pages unescaped: a quote or a bracket would
    # end the attribute. An address never needs them written as they are.
    unsafe = sorted(set(re.findall(r"[\"'<>`\\\s\x00-\x1f\x7f]", value)))
    if unsafe and not page_path:
        shown = " ".join(repr(char) for char in unsafe[:4])
        return (f"'{value[:80]}' holds {shown}, which an address never holds as written; write them "
                "percent-encoded (%22 for a quote, %20 for a space)")
    return None


def _addresses(project: Project) -> Iterator[tuple[Option, str]]:
    """The values of mkdocs.yml that become links on the pages: the repository, its edit address, the
    site's own address, the theme's social links and the navigation's entries."""
    for key in ("repo_url", "edit_uri", "site_url"):
        option = project.settings.get(key)
        if option is not None:
            yield option, key
    extra = project.settings.get("extra")
    social = extra.get("social") if extra is not None else None
    for index, entry in enumerate(social.value if social is not None and isinstance(social.value, list) else []):
        link = entry.get("link")
        if link is not None:
            yield link, f"extra.social[{index}].link"

    def nav_entries(option: Option | None, where: str) -> Iterator[tuple[Option, str]]:
        if option is None:
            return
        if isinstance(option.value, list):
            for index, item in enumerate(option.value):
                yield from nav_entries(item, f"{where}[{index}]")
        elif isinstance(option.value, dict):
            for title, item in option.value.items():
                yield from nav_entries(item, f"{where} '{title[:40]}'")
        else:
            yield option, where

    yield from nav_entries(project.settings.get("nav"), "nav")


def site_dir_problem(project: Project) -> tuple[Location, str] | None:
    """The output folder named by ``site_dir``, refused when a build would replace a folder that is not
    Deskbook's (see safety.py and cli/staging.py); ``build -d`` is judged by the build, with the same words."""
    from .safety import foreign_folder_problem

    option = project.settings.get("site_dir")
    value = option.value if option is not None and isinstance(option.value, str) else "site"
    folder = Path(os.path.abspath(project.root / value))
    problem = foreign_folder_problem(folder) or foreign_folder_problem(folder.resolve())
    if problem is None:
        return None
    named = f"site_dir '{value}'" if option is not None else "site_dir (not set, so 'site')"
    return project.location(option), f"{named}: the output folder {folder} {problem}"


def _check_desk_card(project: Project, card: Option | None, manual: Manual | None, check_name, check_audience,
                     diagnostics: Diagnostics) -> None:
    def error(option: Any, message: str) -> None:
        diagnostics.error(project.location(option), message)

    if card is None or not _known(card):
        return
    enabled = card.get("enabled")
    if enabled is not None and _known(enabled) and enabled.value is False:
        return
    check_name(card.get("name") or Option("desk-card", card.line, card.column), "desk_card")
    check_audience(card.get("audience"), "desk_card")
    parts = card.get("parts")
    for item in parts.value if parts is not None and isinstance(parts.value, list) else []:
        if _known(item) and item.value in DESK_CARD_PART_RENAMES:
            diagnostics.warning(project.location(item), f"desk_card.parts: '{item.value}' is now "
                                f"{' and '.join(DESK_CARD_PART_RENAMES[item.value])}, named for what it prints; "
                                "rename it ('mkdocs build --strict' fails on the old name)")
    part_names = [*DESK_CARD_PARTS, *DESK_CARD_PART_RENAMES]
    for key, known, what in (("parts", part_names, "part"), ("scripts", None, "script")):
        option = card.get(key)
        if option is None or not _known(option):
            continue
        choices = known if known is not None else (
            sorted(s.id for s in manual.entities("script")) if manual is not None else None)
        for item in option.value:
            if not _known(item) or choices is None:
                continue
            if not isinstance(item.value, str) or item.value not in choices:
                shown = ", ".join(choices[:12]) + (", ..." if len(choices) > 12 else "")
                error(item, f"desk_card.{key}: unknown {what} '{item.value}'"
                            f"{_did_you_mean(str(item.value), choices)} ({what}s: {shown or 'none yet'})")


def _check_desk_card_fits(project: Project, pdf: Option, manual: Manual, diagnostics: Diagnostics) -> None:
    """A warning (``--strict`` fails on it) for each part of a card that leaves rows out for want of room,
    naming each row and where staff find it instead, at that part in desk_card.parts (at desk_card, or at
    the plugin, when the parts are left out). Every card the build makes is measured: the one card, and
    one per audience edition with ``per_edition``."""
    from .handbook.card import SiteAddress, card_parts, desk_card_left_out
    from .handbook.specs import DeskCardSpec, PrintOptions

    card = pdf.get("desk_card")
    plain = card.plain() if card is not None and isinstance(card.value, dict) else {}
    if plain.get("enabled") is False:
        return
    defaults = DeskCardOptions()
    name = _text(plain.get("name"), defaults.name)
    parts, scripts = tuple(_list(plain.get("parts", defaults.parts))), tuple(_list(plain.get("scripts", [])))
    audience = _text(plain.get("audience"), None)
    specs = [DeskCardSpec(name, parts, scripts, audience)]
    if plain.get("per_edition") is True:
        editions = pdf.get("editions")
        for edition in editions.plain() if editions is not None and isinstance(editions.value, list) else []:
            if isinstance(edition, dict) and isinstance(edition.get("audience"), str):
                specs.append(DeskCardSpec(f"{name}-{edition['audience']}", parts, scripts, edition["audience"],
                                          _text(edition.get("title"), None)))
    page_size = pdf.get("page_size")
    size = page_size.value if page_size is not None and page_size.value in PAGE_SIZES else "A4"
    site_url, directory_urls = project.settings.get("site_url"), project.settings.get("use_directory_urls")
    site = SiteAddress(_text(site_url.value if site_url is not None else None, ""),
                       directory_urls is None or directory_urls.value is not False)
    listed = card.get("parts") if card is not None else None
    for spec in specs:
        for part, message in desk_card_left_out(manual, spec, PrintOptions(page_size=size), site).items():
            # The item of desk_card.parts that asks for the part (an old name stands for the parts it printed).
            item = next((item for item in (listed.value if listed is not None and isinstance(listed.value, list)
                                           else []) if _known(item) and part in card_parts((str(item.value),))),
                        None)
            diagnostics.warning(project.location(item or listed or card or pdf), message)


def _known(option: Option) -> bool:
    return not isinstance(option.value, Unknown)


def declared_options(project: Project, options: Option, declared: type, where: str,
                     diagnostics: Diagnostics) -> Option:
    """``options`` judged by their declaration (``deskbook.options``): each unknown key and each value of
    the wrong type is an error at its place, saying what the declaration takes. The Option returned has
    those values unknown, so the checks of what a value means see only values of the right type."""
    types = option_types(declared)
    shown = option_keys(declared, renamed=False)
    typed: dict[str, Option] = {}
    for key, option in options.value.items():
        kind = types.get(key)
        if kind is None:
            diagnostics.error(project.location(option), f"{where}: unknown option '{key}'"
                              f"{_did_you_mean(key, list(types))}; options are: {', '.join(shown)}")
            typed[key] = option
        elif not _known(option):
            typed[key] = option
        elif not kind.accepts(option.value):
            diagnostics.error(project.location(option),
                              f"{where}: {key} must be {kind.describe()}, not {_written(option.value)}")
            typed[key] = Option(UNKNOWN, option.line, option.column)
        elif kind.many and option.value is not None:
            # A list's mappings are named on their own (editions[0]: ...), its plain values by the list.
            named = f"{key}[{{}}]" if kind.options is not None else f"{where}: {key}[{{}}]"
            typed[key] = Option([_declared_item(project, item, kind.item(), named.format(index), diagnostics)
                                 for index, item in enumerate(option.value)], option.line, option.column)
        elif kind.options is not None and option.value is not None:
            typed[key] = declared_options(project, option, kind.options, key, diagnostics)
        else:
            typed[key] = option
    return Option(typed, options.line, options.column)


def _declared_item(project: Project, item: Option, kind: OptionType, where: str, diagnostics: Diagnostics) -> Option:
    if not _known(item):
        return item
    if not kind.accepts(item.value):
        diagnostics.error(project.location(item), f"{where} must be {kind.describe()}, not {_written(item.value)}")
        return Option(UNKNOWN, item.line, item.column)
    if kind.options is not None:
        return declared_options(project, item, kind.options, where, diagnostics)
    return item


def _written(value: Any) -> str:
    """A value as mkdocs.yml wrote it, for a message."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"'{value[:80]}'"
    return str(value)


def _did_you_mean(value: str, choices: list[str]) -> str:
    guess = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f"; did you mean '{guess[0]}'?" if guess else ""


def markdown_pages(docs_dir: Path) -> Iterator[Path]:
    """The hand-written pages of the site, as MkDocs finds them (hidden folders and files skipped)."""
    if not docs_dir.is_dir():
        return
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir)
        if not any(part.startswith(".") for part in relative.parts) and path.is_file():
            yield path
