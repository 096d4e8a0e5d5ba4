"""User text made visible as it is, for outputs read as plain lines (terminals, CI logs, diffs).

No imports from the rest of Deskbook: diagnostics, reports and the checker all use it.
"""

from __future__ import annotations

import re

# Characters that reorder the text around them (bidi controls) or take no space at all: in a policy they
# can make "30 days" display as something else, or a change in a diff look like none.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u061c]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def show_invisible(text: str) -> str:
    """``text`` with every invisible or reordering character written out, like ``<U+202E>``."""
    return INVISIBLE.sub(lambda match: f"<U+{ord(match.group(0)):04X}>", text)


def one_line(text: str) -> str:
    """User text made safe for a line of terminal or CI-log output: a newline cannot start a new line
    (``::error`` would become a GitHub workflow command), a terminal escape cannot repaint the screen
    (``\\e[2K``), and invisible characters show."""
    return show_invisible(_CONTROL.sub(lambda match: repr(match.group(0))[1:-1], text))
