"""The home page's shortcuts for the desk: what a rep reaches for in the middle of a contact, one tap
away, drawn above the project's own welcome text. Each shortcut is there only when its page or PDF is."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from ..locale import N_
from ..manual import Manual
from ..urls import relative_url
from .environment import environment

HOME_PAGE = "index.md"
WHO_DECIDES_ANCHOR = "who-decides-helper"  # the helper's own id on the escalation page
HOW_FAST_ANCHOR = "how-fast-helper"  # the "How fast must I answer?" helper's id, with service levels only

# (page, anchor, label, hint) in the order a rep needs them mid-call; the label and hint are translated.
PAGE_SHORTCUTS = (
    ("escalation/index.md", WHO_DECIDES_ANCHOR, N_("Who decides?"),
     N_("Who may approve a refund, a discount or a gift")),
    ("response-times.md", None, N_("Response times"), N_("How soon each channel must answer")),
    ("standards/index.md", None, N_("What to say"), N_("The scripts, step by step")),
    ("policies/index.md", None, N_("Policies"), N_("Refunds, returns, gifts and privacy rules")),
    ("training/knowledge-checks.md", None, N_("Knowledge check"), N_("Test yourself and hand in the result")),
    ("review/whats-new.md", None, N_("What changed"), N_("What is new in this edition")),
)


@dataclass(frozen=True)
class Shortcut:
    label: str
    hint: str
    href: str
    download: bool = False


@dataclass(frozen=True)
class PdfShortcut:
    """A PDF the build makes, by its path in the site (``pdf/desk-card.pdf``)."""

    path: str
    label: str
    hint: str


def desk_shortcuts(
    manual: Manual, pages: Iterable[str], pdfs: Iterable[PdfShortcut], use_directory_urls: bool
) -> list[Shortcut]:
    words = manual.localization
    present = set(pages)
    # With service levels, "Response times" opens on the helper that answers for the case at hand.
    helpers = {"response-times.md": HOW_FAST_ANCHOR} if manual.service_levels is not None else {}
    found = [
        Shortcut(words.gettext(label), words.gettext(hint),
                 relative_url(HOME_PAGE, src_uri, use_directory_urls, helpers.get(src_uri, anchor)))
        for src_uri, anchor, label, hint in PAGE_SHORTCUTS if src_uri in present
    ]
    found[1:1] = [Shortcut(pdf.label, pdf.hint, pdf.path, download=True) for pdf in pdfs]
    return found


def shortcuts_html(manual: Manual, shortcuts: list[Shortcut]) -> Markup:
    template = environment(manual.localization).get_template("shortcuts.html.j2")
    return Markup(template.render(shortcuts=shortcuts))


def with_shortcuts(markdown: str, block: str) -> str:
    """The home page's Markdown with the shortcuts under its first heading (or at the top)."""
    lines = markdown.splitlines(keepends=True)
    for number, line in enumerate(lines):
        if line.startswith("# "):
            return "".join(lines[: number + 1]) + "\n" + block + "\n\n" + "".join(lines[number + 1:])
    return block + "\n\n" + markdown
