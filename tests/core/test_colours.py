"""Brand colours: mixing and WCAG contrast, and a pale brand colour made readable for print."""

from __future__ import annotations

import pytest

from deskbook.colours import BLACK, READABLE_CONTRAST, WHITE, contrast, mix, readable_on_white


def test_contrast_matches_wcag_reference_values():
    assert contrast(BLACK, WHITE) == pytest.approx(21.0)
    assert contrast(WHITE, WHITE) == pytest.approx(1.0)
    # #767676 on white is the classic lightest grey that passes AA (4.54:1).
    assert contrast("#767676", WHITE) == pytest.approx(4.54, abs=0.01)


def test_mix_moves_towards_the_other_colour():
    assert mix("#000000", WHITE, 0.5) == "#808080"
    assert mix("#0b4f6c", WHITE, 0) == "#0b4f6c"


def test_a_dark_brand_colour_is_kept_and_a_pale_one_deepened_until_it_reads():
    assert readable_on_white("#0b4f6c") == "#0b4f6c"
    yellow = readable_on_white("#ffcc00")
    assert yellow != "#ffcc00"
    assert contrast(yellow, WHITE) >= READABLE_CONTRAST
    # Deepened no further than needed: one step less dark would not pass.
    assert yellow == mix("#ffcc00", BLACK, 0.45) and contrast(mix("#ffcc00", BLACK, 0.4), WHITE) < READABLE_CONTRAST
