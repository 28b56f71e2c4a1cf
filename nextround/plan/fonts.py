"""The fonts the PDF plan prints with, and the characters none of them can print.

DejaVu Sans prints Latin, Greek, Cyrillic, Arabic and Hebrew; fallback fonts (fpdf2's
``set_fallback_fonts``) add Chinese, Japanese and Korean (Noto Sans CJK) and emoji and symbols
(Symbola), each loaded only when the plan holds a character DejaVu lacks. fpdf2 embeds only the glyphs
used (subsetting), so a CJK name adds kilobytes, not the font's megabytes. The Debian packages are
installed by ``scripts/setup.sh``; where one is missing, the characters it would print are reported so
the PDF can say so instead of dropping them.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from fpdf import FPDF

DEJAVU_DIR: Final = Path("/usr/share/fonts/truetype/dejavu")
DEJAVU_FILES: Final = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
PRIMARY_FAMILY: Final = "DejaVu"


@dataclass(frozen=True)
class FontFile:
    """One face of a fallback family; ``face`` picks the font inside a collection (.ttc)."""

    family: str
    style: str
    path: Path
    face: int = 0


_NOTO_CJK: Final = Path("/usr/share/fonts/opentype/noto")
_SYMBOLA: Final = Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf")
FALLBACK_FONTS: Final[tuple[FontFile, ...]] = (
    FontFile("NotoSansCJK", "", _NOTO_CJK / "NotoSansCJK-Regular.ttc"),  # Debian fonts-noto-cjk
    FontFile("NotoSansCJK", "B", _NOTO_CJK / "NotoSansCJK-Bold.ttc"),
    FontFile("Symbola", "", _SYMBOLA),  # fonts-symbola
)
_INVISIBLE: Final = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})  # controls, joiners, spaces: no glyph needed


def printed_chars(value: object) -> frozenset[str]:
    """Every character a glyph is needed for, in the strings of a dataclass tree (tables are skipped)."""
    found: set[str] = set()
    _collect(value, found)
    return frozenset(
        c
        for c in found
        if unicodedata.category(c) not in _INVISIBLE and not 0xFE00 <= ord(c) <= 0xFE0F  # variation selectors
    )


def _collect(value: object, found: set[str]) -> None:
    if isinstance(value, str):
        found.update(value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            _collect(getattr(value, field.name), found)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _collect(item, found)


def needs_shaping(chars: frozenset[str]) -> bool:
    """Right-to-left and joining scripts (Arabic, Hebrew, Indic, Thai…) print right only when shaped."""
    return any(
        unicodedata.bidirectional(c) in {"R", "AL"}
        or 0x0900 <= ord(c) <= 0x109F  # Indic scripts, Thai, Lao, Tibetan, Myanmar
        or 0x1780 <= ord(c) <= 0x17FF  # Khmer
        for c in chars
    )


def add_unicode_fonts(
    pdf: FPDF, chars: frozenset[str], font_dir: Path, fallbacks: Sequence[FontFile] = FALLBACK_FONTS
) -> frozenset[str] | None:
    """Add DejaVu and the fallbacks ``chars`` need; the characters still unprintable, or None without
    DejaVu (the caller then uses the core fonts)."""
    paths = {style: font_dir / name for style, name in DEJAVU_FILES.items()}
    if not all(path.is_file() for path in paths.values()):
        return None
    for style, path in paths.items():
        pdf.add_font(PRIMARY_FAMILY, style, str(path))
    missing = set(chars) - _covered(pdf, PRIMARY_FAMILY)
    used: list[str] = []
    for family in dict.fromkeys(f.family for f in fallbacks):
        faces = [f for f in fallbacks if f.family == family and f.path.is_file()]
        regular = next((f for f in faces if f.style == ""), None)
        if not missing or regular is None:
            continue
        pdf.add_font(family, "", str(regular.path), collection_font_number=regular.face)
        covered = _covered(pdf, family)
        if not missing & covered:
            continue  # added but never used: fpdf2 embeds no glyph of it
        for face in faces:
            if face.style:
                pdf.add_font(family, face.style, str(face.path), collection_font_number=face.face)
        used.append(family)
        missing -= covered
    if used:
        pdf.set_fallback_fonts(used, exact_match=False)  # a bold CJK name may print in the regular face
    if needs_shaping(chars):
        pdf.set_text_shaping(True)
    return frozenset(missing)


def _covered(pdf: FPDF, family: str) -> set[str]:
    font = pdf.fonts[family.lower()]
    return {chr(code) for code in getattr(font, "cmap", {})}  # a core font has no character map
