"""The brand colours of manual.yaml as the printed card and form use them, kept readable on white paper.

Text in a colour must reach WCAG AA's contrast of 4.5:1 against white; a brand colour too light for that
is darkened (towards black, keeping its hue) for text; rules and borders need 3:1, so a middling colour
stays as it is there.
"""

from __future__ import annotations

from ..model.manual_settings import BrandColours

TEXT_CONTRAST = 4.5  # WCAG 2.1 AA, normal-size text
GRAPHICS_CONTRAST = 3.0  # WCAG 2.1 AA, lines and borders that carry meaning


def _channels(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _hex(channels: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(channel):02x}" for channel in channels)


def relative_luminance(colour: str) -> float:
    """WCAG 2.1's relative luminance of an sRGB colour."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_on_white(colour: str) -> float:
    return 1.05 / (relative_luminance(colour) + 0.05)


def mix(colour: str, other: str, share: float) -> str:
    """``colour`` moved ``share`` of the way towards ``other``."""
    return _hex(tuple(a * (1 - share) + b * share for a, b in zip(_channels(colour), _channels(other))))


def readable_on_white(colour: str, contrast: float = TEXT_CONTRAST) -> str:
    """``colour`` itself when it reaches ``contrast`` on white, else the lightest darker shade that does."""
    share = 0.0
    shade = colour.lower()
    while contrast_on_white(shade) < contrast:
        share += 0.02
        shade = mix(colour, "#000000", share)
    return shade


def print_colours(colours: BrandColours) -> dict[str, str]:
    """``text`` for headings and labels, ``line`` for the rule under the title, ``tint`` behind table headers."""
    primary = colours.primary.lower()
    return {"text": readable_on_white(primary), "line": readable_on_white(primary, GRAPHICS_CONTRAST),
            "tint": mix(primary, "#ffffff", 0.9)}
