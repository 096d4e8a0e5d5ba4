"""Every word the PDFs print that does not come from the content, in one place, in the manual's language.

The Typst templates print no words of their own: they receive these tables in their data, translated
here through the manual's catalogue. ``{placeholders}`` are filled by the templates (page numbers are only
known to Typst), so translators keep them as they are.
"""

from __future__ import annotations

from ..locale import N_, Localization

_HANDBOOK = {
    "contents": N_("Contents"),
    "page_of": N_("Page {page} of {pages}"),
    "see_page": N_("see page {page}"),
    # After a link that already sits in "(see ...)", the page number follows with a comma.
    "page_only": N_("page {page}"),
    "edition_line": N_("Edition {number}, {edition}"),
    "printed": N_("Printed {date}"),
    "edition_dated": N_("Edition {number} · {date}"),
    "for_audience": N_("for {audience}"),
    "logo": N_("{company} logo"),
    "introduction": N_("Introduction"),
    "whats_new": N_("What changed in this edition"),
    "answer_key": N_("Answer key"),
    "answer_key_intro": N_("The letter of each right answer, why it is right, and the page that explains it."),
    "question": N_("Question"),
    "answer": N_("Answer"),
    "why": N_("Why"),
    "explained_on": N_("Explained on"),
    "quiz_intro": N_("Mark one answer for each question with a pen. The answer key at the back of this book "
                     "gives the right answers and the page that explains each one."),
    "diagram": N_("Diagram"),
    "index": N_("Index"),
    # How to use a printed book, in place of the site's page about its search box and menu.
    "how_to_use": N_("How to use this book"),
    "how_contents": N_("The contents at the front list the chapters and what each holds, with page numbers."),
    "how_see_page": N_("A name in colour is described elsewhere in the book; “see page 24” after it says where."),
    "how_index": N_("The index at the back lists terms, policies, scripts and roles with the pages they are on; "
                    "the page in bold describes them."),
    "how_blanks": N_("In a script, words in [brackets] are for you to fill in during the contact."),
    "how_quiz": N_("The knowledge check has boxes to tick; the answer key at the back gives the right answers."),
    "how_printed": N_("A printed copy holds what applied on the day it was printed (at the foot of each page); "
                      "the site always has the current text."),
    # The printed "Who decides?": the site's helper as a decision table.
    "asks_for": N_("The customer asks for"),
    "amount": N_("Amount"),
    "who_decides": N_("Who decides"),
    "more_than": N_("More than {amount}"),
    "nobody": N_("No role may approve this much alone; send it up the chain to the top."),
    "order_over": N_("The order is worth more than {amount}: it goes to {role}, whatever the problem."),
    "send_to": N_("Send it to"),
    "yes": N_("Yes"),  # a kind held with no amount (a fee waived): the first role that holds it decides
}

_DESK_CARD = {
    "title": N_("Desk reference card"),
    "side": N_("Side {side} of {sides}"),
    "printed": N_("Printed {date}"),
    "edition": N_("Edition {number}"),
    "windows": N_("Windows and limits"),
    "what": N_("What"),
    "limit": N_("Limit"),
    "authority": N_("Who may approve what"),
    "role": N_("Role"),
    "none": N_("none"),
    "thresholds": N_("Where it goes"),
    "account_executive": N_("the account's named executive"),
    "response_times": N_("Response targets"),
    "category": N_("Category"),
    "flagged": N_("flag for management"),
    "contacts": N_("Contacts"),
}

_LOG_FORM = {
    "title": N_("Contact log"),
    "intro": N_("One sheet per contact. Write clearly, then copy it into the log system before your shift ends."),
    "required": N_("required"),
    "printed": N_("Printed {date}"),
    "edition": N_("Edition {number}"),
    "representative": N_("Representative"),
    "tick": N_("tick one"),
}


def _translated(table: dict[str, str], words: Localization) -> dict[str, str]:
    return {key: words.gettext(text) for key, text in table.items()}


def handbook_words(words: Localization) -> dict[str, str]:
    return _translated(_HANDBOOK, words)


def desk_card_words(words: Localization) -> dict[str, str]:
    return {**_translated(_DESK_CARD, words), "onward": words.onward_arrow}


def log_form_words(words: Localization) -> dict[str, str]:
    return _translated(_LOG_FORM, words)


def print_language(words: Localization) -> dict[str, object]:
    """How the PDFs set text in the manual's language: Typst's ``lang`` and ``region`` (hyphenation, line
    breaking, the PDF's language tag), the writing direction, the quotation marks around what staff say and
    the marks of list items (the language's digits and bullet, see ``Localization.list_marks``). Every PDF's
    data starts with these."""
    marks = words.list_marks
    return {
        "lang": words.language,
        "region": words.locale.territory or None,
        "dir": words.direction,
        "quotes": list(words.quotation_marks),
        "lists": {"digits": marks.digits, "before": marks.before, "after": marks.after, "bullet": marks.bullet},
    }
