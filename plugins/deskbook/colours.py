"""Colour arithmetic for the brand colours of ``manual.yaml``: mixing, and contrast as WCAG 2.1 counts it."""

from __future__ import annotations

WHITE = "#ffffff"
BLACK = "#000000"
# WCAG 2.1 AA for body-size text.
READABLE_CONTRAST = 4.5


def _channels(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def mix(colour: str, other: str, share: float) -> str:
    """``colour`` moved ``share`` of the way towards ``other``, as #rrggbb."""
    mixed = (round(a * (1 - share) + b * share) for a, b in zip(_channels(colour), _channels(other), strict=True))
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


def _luminance(colour: str) -> float:
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(colour: str, other: str) -> float:
    lighter, darker = sorted((_luminance(colour), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_on_white(colour: str) -> str:
    """The colour itself when text in it reads on white; otherwise the least darkening of it that does
    (a pale brand colour still brands the headings, a shade deeper)."""
    for step in range(21):
        candidate = mix(colour, BLACK, step / 20)
        if contrast(candidate, WHITE) >= READABLE_CONTRAST:
            return candidate
    return BLACK
