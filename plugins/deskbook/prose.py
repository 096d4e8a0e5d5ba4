"""Checks on the prose of the YAML: every [[reference]] resolves, and no value is written out by hand.

Both report at the very characters in the file, not at the start of a long text, so a manager sees which
reference or which number is meant.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from babel.numbers import get_currency_name, get_currency_symbol
from pydantic import BaseModel

from .diagnostics import Diagnostics, Location
from .locale import Localization
from .manual import EntityRecord, Manual, SourceDocument
from .model.base import Duration, Entity, Money
from .model.quantity import TIME_UNITS, Quantity
from .references import REFERENCE, Resolver, UnknownReference, _field_amount, item_key, prose_fields

PROSE = "prose"


def text_location(document: SourceDocument, path: tuple, text: str, start: int, snippet: str) -> Location:
    """Where ``snippet``, found at ``start`` in the text at ``path``, stands in the file.

    Quoting, folding and block indentation change offsets, so the snippet is searched for in the source
    from the value's first character on, skipping as many earlier occurrences as the text has before it.
    """
    mark = document.source_map.value_mark(path)
    lines = document.source_map.lines
    skip = text.count(snippet, 0, start)
    first = mark.line - 1
    if not 0 <= first < len(lines):
        return Location(document.display, mark.line, mark.column)
    key_indent = len(lines[first]) - len(lines[first].lstrip(" "))
    column = mark.column - 1
    for index in range(first, len(lines)):
        line = lines[index]
        if index > first and line.strip() and len(line) - len(line.lstrip(" ")) <= key_indent:
            break
        found = line.find(snippet, column if index == first else 0)
        while found >= 0:
            if skip == 0:
                return Location(document.display, index + 1, found + 1)
            skip -= 1
            found = line.find(snippet, found + 1)
    return Location(document.display, mark.line, mark.column)


def prose_of(manual: Manual) -> Iterator[tuple[SourceDocument, tuple, str]]:
    for document in manual.documents:
        for path, text in prose_fields(document.model):
            yield document, path, text


def check_prose_references(manual: Manual, diagnostics: Diagnostics) -> None:
    """Every [[reference]] in YAML prose names something that exists and has a single value."""
    resolver = Resolver(manual)
    for document, path, text in prose_of(manual):
        if "[[" not in text:
            continue
        _, problems = resolver.segments(text)
        for problem in problems:
            head = REFERENCE.match(problem.reference)
            if head and head.group(1) in manual.incomplete_kinds:
                continue  # its file failed to load and is reported already
            diagnostics.error(text_location(document, path, text, problem.start, problem.reference), problem.message)


# -- values written out by hand ---------------------------------------------------------------------------

@dataclass(frozen=True)
class NamedValue:
    """One value of an entity that prose might repeat: where it is, and what it is."""

    entity: Entity
    dotted: str  # "rules.window"
    quantity: Quantity

    @property
    def reference(self) -> str:
        return f"[[{self.entity.kind}:{self.entity.id}.{self.dotted}]]"

    @property
    def number_reference(self) -> str:
        return f"[[{self.entity.kind}:{self.entity.id}.{self.dotted}.value]]"


def as_quantity(value: Any, amount: str | None = None) -> Quantity | None:
    """A value a reference can show, as a Quantity when it is a number of something (else None)."""
    if isinstance(value, Quantity):
        return value if value.kind != "reference" else None
    if isinstance(value, Money):
        return Quantity("money", value.amount, None, value.currency) if value.amount > 0 else None
    if isinstance(value, Duration):
        return None if value.immediate else Quantity("duration", Decimal(value.count), None, value.unit)
    if amount == "percent" and isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return Quantity("percent", Decimal(value))
    return None


def named_values(entity: Entity) -> list[NamedValue]:
    """The numbers an entity sets that a reference can show: rule values, amounts, durations, percentages.

    Only values a reference can reach are listed (items of a list are reached by their id)."""
    found: list[NamedValue] = []

    def walk(value: Any, dotted: tuple[str, ...]) -> None:
        if isinstance(value, BaseModel):
            # Asked of the fields first: getattr of a name a model lacks makes pydantic raise and catch an
            # AttributeError, and most models of a manual have no value.
            rule_value = getattr(value, "value", None) if "value" in type(value).model_fields else None
            if isinstance(rule_value, Quantity) and dotted:
                quantity = as_quantity(rule_value)
                if quantity is not None:
                    found.append(NamedValue(entity, ".".join(dotted), quantity))
                return
            for name in type(value).model_fields:
                item = getattr(value, name)
                quantity = as_quantity(item, _field_amount(type(value), name))
                if quantity is not None:
                    found.append(NamedValue(entity, ".".join(dotted + (name,)), quantity))
                else:
                    walk(item, dotted + (name,))
        elif isinstance(value, list):
            for item in value:
                item_id = item_key(item)
                if isinstance(item_id, str) and not isinstance(item, Entity):
                    walk(item, dotted + (item_id,))
        elif isinstance(value, dict):
            for key, item in value.items():
                quantity = as_quantity(item)
                if quantity is not None:
                    found.append(NamedValue(entity, ".".join(dotted + (str(key),)), quantity))

    walk(entity, ())
    return found


def _stem_pattern(words: set[str]) -> str:
    """Word forms as one pattern: 'Tag', 'Tage' and 'Tagen' all begin with their common stem 'Tag'."""
    words = {word for word in words if word}
    if not words:
        return "(?!)"
    first, *others = sorted(words, key=str.lower)
    stem = first
    for other in others:
        while not other.startswith(stem):
            stem = stem[:-1]
    if len(stem) >= 3 or (stem and not stem.isascii()):
        return re.escape(stem).replace(r"\ ", r"[\s-]+") + r"\w*"
    forms = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(word).replace(r"\ ", r"[\s-]+") for word in forms) + ")"


def _unit_words(quantity: Quantity, words: Localization) -> list[str]:
    """How the manual's language, and English, name the quantity's unit after a number."""
    samples = (1, 2, 5, 21, 30)
    if quantity.kind == "duration":
        english = {name for name, unit in TIME_UNITS.items() if unit == quantity.unit}
        local = {re.sub(r"[\d.,\s\u00a0\u202f]+", " ", words.quantity(Quantity("duration", Decimal(n), None,
                 quantity.unit))).strip() for n in samples}
        return [_stem_pattern(english), _stem_pattern(local)]
    if quantity.kind == "percent":
        sign = re.sub(r"[\d\s\u00a0\u202f]+", "", words.percent(1)) or "%"
        return ["%", "percent", "per cent", re.escape(sign)]
    if quantity.kind == "count":
        return [_stem_pattern({form for _, form in quantity.forms} | {quantity.unit})]
    return []


def number_forms(quantity: Quantity, words: Localization) -> list[str]:
    """How a sentence writes the quantity's number ('1500', '1,500', '1.500'), longest first: every match
    of :func:`literal_pattern` holds one of them as it stands."""
    number_value = quantity.numbers[-1]
    written = {_plain_number(number_value), f"{number_value:,}", words.number(number_value)}
    return sorted(written, key=len, reverse=True)


def literal_pattern(quantity: Quantity, words: Localization) -> re.Pattern:
    """The ways people write a value in a sentence, in English and in the manual's language: '30 days',
    '30-day', '30 Tagen', '30日', '$500', '500 dollars', '500 €', '10 %'."""
    number = "(?:" + "|".join(re.escape(form) for form in number_forms(quantity, words)) + ")"
    if quantity.kind == "money":
        signs = {get_currency_symbol(quantity.unit, "en"), get_currency_symbol(quantity.unit, words.locale),
                 quantity.unit}
        names = {get_currency_name(quantity.unit, count, "en").lower() for count in (1, 2)}
        names |= {name.rsplit(" ", 1)[-1] for name in names}
        sign = "(?:" + "|".join(re.escape(item) for item in sorted(signs, key=len, reverse=True)) + ")"
        name = "(?:" + "|".join(re.escape(item) for item in sorted(names, key=len, reverse=True)) + ")"
        forms = rf"{sign}\s?{number}(?![\d,.]*\d)|(?<![\w$.,]){number}\s?(?:{sign}|{name}\b)"
        return re.compile(forms, re.IGNORECASE)
    units = "|".join(_unit_words(quantity, words)) or "(?!)"
    separator = r"\s?" if quantity.kind == "percent" else r"[\s\u00a0-]*"
    return re.compile(rf"(?<![\w$.,]){number}{separator}(?:{units})(?!\w)" if quantity.kind == "percent"
                      else rf"(?<![\w$.,]){number}{separator}(?:{units})", re.IGNORECASE)


def _plain_number(number: Decimal) -> str:
    return format(number.normalize(), "f") if number != number.to_integral_value() else str(int(number))


def _without_references(text: str) -> str:
    """The text with every [[reference]] blanked out, offsets kept."""
    return REFERENCE.sub(lambda match: " " * len(match.group(0)), text)


def check_stale_prose(manual: Manual, diagnostics: Diagnostics) -> None:
    """Warn where prose writes out a value of its own entity, or of one it refers to, instead of a reference:
    that sentence would stay old when the value changes."""
    values_by_entity: dict[str, list[NamedValue]] = {}

    def values_of(entity: Entity) -> list[NamedValue]:
        if entity.ref not in values_by_entity:
            values_by_entity[entity.ref] = named_values(entity)
        return values_by_entity[entity.ref]

    # Entities this one refers to, then those that refer to it (a routing rule naming a chain).
    linked: dict[str, list[Entity]] = {}
    for reference in manual.references:
        if reference.source is None:
            continue
        target = manual.get(*reference.target_kind_and_id)
        if target is not None:
            linked.setdefault(reference.source.entity.ref, []).append(target)
    for reference in manual.references:
        target = manual.get(*reference.target_kind_and_id)
        if reference.source is not None and target is not None:
            linked.setdefault(target.ref, []).append(reference.source.entity)

    # Linked entities share values, so one quantity is a candidate of many records: build its pattern once,
    # and only for a text that holds its number at all (compiling every value's pattern was most of this
    # check's time, and most values are written nowhere).
    pattern_of: dict[Quantity, re.Pattern] = {}
    forms_of: dict[Quantity, list[str]] = {}

    def pattern_for(quantity: Quantity, text: str) -> re.Pattern | None:
        if quantity not in forms_of:
            forms_of[quantity] = number_forms(quantity, manual.localization)
        if not any(form in text for form in forms_of[quantity]):
            return None
        if quantity not in pattern_of:
            pattern_of[quantity] = literal_pattern(quantity, manual.localization)
        return pattern_of[quantity]

    report = diagnostics.warning
    entity_paths: dict[int, set[tuple]] = {}
    for other in manual.all_records():
        entity_paths.setdefault(id(other.document), set()).add(other.path)
    for record in manual.all_records():
        owner = record.entity
        candidates = values_of(owner) + [value for target in linked.get(owner.ref, []) for value in values_of(target)]
        if not candidates:
            continue
        for path, text in prose_fields(owner, record.path):
            if _inside_other_entity(entity_paths[id(record.document)], record, path) or _wrong_choice(
                owner, path[len(record.path):]
            ):
                continue
            searchable = _without_references(text)
            found: dict[int, list[tuple[NamedValue, str]]] = {}
            for value in candidates:
                pattern = pattern_for(value.quantity, searchable)
                for match in pattern.finditer(searchable) if pattern is not None else ():
                    found.setdefault(match.start(), []).append((value, match.group(0)))
            for start, matches in sorted(found.items()):
                value, literal = _likeliest(matches, text)
                whose = "" if value.entity is owner else f"{value.entity.ref} "
                fix = value.number_reference if "-" in literal else value.reference
                report(
                    text_location(record.document, path, text, start, literal),
                    f"'{literal}' repeats {whose}{value.dotted}; write {fix} so it follows changes",
                    rule=PROSE,
                )


def _likeliest(matches: list[tuple[NamedValue, str]], text: str) -> tuple[NamedValue, str]:
    """Of several values written the same way, the one whose name the sentence mentions most
    ('orders over $500' is the order threshold, not a gift limit of $500); else the nearest entity."""
    words = set(re.findall(r"[a-z]+", text.lower()))

    def mentioned(match: tuple[NamedValue, str]) -> int:
        name_words = re.findall(r"[a-z]+", match[0].dotted.lower())
        return sum(1 for word in name_words if len(word) > 3 and word.rstrip("s") in {w.rstrip("s") for w in words})

    return max(matches, key=mentioned)


def _wrong_choice(entity: Entity, path: tuple) -> bool:
    """A knowledge check's wrong choices may state other values on purpose; they are not stale prose."""
    if len(path) != 2 or path[0] != "choices":
        return False
    answer = getattr(entity, "answer", None)
    return isinstance(answer, int) and path[1] != answer - 1


def _inside_other_entity(entity_paths: set[tuple], record: EntityRecord, path: tuple) -> bool:
    """Prose of an entity nested in this one (a role inside a list) is judged with its own entity: some
    beginning of ``path`` longer than the record's own path is another entity's path."""
    return any(path[:end] in entity_paths for end in range(len(record.path) + 1, len(path) + 1))


# -- rule values ------------------------------------------------------------------------------------------

def check_rule_values(manual: Manual, diagnostics: Diagnostics) -> None:
    """A rule value written as ``[[...]]`` names a value that exists and is an amount, a time or a
    percentage. A rule value typed out that another entity owns is a warning (a role's refund limit, when the
    rule's text names every word of the field: 'refund' for max_refund): the two would drift apart."""
    resolver = Resolver(manual)
    owned = [value for record in manual.all_records() for value in named_values(record.entity)
             if not value.dotted.startswith("rules.")]
    for record in manual.all_records():
        rules = getattr(record.entity, "rules", None) if "rules" in type(record.entity).model_fields else None
        for index, rule in enumerate(rules or []):
            value = getattr(rule, "value", None)
            if not isinstance(value, Quantity):
                continue
            if value.kind == "reference":
                head = REFERENCE.match(value.reference)
                if head and head.group(1) in manual.incomplete_kinds:
                    continue  # its file failed to load and is reported already
                try:
                    resolver.quantity(value)
                except (UnknownReference, TypeError) as exc:
                    diagnostics.error(record.location("rules", index, "value"),
                                      f"rules[{index}].value: {value.reference}: {exc}")
                continue
            text_words = {word.rstrip("s") for word in re.findall(r"\w+", rule.text.lower())}
            for other in owned:
                if other.entity is record.entity or other.quantity != value:
                    continue
                field_words = {word.rstrip("s") for word in re.findall(r"[^\W_]+", other.dotted.rsplit(".", 1)[-1])}
                named = {word for word in field_words if len(word) > 3}
                if named and named <= text_words:  # the rule's text names every word of the field
                    diagnostics.warning(
                        record.location("rules", index, "value"),
                        f"rules[{index}].value repeats {other.entity.ref} {other.dotted}; write value: "
                        f"'{other.reference}' so the rule and the {other.entity.kind} agree",
                        rule=PROSE,
                    )
                    break


# -- one style of percentages and quotation marks ---------------------------------------------------------

TYPOGRAPHY = "typography"
# What is not running text: [[references]], code, HTML tags and a link's address keep their own marks.
_NOT_RUNNING_TEXT = re.compile(r"\[\[[^\]]*\]\]|`[^`]*`|<[^>]*>|\]\([^)]*\)")
_PERCENT = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)([\s\u00a0\u202f]*)%|%([\s\u00a0\u202f]*)(\d+(?:[.,]\d+)?)(?![\d])")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
# Direction marks Babel puts around a sign in right-to-left locales: invisible, so no other style.
_DIRECTION_MARKS = re.compile("[\u200e\u200f\u061c]")
# Double quotation marks of any language: straight, English and German curly, guillemets, CJK corner brackets.
_QUOTATION_MARKS = "\"“”„«»「」"


def _running_text(text: str) -> str:
    """The text with what is not running text blanked out, offsets kept."""
    return _NOT_RUNNING_TEXT.sub(lambda match: " " * len(match.group(0)), text)


def percent_style(words: Localization) -> str:
    """Where the manual's language puts the percent sign, and with what space: "N%", "N %", "%N"."""
    return _SPACES.sub(" ", _DIRECTION_MARKS.sub("", words.percent(1).replace(words.numeral(1), "N")))


def other_percent_styles(text: str, words: Localization) -> Iterator[tuple[int, str, str]]:
    """(offset, as written, as the language writes it) for each percentage in ``text`` written another way
    than the manual's language writes one: "10 %" in English, "10%" in German."""
    style = percent_style(words)
    for match in _PERCENT.finditer(_running_text(text)):
        number = match.group(1) or match.group(4)
        written = text[match.start():match.end()]
        shape = _SPACES.sub(" ", _DIRECTION_MARKS.sub("", written.replace(number, "N", 1)))
        if shape.strip() != style.strip():
            # The language's own space (a no-break space in German and Spanish), so the sign never starts a line.
            yield match.start(), written, words.percent(1).replace(words.numeral(1), number)


def other_quotation_marks(text: str, words: Localization) -> Iterator[tuple[int, str, str]]:
    """(offset, as written, as the language writes it) for each quotation in ``text`` between other marks
    than the manual's language quotes with: "Products" or «Products» in English, “Produkte” in German."""
    opening, closing = words.quotation_marks
    running = _running_text(text)
    own = re.compile(re.escape(opening) + r"[^\n" + re.escape(_QUOTATION_MARKS) + r"]*" + re.escape(closing))
    remaining = own.sub(lambda match: " " * len(match.group(0)), running)
    marks = [at for at, character in enumerate(remaining) if character in _QUOTATION_MARKS]
    # Marks left over pair up in order, an opening one with the next; a single one (12" for inches) is no quotation.
    for start, end in zip(marks[::2], marks[1::2], strict=False):
        inside = text[start + 1:end]
        if "\n\n" in inside:
            continue
        yield start, text[start:end + 1], opening + inside + closing


def check_typography(manual: Manual, diagnostics: Diagnostics) -> None:
    """Warn where prose writes a percentage or a quotation another way than the manual's language, beside
    Deskbook's own "10%" and “…” on the same page."""
    words = manual.localization
    language = words.locale.get_display_name("en") or words.language
    for document, path, text in prose_of(manual):
        if "%" in text:
            for start, written, fix in other_percent_styles(text, words):
                diagnostics.warning(
                    text_location(document, path, text, start, written),
                    f"'{written}' is not how {language} writes a percentage; write '{fix}', as the manual "
                    "prints its own", rule=TYPOGRAPHY)
        if any(mark in text for mark in _QUOTATION_MARKS):
            for start, written, fix in other_quotation_marks(text, words):
                diagnostics.warning(
                    text_location(document, path, text, start, written),
                    f"{written} is quoted with other marks than {language} uses; write {fix}, as the "
                    "manual quotes what staff say", rule=TYPOGRAPHY)
