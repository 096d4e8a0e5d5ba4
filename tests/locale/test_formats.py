"""Money, numbers, dates and durations in the manual's language, and amounts read as managers type them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from babel import Locale
from pydantic import ValidationError

from deskbook.locale import AmountError, localization, parse_amount
from deskbook.model import Duration, Money, locale_context
from deskbook.model.escalation import Condition
from deskbook.model.explain import heading_anchor, slugify

NBSP = "\u00a0"


@pytest.mark.parametrize("typed, language, currency, expected", [
    ("1500", "en_US", "USD", ("1500", "USD")),
    (1500, "en_US", "USD", ("1500", "USD")),
    ("1 500", "nb_NO", "NOK", ("1500", "NOK")),
    ("1,500.50", "en_US", "USD", ("1500.50", "USD")),
    ("12 000 kr", "nb_NO", "NOK", ("12000", "NOK")),
    ("€250", "de_DE", "EUR", ("250", "EUR")),
    ("250 €", "de_DE", "EUR", ("250", "EUR")),
    ("1.234,50", "de_DE", "EUR", ("1234.50", "EUR")),
    ("1234.50", "de_DE", "EUR", ("1234.50", "EUR")),  # the plain machine form is read in every locale
    ("$1,500", "en_US", "USD", ("1500", "USD")),
    ("250 USD", "de_DE", "EUR", ("250", "USD")),  # an ISO code names another currency for this amount
    ("1 000 000", "fr_FR", "EUR", ("1000000", "EUR")),
    # Typed the local way: signs and names from CLDR, abbreviations CLDR lacks, local digits and separators.
    ("2,500円", "ja_JP", "JPY", ("2500", "JPY")),
    ("￥2,500", "ja_JP", "JPY", ("2500", "JPY")),
    ("250 ر.س", "ar_SA", "SAR", ("250", "SAR")),
    ("250 ر.س.\u200f", "ar_SA", "SAR", ("250", "SAR")),  # the sign exactly as CLDR writes it
    ("﷼ 250", "ar_SA", "SAR", ("250", "SAR")),
    ("٢٥٠", "ar_SA", "SAR", ("250", "SAR")),
    ("٢٬٥٠٠٫٥٠ ر.س", "ar_SA", "SAR", ("2500.50", "SAR")),
    ('300 ש"ח', "he_IL", "ILS", ("300", "ILS")),
    ("300 ש״ח", "he_IL", "ILS", ("300", "ILS")),
    ("₪300", "he_IL", "ILS", ("300", "ILS")),
    ("Rs. 1,500", "hi_IN", "INR", ("1500", "INR")),
    ("२५० ₹", "hi_IN", "INR", ("250", "INR")),
    ("Fr. 1’500", "de_CH", "CHF", ("1500", "CHF")),
    ("1’500", "de_CH", "CHF", ("1500", "CHF")),
    ("1'500.50 CHF", "de_CH", "CHF", ("1500.50", "CHF")),
])
def test_amounts_read_as_typed(typed, language, currency, expected):
    amount, amount_currency = parse_amount(typed, currency, Locale.parse(language))
    assert (amount, amount_currency) == (Decimal(expected[0]), expected[1])


@pytest.mark.parametrize("typed, language, currency, message", [
    ("$250", "de_DE", "EUR", "'$' is not the manual's currency (EUR"),
    ("kr 250", "en_US", "USD", "'kr' is not the manual's currency (USD"),
    ("250 ر.س", "ja_JP", "JPY", "'ر.س' is not the manual's currency (JPY"),
    ("2,500円", "en_US", "USD", "'円' is not the manual's currency (USD"),
    ("٢٥٠٫٥", "ja_JP", "JPY", "more precise than JPY allows"),
    ("lots", "de_DE", "EUR", "'lots' is not an amount of money; write a number like 1.500"),
    ("1,500.50", "de_DE", "EUR", "write it like 1.500 or 1.234,50"),
    ("-5", "en_US", "USD", "negative"),
    ("12.5", "ja_JP", "JPY", "more precise than JPY allows (whole units)"),
    (True, "en_US", "USD", "expected an amount of money, got true"),
])
def test_an_amount_that_cannot_be_read_says_what_to_write(typed, language, currency, message):
    with pytest.raises(AmountError, match=None) as caught:
        parse_amount(typed, currency, Locale.parse(language))
    assert message in str(caught.value)


def test_amounts_parse_in_the_currency_given_as_context():
    condition = Condition.model_validate({"order_value_over": "1.500"}, context=locale_context("de_DE", "EUR"))
    assert condition.order_value_over == Money(Decimal("1500"), "EUR")
    with pytest.raises(ValidationError, match="not the manual's currency"):
        Condition.model_validate({"order_value_over": "$1,500"}, context=locale_context("de_DE", "EUR"))


def test_money_in_two_currencies_does_not_compare():
    with pytest.raises(TypeError):
        assert Money(Decimal(1), "EUR") < Money(Decimal(2), "USD")
    assert Money(Decimal(1), "EUR") < Money(Decimal(2), "EUR")


@pytest.mark.parametrize("language, currency, amount, expected", [
    ("de_DE", "EUR", "1234.50", f"1.234,50{NBSP}€"),
    ("de_DE", "EUR", "1500", f"1.500{NBSP}€"),  # a whole limit reads without ,00
    ("en_US", "USD", "1500", "$1,500"),
    ("en_US", "USD", "12.5", "$12.50"),
    ("es_ES", "EUR", "12345.5", f"12.345,50{NBSP}€"),
    ("nb_NO", "NOK", "12000", f"12{NBSP}000{NBSP}kr"),
    ("ja_JP", "JPY", "1500", "￥1,500"),
])
def test_money_is_written_the_locale_s_way(language, currency, amount, expected):
    assert localization(language, currency).money(Money(Decimal(amount), currency)) == expected


def test_an_amount_in_another_currency_keeps_its_own_sign():
    assert localization("de_DE", "EUR").money(Money(Decimal("250"), "USD")) == f"250{NBSP}$"


@pytest.mark.parametrize("language, expected", [
    ("de_DE", "1. März 2026"),
    ("en_US", "March 1, 2026"),
    ("en_GB", "1 March 2026"),
    ("es_ES", "1 de marzo de 2026"),
])
def test_dates_use_the_language_s_month_names(language, expected):
    assert localization(language, "EUR").date(dt.date(2026, 3, 1)) == expected


@pytest.mark.parametrize("written, unit, count, seconds", [
    ("immediate", "immediate", 0, 0),
    ("30 seconds", "second", 30, 30),
    ("1 minute", "minute", 1, 60),
    ("24 hours", "hour", 24, 86400),
    ("4 business hours", "business hour", 4, 4 * 3600),
    ("4 working hours", "business hour", 4, 4 * 3600),
    ("2 working days", "working day", 2, 16 * 3600),
    ("2 business days", "working day", 2, 16 * 3600),
    ("3 days", "day", 3, 3 * 86400),
    ("1 week", "week", 1, 7 * 86400),
    ("  2   Weeks ", "week", 2, 14 * 86400),
])
def test_durations_read_english_keywords(written, unit, count, seconds):
    duration = Duration.parse(written)
    assert (duration.unit, duration.count, duration.seconds) == (unit, count, seconds)


def test_an_unknown_unit_lists_the_accepted_ones():
    with pytest.raises(ValueError, match="'fortnights' is not a unit of time Deskbook knows; use one of: second, "
                                         "minute, hour, business hour, day, working day, week"):
        Duration.parse("2 fortnights")


@pytest.mark.parametrize("language, written, expected", [
    ("de_DE", "2 hours", "2 Stunden"),
    ("de_DE", "1 week", "1 Woche"),
    ("es_ES", "30 minutes", "30 minutos"),
    ("en_US", "2 working days", "2 working days"),
    ("en_US", "1 working day", "1 working day"),
    ("en_US", "immediate", "immediately"),
])
def test_durations_are_shown_in_the_manual_s_language(language, written, expected):
    assert localization(language, "EUR").duration(Duration.parse(written)) == expected


@pytest.mark.parametrize("title, slug", [
    ("Sandnessjøen", "sandnessjoen"),
    ("Ålesund Øst", "alesund-ost"),
    ("Straße & Größe", "strasse-grosse"),
    ("Política de devoluciones", "politica-de-devoluciones"),
    ("Encyclopædia", "encyclopaedia"),
    ("あいさつの仕方", "aisatsunoshifang"),  # anyascii reads kanji in Mandarin: letters, not "my-id"
    ("سياسة الاسترداد", "sysh-lstrdd"),
    ("מדיניות החזרות", "mdynyvt-hhzrvt"),
    ("Москва", "moskva"),
])
def test_ids_made_from_titles_keep_their_letters(title, slug):
    assert slugify(title) == slug


@pytest.mark.parametrize("heading, anchor", [
    ("It's a refund", "its-a-refund"),  # English anchors stay what Python-Markdown made them
    ("Returns & refunds", "returns-refunds"),
    ("Straße", "strasse"),
    ("あいさつ", "aisatsu"),
    ("返品ポリシー", "fanpinporishi"),
])
def test_heading_anchors_are_transliterated(heading, anchor):
    assert heading_anchor(heading, "-") == anchor


def test_a_yaml_number_is_read_as_the_manager_wrote_it():
    from deskbook.load import YamlFloat, YamlInt

    german = Locale.parse("de_DE")
    assert parse_amount(YamlFloat("1.500"), "EUR", german) == (Decimal("1500"), "EUR")
    assert parse_amount(YamlFloat("12.50"), "EUR", german) == (Decimal("12.50"), "EUR")
    assert parse_amount(YamlFloat("1.500"), "USD", Locale.parse("en_US")) == (Decimal("1.500"), "USD")
    assert parse_amount(YamlInt("1500"), "EUR", german) == (Decimal("1500"), "EUR")


def test_the_glossary_order_is_the_collation_order():
    from deskbook.locale import collation_key

    words = ["Zebra", "éclair", "Ärger", "eclair", "apfel", "りんご", "かさ", "あいさつ", "さくら"]
    assert sorted(words, key=collation_key) == [
        "apfel", "Ärger", "eclair", "éclair", "Zebra", "あいさつ", "かさ", "さくら", "りんご"]
    arabic = ["ياء", "باب", "الانتظار", "تاجر"]
    assert sorted(arabic, key=collation_key) == ["الانتظار", "باب", "تاجر", "ياء"]


# -- one digit style per manual ----------------------------------------------------------------------------

def _words(language: str, currency: str, digits: str | None = None):
    return localization(language, currency, None, digits)


def test_an_arabic_manual_writes_every_number_in_its_locales_digits():
    words = _words("ar_SA", "SAR")  # CLDR: ar_SA's default numbering system is arab
    assert words.numbering == "arab"
    assert words.money(Decimal("1500")) == "\u200f١٬٥٠٠\u00a0ر.س.\u200f"
    assert words.money(Decimal("1234.5")) == "\u200f١٬٢٣٤٫٥٠\u00a0ر.س.\u200f"  # the system's own marks
    assert words.number(Decimal("1250")) == "١٬٢٥٠"
    assert words.percent(15) == "١٥%"
    assert words.date(dt.date(2026, 11, 1)) == "١ نوفمبر ٢٠٢٦"
    assert words.duration(Duration.parse("2 hours")) == "ساعتان"  # Arabic's dual has no number at all
    assert words.duration(Duration.parse("3 days")) == "٣ أيام"
    assert words.duration(Duration.parse("12 working days")) == "١٢ working days"  # a catalogue's %(num)d
    assert words.ngettext("%(num)d day ago", "%(num)d days ago", 40) == "٤٠ days ago"
    assert words.in_digits("09:00") == "٠٩:٠٠"
    assert words.numeral(-12) == "-١٢"
    assert words.list_marks.number(3) == "٣."
    assert words.measure(1.2, "digital-megabyte", "short") == "١٫٢ م.ب"


def test_a_manual_may_choose_latin_digits_and_latin_locales_are_unchanged():
    latin = _words("ar_SA", "SAR", "latn")
    assert latin.money(Decimal("1500")) == "\u200f1,500\u00a0ر.س.\u200f"
    assert latin.date(dt.date(2026, 11, 1)) == "1 نوفمبر 2026"
    assert latin.list_marks.number(3) == "3."
    assert latin.ngettext("%(num)d day ago", "%(num)d days ago", 40) == "40 days ago"
    # Morocco writes Latin digits by default, and may choose the Arabic-Indic ones.
    assert _words("ar_MA", "MAD").date(dt.date(2026, 11, 1)) == "1 نونبر 2026"
    assert _words("ar_MA", "MAD", "arab").percent(15) == "١٥%"
    german = _words("de_DE", "EUR")
    assert (german.money(Decimal("1234.5")), german.date(dt.date(2026, 3, 1))) == ("1.234,50\u00a0€", "1. März 2026")


def test_whole_numbers_filled_into_messages_take_the_digits_and_text_stays_as_typed():
    words = _words("ar_SA", "SAR")
    # A count is written in the manual's digits; a company's text (its own digits included) is not touched.
    assert words.filled("%(title)s: %(num)d", {"title": "Plan 2", "num": 2}) == "Plan 2: ٢"
    assert words.filled("%(flag)s", {"flag": True}) == "True"  # a bool is no count
    from markupsafe import Markup
    filled = words.filled(Markup("<b>%(name)s</b> %(num)d"), {"name": "<i>", "num": 7})
    assert filled == Markup("<b>&lt;i&gt;</b> ٧")  # a page's message stays markup that escapes its values


def test_the_digits_setting_offers_the_locales_own_numbering_systems():
    from deskbook.locale import numbering_systems
    from deskbook.model.manual_settings import LocaleSetting

    assert numbering_systems(Locale.parse("ar_SA")) == {"arab": "٠١٢٣٤٥٦٧٨٩", "latn": "0123456789"}
    assert numbering_systems(Locale.parse("fa_IR")) == {"arabext": "۰۱۲۳۴۵۶۷۸۹", "latn": "0123456789"}
    assert numbering_systems(Locale.parse("hi_IN")) == {"latn": "0123456789", "deva": "०१२३४५६७८९"}
    assert numbering_systems(Locale.parse("ja_JP")) == {"latn": "0123456789"}  # jpan is numerals, not digits
    assert LocaleSetting(language="ar_SA", currency="SAR", digits="latn").digits == "latn"
    with pytest.raises(ValidationError, match=r"'deva' is not a numbering system ar_SA writes numbers in; "
                                              r"write one of arab \(٠١٢٣٤٥٦٧٨٩\), latn \(0123456789\)"):
        LocaleSetting(language="ar_SA", currency="SAR", digits="deva")
