"""Reading a CV from PDF, DOCX and TXT fixtures written by the tests, and clear errors for unusable files."""

from __future__ import annotations

import io

import pytest
from docx import Document
from fpdf import FPDF

from nextround.importing.errors import InputError
from nextround.skills.cv import read_cv_text
from nextround.skills.profile import skills_from_cv

CV_LINES = [
    "Alex Example - Data Analyst",
    "Skills: SQL, Excel (pivot tables), Tableau, Power BI, stakeholder management.",
    "Presented monthly KPI dashboards to senior leaders; strong communication skills.",
]
EXPECTED = {
    "SQL",
    "Excel",
    "Pivot tables",
    "Tableau",
    "Power BI",
    "Stakeholder management",
    "Communication",
    "KPI tracking",
    "Dashboard design",
}


def _pdf(lines: list[str]) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _image_only_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(30, 30, 30)
    pdf.rect(20, 20, 120, 40, style="F")  # a drawing, no text layer: like a scan
    return bytes(pdf.output())


def _docx(lines: list[str]) -> bytes:
    document = Document()
    for line in lines[:2]:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=1)
    table.rows[0].cells[0].text = lines[2]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("cv.pdf", _pdf(CV_LINES)),
        ("cv.docx", _docx(CV_LINES)),
        ("cv.txt", "\n".join(CV_LINES).encode("utf-8")),
        ("cv.txt", "\n".join(CV_LINES).encode("utf-16")),
        ("cv-latin1.txt", ("Café owner. " + "\n".join(CV_LINES)).encode("latin-1")),
    ],
)
def test_cv_text_and_skills_from_every_format(name, data):
    text = read_cv_text(data, name)
    assert set(skills_from_cv(text)) == EXPECTED


def test_format_is_read_from_the_content_not_the_name():
    assert "Tableau" in read_cv_text(_pdf(CV_LINES), "renamed.txt")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("scan.pdf", _image_only_pdf(), "scanned image"),
        ("broken.pdf", b"%PDF-1.4\n this is not really a pdf", "could not be read as a PDF"),
        ("fake.pdf", b"\x89PNG\r\n\x1a\n" + bytes(200), "could not be read as a PDF"),
        ("broken.docx", b"PK\x03\x04 truncated zip", "could not be read as a Word document"),
        ("empty.txt", b"", "is empty"),
        ("tiny.txt", b"hi", "almost no text"),
        ("cv.doc", b"\xd0\xcf\x11\xe0" + bytes(100), "not a PDF, DOCX or TXT"),
    ],
)
def test_unusable_cvs_get_one_clear_sentence(name, data, message):
    with pytest.raises(InputError) as caught:
        read_cv_text(data, name)
    assert message in str(caught.value)
    assert name in str(caught.value)
    assert "\n" not in str(caught.value)
