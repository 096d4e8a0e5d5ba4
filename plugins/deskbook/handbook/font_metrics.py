"""How wide text prints in the shipped print fonts, read from the fonts themselves: each character's
advance width (the ``cmap`` and ``hmtx`` tables), so the desk card can be measured before Typst lays it out
and without Typst.

The sum of the advances is an upper bound of what Typst sets: it kerns (DejaVu Sans kerns pairs closer,
never apart; the card's fit test holds this to Typst's own measure) and forms ligatures that are no wider
than their letters. A character the face does not draw prints in a font :mod:`.print_fonts` chose and is
counted one em, the width of a CJK ideograph, the widest of them.

Only the tables needed are read, with :mod:`struct`: ``check`` measures the card on every run, and
importing fontTools and parsing both faces with it took about 220 ms against about 90 ms here (a test
holds this reader to fontTools' values).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import lru_cache

from .glyphs import FONTS

# The desk card's faces (desk-card.typ sets DejaVu Sans): regular text and bold (labels, headings).
FACES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
_UNDRAWN = 1.0  # em: a character the face lacks, as wide as an ideograph


@dataclass(frozen=True)
class Face:
    advances: dict[int, float]  # code point -> advance width in em
    # The top of a line above its baseline, in em, as Typst takes it (its text top edge, the cap height):
    # the face's cap height, or its typographic ascender when the OS/2 table gives no cap height (OS/2
    # before version 2, as DejaVu's).
    line_top: float

    def width(self, text: str) -> float:
        """The advance of ``text`` in em, before kerning."""
        advances = self.advances
        return sum(advances.get(ord(character), _UNDRAWN) for character in text)


def face(bold: bool = False) -> Face:
    return _face(bool(bold))


@lru_cache(maxsize=2)  # one per weight: the key is positional, so face() and face(bold=False) share it
def _face(bold: bool) -> Face:
    font = (FONTS / FACES[bold]).read_bytes()
    tables = _tables(font)
    (units_per_em,) = struct.unpack_from(">H", font, tables[b"head"] + 18)
    return Face(_advances(font, tables, units_per_em), _line_top(font, tables[b"OS/2"]) / units_per_em)


def _line_top(font: bytes, os2: int) -> int:
    (version,) = struct.unpack_from(">H", font, os2)
    if version >= 2:
        (cap_height,) = struct.unpack_from(">h", font, os2 + 88)
        if cap_height > 0:
            return int(cap_height)
    (ascender,) = struct.unpack_from(">h", font, os2 + 68)
    return int(ascender)


def _advances(font: bytes, tables: dict[bytes, int], units_per_em: int) -> dict[int, float]:
    metric_count = struct.unpack_from(">H", font, tables[b"hhea"] + 34)[0]
    hmtx = tables[b"hmtx"]
    widths = [struct.unpack_from(">H", font, hmtx + 4 * index)[0] for index in range(metric_count)]
    # Glyphs after the last metric share its advance (the table's monospaced tail).
    return {code: widths[min(glyph, metric_count - 1)] / units_per_em
            for code, glyph in _character_map(font, tables[b"cmap"]).items() if glyph}


def _tables(font: bytes) -> dict[bytes, int]:
    (count,) = struct.unpack_from(">H", font, 4)
    offsets = {}
    for index in range(count):
        tag, _checksum, offset, _length = struct.unpack_from(">4sLLL", font, 12 + 16 * index)
        offsets[tag] = offset
    return offsets


def _character_map(font: bytes, cmap: int) -> dict[int, int]:
    """Code point -> glyph, from the Windows Unicode subtable of all planes (format 12), which the shipped
    faces have."""
    (count,) = struct.unpack_from(">H", font, cmap + 2)
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHL", font, cmap + 4 + 8 * index)
        if (platform, encoding) == (3, 10):
            return _format_12(font, cmap + offset)
    raise ValueError("the font has no Unicode character map of format 12")


def _format_12(font: bytes, at: int) -> dict[int, int]:
    (groups,) = struct.unpack_from(">L", font, at + 12)
    mapping: dict[int, int] = {}
    for index in range(groups):
        first, last, glyph = struct.unpack_from(">LLL", font, at + 16 + 12 * index)
        mapping.update((code, glyph + code - first) for code in range(first, last + 1))
    return mapping
