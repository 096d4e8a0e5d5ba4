"""One way to make Jinja environments for Deskbook's templates: autoescape on, strict about undefined
names, gettext (``jinja2.ext.i18n``) and Babel formats for the manual's locale, shared filters.
The site's pages and the print templates each get one per locale."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup, escape

from .locale import N_, Localization, collation_key
from .model import CHANNEL_KINDS, KINDS
from .model.fields import label
from .model.product import ISSUE_STATUSES
from .model.training import RESOURCE_FORMATS


def locale_filters(words: Localization) -> dict[str, Callable[..., Any]]:
    """Filters that write values in the manual's language: ``{{ role.authority.max_refund|money }}``."""
    return {
        "channel": channel_name(words),
        "money": words.money,
        # Lists a reader scans by word (the glossary) in the collation order, not by code point.
        "collated": lambda items, attribute: sorted(items, key=lambda item: collation_key(getattr(item, attribute))),
        "percent": words.percent,
        "numeral": words.numeral,  # a count or a level Deskbook writes: in the manual's digits
        # One msgid per word, its case and colon set where it is shown: {{ _("rules")|capital }} for a
        # heading, {{ _("Scripts")|colon }} for a label before its value, with the language's own separator
        # (French writes "Scripts :").
        "capital": capital_in(words.language),
        "colon": lambda text: Markup(escape(words.gettext(N_("%(label)s:")))) % {"label": text},
        # What staff say, between the language's quotation marks; the text inside stays as escaped as it was.
        "quoted": lambda text: Markup("{}{}{}").format(words.quotation_marks[0], text, words.quotation_marks[1]),
        "any_of": words.any_of,
        "duration": words.duration,
        "quantity": words.quantity,
        "limit_summary": lambda limit: limit.summary(words),
        "longdate": words.date,
        # A clock time the model holds as HH:MM ("16:30"), in the manual's digits, as its dates are.
        "clock": words.in_digits,
        # Tables: the date short, in the manual's way ("Dec 10, 2026", "10.12.2026"); the ISO date stays
        # in the markup for machines.
        "shortdate": lambda value: Markup('<time datetime="{}">{}</time>').format(value.isoformat(),
                                                                              words.date(value, "medium")),
    }


def capital_in(language: str) -> Callable[[str], str]:
    """The text with its first letter a capital, as the language writes it: Turkish and Azerbaijani give
    'i' a dotted capital (İ), which str.upper() does not know; scripts without case are left as they are."""
    dotted_i = language.split("_")[0] in ("tr", "az")

    def capital(text: str) -> str:
        first = text[:1]
        return ("İ" if dotted_i and first == "i" else first.upper()) + text[1:]
    return capital


def channel_name(words: Localization) -> Callable[..., str]:
    """``{{ line.channel|channel }}``: the channel's name, declared in company.yaml ("Support portal") or a
    built-in one's words ("Live chat"), from the page's ``manual``."""
    @pass_context
    def name_of(context: Context, channel: str) -> str:
        manual = context.get("manual")
        if manual is not None:
            return str(manual.channel_name(channel))
        return words.gettext(CHANNEL_KINDS[channel]) if channel in CHANNEL_KINDS else channel
    return name_of


def field_label(words: Localization) -> Callable[[Any, str], str]:
    """``{{ label(entity, "owner") }}`` or ``{{ label("policy", "owner") }}``: the field's own label
    (its ``Field(title=...)``), in the manual's language, with a capital."""
    def label_of(model: Any, name: str) -> str:
        return label(KINDS[model].model if isinstance(model, str) else model, name, words)
    return label_of
def _shown(context: Context, message: str, translated: str, variables: dict[str, Any], words: Localization) -> str:
    """A translation as the page shows it. Jinja's own newstyle gettext marks every translation as trusted
    markup, so a project's catalogue could put a script in every page; here a translation is text, and only
    a message that is itself markup (``<code>build</code>``) keeps its tags, which ``check`` holds to the
    message's own (``locale.catalogue_problems``). Only a message with a placeholder or ``%%`` is filled in,
    so a ``%`` in the translation of a plain message stays a percent sign; a whole number is filled in as a
    numeral in the manual's digits (``Localization.filled``)."""
    if context.eval_ctx.autoescape:
        translated = Markup(translated) if "<" in message else escape(translated)
    return words.filled(translated, variables) if "%" in message else translated


def translated_text_callables(words: Localization) -> dict[str, Callable[..., str]]:
    """``_``, ``gettext``, ``ngettext``, ``pgettext`` and ``npgettext`` for templates (see ``_shown``)."""
    translations = words.translations

    @pass_context
    def gettext(context: Context, message: str, **variables: Any) -> str:
        return _shown(context, message, translations.gettext(message), variables, words)

    @pass_context
    def ngettext(context: Context, singular: str, plural: str, num: int, **variables: Any) -> str:
        variables.setdefault("num", num)
        return _shown(context, singular + plural, translations.ngettext(singular, plural, num), variables, words)

    @pass_context
    def pgettext(context: Context, message_context: str, message: str, **variables: Any) -> str:
        return _shown(context, message, translations.pgettext(message_context, message), variables, words)

    @pass_context
    def npgettext(context: Context, message_context: str, singular: str, plural: str, num: int,
                  **variables: Any) -> str:
        variables.setdefault("num", num)
        return _shown(context, singular + plural, translations.npgettext(message_context, singular, plural, num),
                      variables, words)

    return {"_": gettext, "gettext": gettext, "ngettext": ngettext, "pgettext": pgettext, "npgettext": npgettext}


def make_environment(package: str, words: Localization, filters: dict[str, Callable[..., Any]] | None = None,
                     **options: Any) -> Environment:
    env = Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates ship with the package; no need to stat them for every page
        extensions=["jinja2.ext.i18n"],
        **options,
    )
    # newstyle: {{ _("%(n)s days", n=3) }} escapes its values and fails loudly on a missing one.
    env.install_gettext_translations(words.translations, newstyle=True)  # type: ignore[attr-defined]  # i18n adds it
    env.globals.update(translated_text_callables(words))
    env.globals.update(words=words, issue_statuses=ISSUE_STATUSES, resource_formats=RESOURCE_FORMATS,
                       label=field_label(words), list_marks=words.list_marks)
    env.filters.update(locale_filters(words))
    env.filters.update(filters or {})
    return env
