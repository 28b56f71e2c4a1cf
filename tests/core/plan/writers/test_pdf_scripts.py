"""The PDF plan in any script: CJK, Arabic and emoji read back; a missing font is said, never hidden."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from nextround.plan.document import PlanDocument
from nextround.plan.fonts import FALLBACK_FONTS
from nextround.plan.writers.pdf import plan_pdf
from tests.fixtures.plans import plan_document as document

CHINESE = "王小明 (字节跳动)"
JAPANESE = "面接のお礼: 株式会社サイバーエージェント"
KOREAN = "김민수"
ARABIC = "شكرا لكم على المقابلة"
EMOJI = "🎉👍✅"
NOTE = "Some characters could not be printed"


@pytest.fixture(scope="module")
def world() -> PlanDocument:
    """The sample plan with the Körber follow-up addressed to people who write in other scripts."""
    base = document()
    items = list(base.items)
    to_korber = "Send a thank-you follow-up to Körber"
    index = next(i for i, item in enumerate(items) if item.title.startswith(to_korber))
    items[index] = dataclasses.replace(
        items[index],
        title=f"Send a thank-you follow-up to {CHINESE} {EMOJI}",
        why=f"{JAPANESE} · {KOREAN}",
        details=f"{ARABIC}\n\nThank you, {CHINESE}.",
    )
    return dataclasses.replace(base, items=tuple(items))


def glyphs(data: bytes) -> str:
    """The PDF's text with whitespace removed. pypdf reads the encoding CMap fpdf2 writes for CFF-based
    CJK fonts as one-byte codes and puts a NUL before each character (poppler's pdftotext does not):
    those NULs go too."""
    reader = PdfReader(io.BytesIO(data))
    text = "".join(page.extract_text() for page in reader.pages)
    return "".join(text.replace("\x00", "").split())


def fonts_embedded(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    )


def flat(text: str) -> str:
    return "".join(text.split())


def test_the_fonts_the_set_up_installs_are_here() -> None:
    for font in FALLBACK_FONTS:
        assert font.path.is_file(), f"{font.path}: scripts/setup.sh installs fonts-noto-cjk, fonts-symbola"


def test_chinese_japanese_korean_arabic_and_emoji_read_back(world: PlanDocument) -> None:
    data = plan_pdf(world)
    text = glyphs(data)
    assert flat(f"Send a thank-you follow-up to {CHINESE}") in text  # the name the issue saw vanish
    for script in (JAPANESE, KOREAN, ARABIC, *EMOJI):
        assert flat(script) in text, script
    assert NOTE.replace(" ", "") not in text
    fonts = fonts_embedded(data)
    assert "NotoSansCJK" in fonts and "Symbola" in fonts and "DejaVu" in fonts


def test_the_fonts_are_subset_so_the_pdf_stays_small(world: PlanDocument) -> None:
    plain = plan_pdf(document())
    assert "NotoSansCJK" not in fonts_embedded(plain)  # loaded only when the plan needs them
    assert len(plan_pdf(world)) < len(plain) + 60_000  # the CJK font file alone is 19 MB


def test_a_missing_font_still_gives_the_pdf_and_says_so(world: PlanDocument) -> None:
    text = glyphs(plan_pdf(world, fallback_fonts=()))
    assert NOTE.replace(" ", "") in text
    missing = len(set(CHINESE + JAPANESE + KOREAN + EMOJI) - set(" ():"))
    assert f"nofontfor{missing}ofthecharacters" in text
    assert "Sendathank-youfollow-upto???(????)" in text  # shown as "?", never dropped
    assert flat(ARABIC) in text  # DejaVu prints Arabic itself


def test_the_core_font_fallback_says_so_too(world: PlanDocument, tmp_path: Path) -> None:
    text = glyphs(plan_pdf(world, font_dir=tmp_path))
    assert NOTE.replace(" ", "") in text and "Sendathank-youfollow-upto???(????)" in text


def test_a_latin_plan_has_no_note() -> None:
    assert NOTE.replace(" ", "") not in glyphs(plan_pdf(document()))
    assert NOTE.replace(" ", "") not in glyphs(plan_pdf(document(), font_dir=None))
