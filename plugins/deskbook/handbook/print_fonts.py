"""Fonts for every script a manual prints. The package ships Latin, Greek and Cyrillic (``fonts/``); a
character those cannot draw is looked up, in this order, in the project's own ``fonts/`` folder (beside
``content/``) and in the fonts installed on the machine (``/usr/share/fonts``: Debian's
``fonts-noto-cjk``, ``fonts-noto-core``). For each script a family is chosen whose faces cover the text,
preferring one named in the manual's language (a Japanese face of a CJK collection for ``ja``), and its
regular and bold faces are handed to Typst, file by file: Typst reads no other font.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .glyphs import FONTS, drawn_characters, print_font_coverage

FONT_SUFFIXES = (".otf", ".ttf", ".ttc", ".otc")
SYSTEM_FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
PROJECT_FONTS = "fonts"
# Where Debian packages the fonts of a script; anything else is in fonts-noto-core or fonts-noto-extra.
_DEBIAN_PACKAGES = {"Hani": "fonts-noto-cjk", "Hira": "fonts-noto-cjk", "Kana": "fonts-noto-cjk",
                    "Hang": "fonts-noto-cjk", "Bopo": "fonts-noto-cjk"}
_NO_SCRIPT = {"Zyyy", "Zinh", "Zzzz"}
_BOLD = 700
_REGULAR = 400


@dataclass(frozen=True)
class Face:
    path: Path
    number: int  # the face's index in a collection (.ttc)
    family: str
    weight: int
    italic: bool
    covers: frozenset[int]
    fixed_pitch: bool  # a monospaced face: for code, not for prose
    languages: frozenset[str]  # BCP 47 tags of the languages the face's name is also given in


@dataclass(frozen=True)
class PrintFonts:
    """The fonts one PDF uses beyond the shipped ones, and what no font at hand can draw."""

    families: tuple[str, ...] = ()  # after the shipped families, in order of preference
    files: tuple[Path, ...] = ()  # the chosen families' regular and bold faces
    missing: frozenset[str] = frozenset()

    def font_paths(self, folder: Path) -> list[str]:
        """The folders Typst may read fonts from: the shipped fonts, and ``folder`` holding links to the
        chosen files (Typst takes folders, not files, and reads every font in them)."""
        if not self.files:
            return [str(FONTS)]
        folder.mkdir(parents=True, exist_ok=True)
        for number, path in enumerate(self.files):
            link = folder / f"{number}-{path.name}"
            try:
                link.symlink_to(path)
            except OSError:  # no symbolic links here (Windows without the right): a copy reads the same
                shutil.copyfile(path, link)
        return [str(FONTS), str(folder)]


def _faces_of(path: Path) -> list[Face]:
    from fontTools.ttLib import TTCollection, TTFont, TTLibError
    from fontTools.ttLib.tables._n_a_m_e import _WINDOWS_LANGUAGES

    try:
        fonts = TTCollection(str(path), lazy=True).fonts if path.suffix.lower() in (".ttc", ".otc") \
            else [TTFont(str(path), lazy=True)]
    except (TTLibError, OSError, ValueError, KeyError, AssertionError):
        return []  # not a font we can read: Typst would not use it either
    faces = []
    for number, font in enumerate(fonts):
        try:
            names = font["name"]
            family = names.getDebugName(16) or names.getDebugName(1)
            os2 = font["OS/2"]
            languages = frozenset(_WINDOWS_LANGUAGES[record.langID].lower() for record in names.names
                                  if record.platformID == 3 and record.nameID in (1, 16)
                                  and record.langID in _WINDOWS_LANGUAGES)
            faces.append(Face(path, number, family or path.stem, os2.usWeightClass, bool(os2.fsSelection & 1),
                              frozenset(font.getBestCmap() or ()), bool(font["post"].isFixedPitch), languages))
        except (KeyError, AttributeError, TTLibError, AssertionError):
            continue
    return faces


def _font_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.rglob("*") if path.suffix.lower() in FONT_SUFFIXES and path.is_file())


@lru_cache(maxsize=8)
def _faces_in(folder: Path, signature: tuple) -> tuple[Face, ...]:
    return tuple(face for path in _font_files(folder) for face in _faces_of(path))


def faces_in(folder: Path) -> tuple[Face, ...]:
    """Every upright face in a folder, read once per process while the folder's fonts stay the same."""
    files = _font_files(folder)
    signature = tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files)
    return tuple(face for face in _faces_in(folder, signature) if not face.italic)


def font_sources(project_dir: Path | None) -> Iterator[tuple[Face, ...]]:
    """The places fonts are looked for, the project's own first; each is read only when the ones before
    it left characters without a font (reading the installed fonts takes seconds)."""
    places = [project_dir / PROJECT_FONTS] if project_dir is not None else []
    places += list(SYSTEM_FONT_DIRS)
    return (faces_in(place) for place in places)


def _language_match(face: Face, language: str) -> int:
    """2: the face is named in the language and region (``zh-tw``), 1: in the language, 0: not."""
    tag = language.lower().replace("_", "-")
    base = tag.split("-")[0]
    if tag in face.languages:
        return 2
    return 1 if any(name.split("-")[0] == base for name in face.languages) else 0


def choose_fonts(texts: Iterable[str], language: str, project_dir: Path | None) -> PrintFonts:
    """The families that draw what the shipped fonts cannot, one after another until every character is
    drawn or no font at hand has the rest."""
    shipped = print_font_coverage()
    needed = {ord(char) for char in drawn_characters(texts)} - shipped
    if not needed:
        return PrintFonts()
    families: list[str] = []
    files: list[Path] = []
    for faces in font_sources(project_dir):
        if not needed:
            break
        by_family: dict[str, list[Face]] = defaultdict(list)
        for face in faces:
            by_family[face.family].append(face)
        while needed:
            candidates = sorted(family for family in by_family if family not in families)
            if not candidates:
                break
            best = max(candidates, key=lambda family: _merit(by_family[family], needed, language))
            if not needed & set().union(*(face.covers for face in by_family[best])):
                break
            families.append(best)
            files += _regular_and_bold(by_family[best])
            for face in by_family[best]:
                needed -= face.covers
    return PrintFonts(tuple(families), tuple(dict.fromkeys(files)), frozenset(map(chr, needed)))


def _merit(faces: list[Face], needed: set[int], language: str) -> tuple[int, int, bool, bool, int]:
    """Most of the needed characters first; then a family named in the manual's language, one for prose
    (not monospaced), one with a bold face, the widest coverage. Ties go to the first family by name, so
    the choice is the same every build."""
    covered: set[int] = set().union(*(face.covers for face in faces))
    return (len(needed & covered), max(_language_match(face, language) for face in faces),
            not any(face.fixed_pitch for face in faces), any(face.weight >= _BOLD for face in faces), len(covered))


def _regular_and_bold(faces: list[Face]) -> list[Path]:
    """The files of a family's face nearest regular weight and of its face nearest bold."""
    regular = min(faces, key=lambda face: (abs(face.weight - _REGULAR), str(face.path)))
    bold = min(faces, key=lambda face: (abs(face.weight - _BOLD), str(face.path)))
    return [regular.path, bold.path]


def script_of(char: str) -> tuple[str, str]:
    """(ISO 15924 code, English name) of a character's script: ("Hani", "Han")."""
    from fontTools import unicodedata as font_unicodedata

    code = font_unicodedata.script(char)
    return code, font_unicodedata.script_name(code, default=code)


def font_advice(chars: Iterable[str]) -> str:
    """What to do about characters no font has: which script needs a font, and how to get one."""
    scripts = dict.fromkeys(script_of(char) for char in sorted(chars))
    # Common, inherited and unassigned characters (symbols, private use) belong to no one script.
    named = ", ".join(name for code, name in scripts if code not in _NO_SCRIPT)
    packages = " ".join(sorted({_DEBIAN_PACKAGES.get(code, "fonts-noto-core") for code, _ in scripts}))
    which = f"a font for {named}" if named else "a font that has it"
    return (f"add {which}: put a .otf or .ttf file that has it in the project's fonts/ folder "
            f"(beside content/), or install one (apt-get install {packages})")
