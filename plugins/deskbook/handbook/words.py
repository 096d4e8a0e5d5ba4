"""Every word the PDFs print that does not come from the content, in one place.

The Typst templates print no words of their own: they receive this table in their data. Localisation
wraps these strings in gettext here, and nothing in the templates changes. ``{placeholders}`` are filled
by the templates (page numbers are only known to Typst).
"""

from __future__ import annotations


def handbook_words() -> dict[str, str]:
    return {
        "contents": "Contents",
        "page_of": "Page {page} of {pages}",
        "see_page": "see page {page}",
        # After a link that already sits in "(see ...)", the page number follows with a comma.
        "page_only": "page {page}",
        "edition_line": "Edition {number}, {edition}",
        "printed": "Printed {date}",
        "edition_dated": "Edition {number} · {date}",
        "for_audience": "for {audience}",
        "logo": "{company} logo",
        "introduction": "Introduction",
        "whats_new": "What changed in this edition",
        "answer_key": "Answer key",
        "answer_key_intro": "The letter of each right answer, why it is right, and the page that explains it.",
        "question": "Question",
        "answer": "Answer",
        "why": "Why",
        "explained_on": "Explained on",
        "quiz_intro": "Mark one answer for each question with a pen. The answer key at the back of this "
        "book gives the right answers and the page that explains each one.",
    }


def desk_card_words() -> dict[str, str]:
    return {
        "title": "Desk reference card",
        "side": "Side {side} of {sides}",
        "printed": "Printed {date}",
        "edition": "Edition {number}",
        "windows": "Windows and limits",
        "what": "What",
        "limit": "Limit",
        "authority": "Who may approve what",
        "role": "Role",
        "discount": "Discount",
        "refund": "Refund",
        "gift": "Gift",
        "none": "none",
        "thresholds": "Where it goes",
        "account_executive": "the account's named executive",
        "response_times": "Response targets",
        "category": "Category",
        "flagged": "flag for management",
        "contacts": "Contacts",
        "closures": "Closed",
        "time_zone": "All hours are {zone} time",
    }


def log_form_words() -> dict[str, str]:
    return {
        "title": "Contact log",
        "intro": "One sheet per contact. Write clearly, then copy it into the log system before your shift ends.",
        "required": "required",
        "printed": "Printed {date}",
    }
