"""Thin adapter: MkDocs events in, calls of ``deskbook.site`` out."""

from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ...clock import SourceDateEpochError, build_datetime, today
from ...diagnostics import Diagnostics, format_report
from ...locale.theme import search_language, theme_language_missing
from ...manual import Manual
from ...model.explain import heading_anchor
from ...options import ContentOptions, options_from
from ...pipeline import report_reference_problems
from ...review.site_pages import review_site_pages
from ...safety import links_out_of, sanitised_svg
from ...site import SiteOptions, render_site_pages
from ...site.editing import edit_base_url
from ...site.export import ASSET_FILES, ASSETS
from ...site.glossary_markup import mark_abbreviations
from ...site.home import (
    HOME_PAGE,
    PdfShortcut,
    desk_shortcuts,
    shortcuts_html,
    with_shortcuts,
)
from ...site.navigation import DOWNLOADS_PAGE, build_navigation, nav_title
from ...site.offline import SHIM_SOURCE, SHIM_URI, with_folder_shim, write_search_index_script
from ...site.pages import GeneratedPage
from ...site.preview import content_error_page
from ...site.reference_markdown import ReferenceExtension
from ...site.search_index import (
    extend_search_worker,
    page_weight,
    refine_search_index_file,
)
from ...site.theme import FEATURES, Brand, brand, logo_size
from ...site.weight import (
    StyleRule,
    deferred_scripts,
    inline_stylesheet,
    lighter_script,
    minify_css,
    squeeze_whitespace,
    styles_for_page,
    stylesheet_rules,
    words_of,
)
from ...urls import entity_target
from ..manual_source import load_checked_manual
from .config import ContentConfig
from .language import follow_manual_language

log = logging.getLogger("mkdocs.plugins.deskbook.content")

ASSET_FOLDER = "assets/deskbook"
STYLESHEET_URI = f"{ASSET_FOLDER}/deskbook.css"
QUIZ_SCRIPT_URI = f"{ASSET_FOLDER}/quiz.js"
SITE_SCRIPT_URI = f"{ASSET_FOLDER}/deskbook.js"
WHO_DECIDES_SCRIPT_URI = f"{ASSET_FOLDER}/who-decides.js"
PAGE_SCRIPT = re.compile(r'<script src="([^"]+)"')
THEME_RESERVED_ID = re.compile(r"""<[a-z][^>]*?\sid\s*=\s*["']?\s*(__[\w-]*)""", re.IGNORECASE)


class ContentPlugin(BasePlugin[ContentConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.manual: Manual | None = None
        self.content_dir: Path | None = None
        self.generated: dict[str, GeneratedPage] = {}
        self.brand: Brand | None = None
        # The brand's colours and Deskbook's styles, minified and read into rules once; each page gets the
        # rules it can use, inline.
        self.stylesheet: tuple[StyleRule, ...] = ()
        self.scripts: dict[str, File] = {}  # the site's scripts by src_uri, whose words keep styles in a page
        self.script_words: dict[str, set[str]] = {}
        self.logo_size: tuple[int, int] | None = None
        self.serving = False
        self.content_error: str | None = None
        self.served_pages: set[str] = set()  # the last good build's pages, which an error page stands in for
        self.references = ReferenceExtension()
        self.search_weights: dict[str, float] = {}  # page URL -> weight of its entries in search
        self.search_settings: dict[str, bool] = {}  # the search options Deskbook may set

    @property
    def options(self) -> ContentOptions:
        """The validated config as the one declaration types it (``deskbook.options``)."""
        return options_from(ContentOptions, self.config)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    # Early, before the search plugin picks its language from theme.language.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # Per-build state is reset here, so `mkdocs serve` rebuilds start clean.
        self.manual = None
        self.generated = {}
        self.search_weights = {}
        self.scripts = {}
        self.script_words = {}
        # Read before the search plugin fills in its defaults: what mkdocs.yml sets, Deskbook leaves alone.
        search_options = _search_plugin_options(config)
        self.search_settings = {name: search_options.get(name) is None for name in ("separator", "pipeline", "lang")}
        self.content_error = None
        if not self.options.enabled:
            return config
        try:
            build_datetime()  # an unusable SOURCE_DATE_EPOCH stops the build before anything is written
        except SourceDateEpochError as exc:
            raise PluginError(f"Deskbook: {exc}") from None
        project_root = Path(config.config_file_path).resolve().parent
        self.content_dir = (project_root / self.options.content_dir).resolve()
        # Loading here, before MkDocs empties site_dir, means bad content never destroys the last good site.
        try:
            self.manual = load_checked_manual(self.content_dir, project_root, log_warnings=True)
        except PluginError as exc:
            if not self.serving:
                raise
            self._preview_error(exc)
            return config
        follow_manual_language(config, self.manual.localization)
        # Python-Markdown takes Extension objects as well as names; MkDocs types the list as names only.
        config.markdown_extensions.append(self.references)  # type: ignore[arg-type]
        _transliterated_heading_anchors(config)
        _turn_off_material_tooltips(config)
        self.brand = brand(self.manual)
        self.logo_size = _logo_size(self.brand)
        _apply_brand(config, self.brand)
        # The stylesheet's link marks where the theme puts extra stylesheets; each page gets the stylesheet
        # itself there (on_post_page), so Material's own is the only render-blocking file.
        config.extra_css.append(STYLESHEET_URI)
        self.stylesheet = stylesheet_rules(minify_css(
            self.brand.stylesheet + "\n" + (ASSETS / "deskbook.css").read_text(encoding="utf-8")))
        # The quiz's and the helper's scripts go only on their pages (on_post_page), not on every page.
        config.extra_javascript.append(SITE_SCRIPT_URI)
        return config

    # Late, so pages other plugins add in on_files (the PDF plugin's downloads page) join the navigation.
    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if self.content_error is not None:
            return self._error_pages(files, config)
        if not self.options.enabled or self.manual is None or self.brand is None or self.content_dir is None:
            return files
        try:
            files = self._add_pages(files, config, self.manual, self.brand, self.content_dir)
        except PluginError as exc:
            if not self.serving:
                raise
            self._preview_error(exc)
            return self._error_pages(files, config)
        self.served_pages = {file.src_uri for file in files.documentation_pages()}
        self.scripts = {file.src_uri: file for file in files if file.src_uri.endswith(".js")}
        return files

    def _preview_error(self, error: PluginError) -> None:
        """While serving, a failed rebuild would leave the browser waiting with the errors only in the
        terminal; the build goes on instead, with every page showing the errors."""
        self.manual = None
        self.content_error = str(error)
        log.error(self.content_error)

    def _error_pages(self, files: Files, config: MkDocsConfig) -> Files:
        pages = self.served_pages | {file.src_uri for file in files.documentation_pages()} | {"index.md"}
        for file in list(files.documentation_pages()):
            files.remove(file)
        markdown = content_error_page(self.content_error or "")
        for uri in sorted(pages):
            files.append(File.generated(config, uri, content=markdown))
        config.nav = ["index.md"]
        return files

    def _add_pages(self, files: Files, config: MkDocsConfig, manual: Manual, brand: Brand,
                   content_dir: Path) -> Files:
        # ``build`` has refused these already; ``mkdocs build`` comes here without that check.
        root = Path(config.config_file_path).resolve().parent
        outside = links_out_of([Path(config.docs_dir), content_dir], root)
        if outside:
            raise PluginError("Deskbook: symbolic links leave the docs and content folders (copy the files in): "
                              + ", ".join(f"{link} -> {target}" for link, target in outside))
        options = SiteOptions(
            use_directory_urls=config.use_directory_urls,
            today=today(),
            edit_url=edit_base_url(config.repo_url, config.edit_uri, Path(config.docs_dir).name),
        )
        try:
            pages = render_site_pages(manual, options)
            pages.extend(review_site_pages(manual, content_dir.parent, options.today, _pdf_dir(config)))
        except ValueError as exc:
            raise PluginError(f"Deskbook: {exc}") from None
        for page in pages:
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                raise PluginError(
                    f"Deskbook: {existing.src_uri} in {config.docs_dir} has the same path as the page "
                    f"generated for {page.entity_ref or page.title}; rename or remove the hand-written page"
                )
            files.append(File.generated(config, page.src_uri, content=page.markdown))
            self.generated[page.src_uri] = page
        self._check_references(files, config, manual)
        assets = _asset_files()
        for uri, source in assets.items():
            if files.get_file_from_path(uri) is None:
                if source.suffix == ".js":
                    script = lighter_script(source.read_text(encoding="utf-8"))
                    files.append(File.generated(config, uri, content=script))
                else:
                    files.append(File.generated(config, uri, abs_src_path=str(source)))
        if brand.logo_uri and brand.logo_source and files.get_file_from_path(brand.logo_uri) is None:
            logo = brand.logo_source
            # An SVG is served rebuilt from its drawing only (check warns about what it took out).
            content = sanitised_svg(logo.read_bytes())[0] if logo.suffix.lower() == ".svg" else logo.read_bytes()
            files.append(File.generated(config, brand.logo_uri, content=content))
        if self.options.navigation and config.nav is None:
            hand_written = sorted(
                f.src_uri for f in files.documentation_pages() if f.src_uri not in self.generated
            )
            config.nav = build_navigation(manual, pages, hand_written, self.options.nav_max_entities)
        return files

    def _check_references(self, files: Files, config: MkDocsConfig, manual: Manual) -> None:
        """Every reference of every hand-written page, reported together before any page is rendered."""
        diagnostics = Diagnostics()
        docs = Path(config.docs_dir).name
        for file in files.documentation_pages():
            if file.src_uri not in self.generated:
                report_reference_problems(manual, f"{docs}/{file.src_uri}", file.content_string, diagnostics)
        if diagnostics.errors:
            raise PluginError("Deskbook references could not be resolved:\n" + format_report(diagnostics.sorted()))

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.options.enabled or self.manual is None:
            return markdown
        generated = self.generated.get(page.file.src_uri)
        entity_kind = generated.entity_ref.partition(":")[0] if generated and generated.entity_ref else None
        self.search_weights[page.url] = page_weight(entity_kind, downloads=page.file.src_uri == DOWNLOADS_PAGE)
        if generated is not None:
            # The title from the YAML, escaped: without this MkDocs takes it from the first heading,
            # unescaped, and Material prints it raw in the header and the menu.
            page.meta["title"] = nav_title(generated)
            return markdown

        def link(kind: str, entity_id: str) -> str:
            # A link to the page's Markdown source: the link is now inside Markdown's own tree, so MkDocs
            # checks that the page exists and writes the URL for the site's URL style.
            target = entity_target(kind, entity_id)
            href = posixpath.relpath(target.src_uri, posixpath.dirname(page.file.src_uri) or ".")
            return href + (f"#{target.anchor}" if target.anchor else "")

        # Checked for every page in on_files; resolved while MkDocs renders this page (right after this
        # event), so values are inserted as text after Markdown has parsed the page, never as its source.
        self.references.manual = self.manual
        self.references.link = link
        if page.file.src_uri == HOME_PAGE and page.meta.get("deskbook_shortcuts", True):
            pages = [file.src_uri for file in files.documentation_pages()]
            shortcuts = desk_shortcuts(self.manual, pages, _printed_shortcuts(config, self.manual),
                                       config.use_directory_urls)
            markdown = with_shortcuts(markdown, shortcuts_html(self.manual, shortcuts))
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.options.enabled or self.manual is None:
            return html
        reserved = THEME_RESERVED_ID.search(html)
        if reserved is not None:
            # The theme finds its settings by id (`__config` holds the search worker's URL); an element of
            # the page taking that id first would choose the script the browser runs.
            raise PluginError(
                f"Deskbook: {Path(config.docs_dir).name}/{page.file.src_uri}: error: the id "
                f"'{reserved.group(1)}' belongs to the theme; rename it"
            )
        if not self.options.glossary_abbreviations:
            return html
        abbreviations = {
            term.abbreviation: term.term for term in self.manual.glossary.terms if term.abbreviation
        }
        return mark_abbreviations(html, abbreviations)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.options.enabled or self.manual is None:
            return output
        words = self.manual.localization
        generated = self.generated.get(page.file.src_uri)
        if generated is not None and generated.scripts:
            output = _with_page_scripts(output, generated.scripts, page.url)
        if self.logo_size is not None and self.brand is not None and self.brand.logo_uri:
            output = _sized_logo(output, self.brand.logo_uri, page.url, self.logo_size)
        if theme_language_missing(words):
            # Material shows its interface in English for a language it has no words for, and says so in
            # <html lang>; the page's content is in the manual's language, and screen readers go by it.
            output = output.replace('<html lang="en"', f'<html lang="{words.html_lang}"', 1)
        return self._lighter(output, page.url)

    def _lighter(self, output: str, page_url: str) -> str:
        """The page as the browser needs it: the stylesheet inside it, its scripts run once it is parsed,
        the search shim only from a folder, white space between tags squeezed (``deskbook.site.weight``)."""
        from mkdocs.utils import get_relative_url

        words = words_of(output)
        for source in PAGE_SCRIPT.findall(output):
            words |= self._script_words(posixpath.normpath(posixpath.join(posixpath.dirname(page_url), source)))
        styles = styles_for_page(self.stylesheet, words)
        output = deferred_scripts(inline_stylesheet(output, get_relative_url(STYLESHEET_URI, page_url), styles))
        if self.options.offline_search:
            output = with_folder_shim(output, get_relative_url(SHIM_URI, page_url))
        return squeeze_whitespace(output)

    def _script_words(self, src_uri: str) -> set[str]:
        if src_uri not in self.script_words:
            script = self.scripts.get(src_uri)
            self.script_words[src_uri] = words_of(script.content_string) if script is not None else set()
        return self.script_words[src_uri]

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str | None:
        if not self.options.enabled or template_name != "404.html":
            return output_content
        from urllib.parse import urlsplit

        from ...site.not_found import relative_not_found_page

        page = relative_not_found_page(output_content, urlsplit(config.site_url or "/").path or "/")
        if self.logo_size is not None and self.brand is not None and self.brand.logo_uri:
            page = _sized_logo(page, self.brand.logo_uri, template_name, self.logo_size)
        return self._lighter(page, template_name)

    # Last, after the search plugin has written its index.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.options.enabled:
            return
        # The manual's language for search, unless mkdocs.yml names the search plugin's lang.
        follows_manual = self.manual is not None and self.search_settings.get("lang", True)
        refine_search_index_file(
            Path(config.site_dir), self.search_weights,
            separator=self.search_settings.get("separator", True), pipeline=self.search_settings.get("pipeline", True),
            language=search_language(self.manual.localization) if follows_manual and self.manual else None,
        )
        extend_search_worker(Path(config.site_dir))
        if self.options.offline_search:
            write_search_index_script(Path(config.site_dir))

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        if self.options.enabled and self.content_dir is not None:
            server.watch(str(self.content_dir))
        return server


def _apply_brand(config: MkDocsConfig, identity: Brand) -> None:
    """The manual's name, logo and colours on Material, so mkdocs.yml need not repeat them."""
    config.site_name = identity.site_name
    theme = config.theme
    # No Material palette: its palette.css (12 KiB, render-blocking) only names colours Deskbook replaces;
    # the brand's colours are custom properties on :root, at the head of Deskbook's one stylesheet.
    theme["palette"] = {}
    if identity.logo_uri:
        theme["logo"] = identity.logo_uri
        theme["favicon"] = identity.logo_uri
    features = theme.get("features") or []
    theme["features"] = features + [feature for feature in FEATURES if feature not in features]


def _printed_shortcuts(config: MkDocsConfig, manual: Manual) -> list[PdfShortcut]:
    """The desk card and the blank log form, when the PDF plugin makes them in this build."""
    from ...handbook.specs import DeskCardSpec, LogFormSpec
    from ...locale import N_

    pdf = config.plugins.get("deskbook/pdf")
    if pdf is None or not getattr(pdf, "active", False):
        return []
    hints = {DeskCardSpec: N_("Two sides to pin up by the phone"), LogFormSpec: N_("A blank page to print as a pad")}
    words = manual.localization
    return [
        PdfShortcut(
            posixpath.join(job.output_dir, job.file_name), job.title(words), words.gettext(hints[type(job.spec)])
        )
        for job in pdf.jobs
        if type(job.spec) in hints and getattr(job.spec, "audience", None) is None
    ]


def _search_plugin_options(config: MkDocsConfig):
    search = config.plugins.get("material/search") or config.plugins.get("search")
    return getattr(search, "config", None) or {}


def _transliterated_heading_anchors(config: MkDocsConfig) -> None:
    """Heading anchors in any script: Python-Markdown's own slugify drops every letter outside ASCII, so
    Japanese headings all became ``_1``, ``_2``. A ``slugify`` set in mkdocs.yml is left alone."""
    if "toc" in config.markdown_extensions:
        config.mdx_configs.setdefault("toc", {}).setdefault("slugify", heading_anchor)


def _turn_off_material_tooltips(config: MkDocsConfig) -> None:
    """Material's ``content.tooltips`` re-reads ``title`` attributes as HTML, so a glossary term or a
    blank's hint holding ``<img onerror=...>`` would run on hover; the browser's own tooltip shows the
    same text as text."""
    features = config.theme.get("features") or []
    if "content.tooltips" in features:
        log.info("Deskbook: Material's content.tooltips is turned off (it shows title text as HTML)")
        config.theme["features"] = [feature for feature in features if feature != "content.tooltips"]


def _asset_files() -> dict[str, Path]:
    # The files `deskbook pages` copies for engines without plugins, and the offline search shim; the
    # stylesheet, with the brand's colours in front, goes inside every page instead.
    return {**{uri: ASSETS / name for uri, name in ASSET_FILES.items() if uri != STYLESHEET_URI},
            SHIM_URI: SHIM_SOURCE}




def _pdf_dir(config: MkDocsConfig) -> str | None:
    """Where deskbook/pdf writes the PDFs, when it is in the build (the acknowledgement pages link them)."""
    pdf = config.plugins.get("deskbook/pdf")
    options = getattr(pdf, "options", None)
    if pdf is None or not getattr(pdf, "active", False) or options is None or not options.acknowledgement.enabled:
        return None
    return options.output_dir


def _with_page_scripts(output: str, scripts: tuple[str, ...], page_url: str) -> str:
    """The page's own scripts after the theme's and Deskbook's site-wide ones, where extra_javascript
    would have put them, relative to the page so the site works from a folder."""
    from mkdocs.utils import get_relative_url

    tags = "".join(f'<script src="{get_relative_url(f"{ASSET_FOLDER}/{name}", page_url)}"></script>\n'
                   for name in scripts)
    end = output.rfind("</body>")
    return output[:end] + tags + output[end:] if end >= 0 else output + tags


def _sized_logo(output: str, logo_uri: str, page_url: str, size: tuple[int, int]) -> str:
    """Material's header and drawer logos with a width and height, so nothing moves when the file arrives."""
    from mkdocs.utils import get_relative_url

    source = f'<img src="{get_relative_url(logo_uri, page_url)}"'
    return output.replace(source, f'{source} width="{size[0]}" height="{size[1]}"')


def _logo_size(identity: Brand) -> tuple[int, int] | None:
    if identity.logo_source is None:
        return None
    try:
        with identity.logo_source.open("rb") as logo:
            return logo_size(logo.read(4096))
    except OSError:
        return None  # check_assets reports a logo that cannot be read
