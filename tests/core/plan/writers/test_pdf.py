"""The printable plan, read back with pypdf: with the embedded Unicode font and with the core fallback."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from nextround.plan.assemble import assemble_plan
from nextround.plan.document import build_document
from nextround.plan.writers.pdf import DEFAULT_FONT_DIR, plan_pdf, transliterate
from tests.fixtures.plans import PLAN_SENTENCE as SENTENCE
from tests.fixtures.plans import TODAY, plan_document, plan_frame


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def document():
    return plan_document()


def test_the_font_the_ci_installs_is_here():
    assert (DEFAULT_FONT_DIR / "DejaVuSans.ttf").is_file()


def test_pdf_with_the_unicode_font_holds_summary_diagnosis_plan_and_drafts():
    reader, text = pdf_text(plan_pdf(document()))
    words = flat(text)
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=1)  # A4
    assert "Your next round" in words
    assert "You sent 6 applications" in words
    assert flat(SENTENCE) in words
    assert "Körber" in words
    assert "Send a thank-you follow-up to Körber" in words
    assert "Rejected after interviews, 5 days ago." in words
    assert "Appendix: your email drafts" in words
    assert "Dear Anna Schmidt," in words
    assert "How could I strengthen my" in words
    for stage in ("Applied", "Screen", "Interview", "Final", "Offer"):
        assert stage in words  # the funnel's labels
    fonts = {str(f) for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert fonts  # fonts are embedded per page


def test_unicode_names_print_as_written():
    frame = plan_frame()
    frame.loc[2, "company"] = "Gießen GmbH – Zürich"
    frame.loc[2, "outcome_on"] = frame.loc[0, "outcome_on"]
    _, text = pdf_text(plan_pdf(build_document(frame, assemble_plan(frame, TODAY), TODAY)))
    assert "Gießen GmbH – Zürich" in flat(text)


def test_without_the_font_files_the_core_font_prints_transliterated_text(tmp_path: Path):
    reader, text = pdf_text(plan_pdf(document(), font_dir=tmp_path))
    words = flat(text)
    assert "Körber" in words  # Latin-1 letters survive in the core font
    assert "Your next round" in words
    assert flat(SENTENCE) in words
    assert "[ ]" in words  # the tick box, spelled without the glyph
    fonts = " ".join(
        str(f.get_object()["/BaseFont"])
        for page in reader.pages
        for f in page["/Resources"]["/Font"].values()
    )
    assert "Helvetica" in fonts
    assert "DejaVu" not in fonts
    assert plan_pdf(document(), font_dir=None)[:5] == b"%PDF-"


def test_transliteration_keeps_latin1_and_spells_the_rest():
    assert transliterate("Körber – “Gießen” … ✓ Łódź 東京") == 'Körber - "Gießen" ... ? Lódz ??'


def test_an_empty_plan_still_prints():
    frame = plan_frame()
    _, text = pdf_text(plan_pdf(build_document(frame, [], TODAY)))
    assert "No actions in the plan yet." in flat(text)
