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
    # Whole tables at once and a range of characters at a time: read a character at a time, the faces took
    # most of the time of the card's fit, which check pays on every run.
    groups = _character_groups(font, tables[b"cmap"])
    metric_count = struct.unpack_from(">H", font, tables[b"hhea"] + 34)[0]
    widths = struct.unpack_from(f">{2 * metric_count}H", font, tables[b"hmtx"])[::2]  # (advance, side bearing)
    advances = [width / units_per_em for width in widths]
    # Glyphs after the last metric share its advance (the table's monospaced tail).
    glyph_count = max(glyph + last - first for first, last, glyph in groups) + 1
    advances += advances[-1:] * (glyph_count - metric_count)
    by_character: dict[int, float] = {}
    for first, last, glyph in groups:
        by_character.update(zip(range(first, last + 1), advances[glyph:glyph + last - first + 1], strict=True))
        if glyph == 0:  # the missing glyph: the face does not draw that character
            del by_character[first]
    return by_character


def _tables(font: bytes) -> dict[bytes, int]:
    (count,) = struct.unpack_from(">H", font, 4)
    offsets = {}
    for index in range(count):
        tag, _checksum, offset, _length = struct.unpack_from(">4sLLL", font, 12 + 16 * index)
        offsets[tag] = offset
    return offsets


def _character_groups(font: bytes, cmap: int) -> list[tuple[int, int, int]]:
    """(first code point, last code point, first glyph) of each range of the Windows Unicode subtable of all
    planes (format 12), which the shipped faces have."""
    (count,) = struct.unpack_from(">H", font, cmap + 2)
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHL", font, cmap + 4 + 8 * index)
        if (platform, encoding) == (3, 10):
            (groups,) = struct.unpack_from(">L", font, cmap + offset + 12)
            values = struct.unpack_from(f">{3 * groups}L", font, cmap + offset + 16)
            return list(zip(values[0::3], values[1::3], values[2::3], strict=True))
    raise ValueError("the font has no Unicode character map of format 12")
