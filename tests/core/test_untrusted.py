"""The resource guard: ZIP limits from the directory alone, XML without a DTD, PDF limits, time budget."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import pytest

from nextround import untrusted
from nextround.importing.errors import InputError
from nextround.untrusted import (
    DOCUMENT_ZIP,
    SPREADSHEET_ZIP,
    Deadline,
    PdfLimits,
    UntrustedFileError,
    check_zip,
    declared_part_count,
    iter_xml,
    open_zip,
    pdf_pages_text,
)
from tests.fixtures import hostile_files as hostile
from tests.fixtures.files import xlsx_bytes


def _zip(parts: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return out.getvalue()


def _refused(call, *args) -> str:
    with pytest.raises(UntrustedFileError) as caught:
        call(*args)
    message = str(caught.value)
    assert isinstance(caught.value, InputError)  # the CLI and the pages already speak InputError
    assert "\n" not in message and "Traceback" not in message
    return message


def _forbid(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> None:
    def called(*_args: object, **_kwargs: object) -> None:
        raise AssertionError(f"{name} was called before the limits were checked")

    monkeypatch.setattr(owner, name, called)


def test_a_real_workbook_and_a_real_cv_pass() -> None:
    check_zip("tracker.xlsx", xlsx_bytes({"Apps": [["Company", "Status"], ["Acme", "Applied"]]}))
    check_zip("cv.docx", hostile.docx_cv()[1], DOCUMENT_ZIP)


def test_the_part_count_is_read_from_the_end_record_before_the_directory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = _zip({f"part{i}.txt": b"" for i in range(DOCUMENT_ZIP.max_parts + 1)}, zipfile.ZIP_STORED)
    _forbid(monkeypatch, untrusted.zipfile, "ZipFile")
    assert declared_part_count(data) == DOCUMENT_ZIP.max_parts + 1
    message = _refused(check_zip, "parts.docx", data, DOCUMENT_ZIP)
    assert "'parts.docx' holds 1,001 parts" in message and "at most 1,000" in message


def test_an_end_record_that_under_declares_is_caught_by_the_directory_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = bytearray(_zip({f"{i:04d}" + "x" * 600: b"" for i in range(900)}, zipfile.ZIP_STORED))
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, 3, 3)  # "3 parts", over a 560 kB directory
    _forbid(monkeypatch, untrusted.zipfile, "ZipFile")
    assert "at most 1,000" in _refused(check_zip, "liar.docx", bytes(data), DOCUMENT_ZIP)


def test_zip64_end_records_are_read_too() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", allowZip64=True) as archive:
        for i in range(70_000):  # more than a 16-bit count holds: the zip64 record carries it
            archive.writestr(f"p{i}", b"")
    assert declared_part_count(out.getvalue()) == 70_000
    assert declared_part_count(b"not a zip") is None


def test_unpacked_size_and_part_ratio_come_from_the_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    name, bomb = hostile.docx_zip_bomb(150)
    hard = _zip({"word/document.xml": b" " * 5_000_000})
    _forbid(monkeypatch, zipfile.ZipFile, "open")
    assert len(bomb) < 1_000_000
    assert "would unpack to 157 MB" in _refused(check_zip, name, bomb, DOCUMENT_ZIP)
    assert "zip bomb" in _refused(check_zip, name, bomb, DOCUMENT_ZIP)
    # Under the total, one part packed 1,000:1 is refused by its ratio alone.
    assert "zip bomb" in _refused(check_zip, "hard.docx", hard, DOCUMENT_ZIP)
    # The same bytes are a fine spreadsheet part: small repetitive XML is not ratio-checked there.
    open_zip("ok.xlsx", hard, SPREADSHEET_ZIP).close()


def test_declared_sizes_over_the_limit_refuse_without_reading() -> None:
    name, data = hostile.declared_huge_sheet()
    message = _refused(check_zip, name, data)
    assert "3.9 GB" in message and "a spreadsheet of applications" in message


@pytest.mark.parametrize(
    "prolog",
    [
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "b">]><r/>',
        '<?xml version="1.0"?><!--' + "x" * 40_000 + '--><!DOCTYPE r [<!ENTITY a "b">]><r/>',
        '<?xml version="1.0"?><!DOCTYPE r SYSTEM "file:///etc/passwd"><r/>',
    ],
    ids=["entity", "behind-a-long-comment", "external"],
)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_any_dtd_in_any_xml_part_is_refused(prolog: str, encoding: str) -> None:
    text = prolog.replace('<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{encoding}"?>')
    data = _zip({"[Content_Types].xml": b"<Types/>", "xl/sharedStrings.xml": text.encode(encoding)})
    message = _refused(check_zip, "dtd.xlsx", data)
    assert "XML entities" in message and "XML bomb" in message


def test_billion_laughs_is_refused_by_the_reader_not_expanded() -> None:
    _, data = hostile.docx_laughs()
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("word/document.xml") as stream:
        message = _refused(lambda: list(iter_xml("laughs.docx", stream)))
    assert "XML bomb" in message


def test_damaged_zip_names_what_it_should_have_been() -> None:
    message = _refused(open_zip, "cv.docx", b"PK\x03\x04 truncated", DOCUMENT_ZIP)
    assert "could not be read as a Word document (DOCX)" in message


def test_deadline_refuses_once_spent() -> None:
    Deadline(60).check("fine.pdf")
    spent = Deadline(0)
    assert "took longer than 0 seconds" in _refused(spent.check, "slow.pdf")


PDF_LIMITS = PdfLimits(
    max_pages=3, max_stream_bytes=100_000, max_unpacked_bytes=250_000, max_chars=1_000, seconds=20
)


def test_pdf_text_is_read_page_by_page() -> None:
    _, data = hostile.pdf_cv()
    assert pdf_pages_text("cv.pdf", data, PDF_LIMITS) == [
        "Data analyst: SQL, Excel, Tableau and stakeholder management."
    ]


def test_pdf_page_limit() -> None:
    _, data = hostile.pdf_many_pages(4)
    assert "has 4 pages, more than the 3" in _refused(pdf_pages_text, "long.pdf", data, PDF_LIMITS)


def test_pdf_stream_limit_holds_for_every_filter() -> None:
    big = hostile.text_content("SQL") + b" " * 200_000
    for encoded, filters in [
        (zlib.compress(big), "/FlateDecode"),
        (big.hex().encode() + b">", "/ASCIIHexDecode"),
        (zlib.compress(big).hex().encode() + b">", "[/ASCIIHexDecode /FlateDecode]"),
    ]:
        data = hostile.handmade_pdf([encoded], filters)
        message = _refused(pdf_pages_text, "bomb.pdf", data, PDF_LIMITS)
        assert "more than 100 kB" in message and "compression bomb" in message, filters


def test_pdf_total_unpacked_limit_across_pages() -> None:
    page = zlib.compress(hostile.text_content("SQL") + b" " * 90_000)  # under the per-stream limit
    data = hostile.handmade_pdf([page] * 3)
    assert "compression bomb" in _refused(pdf_pages_text, "pages.pdf", data, PDF_LIMITS)


def test_pdf_text_limit() -> None:
    data = hostile.handmade_pdf([zlib.compress(hostile.text_content("SQL " * 300))])
    assert "more than 1,000 characters" in _refused(pdf_pages_text, "wordy.pdf", data, PDF_LIMITS)


def test_pdf_parser_failures_become_one_sentence() -> None:
    broken = hostile.handmade_pdf([b"not zlib at all"])
    message = _refused(pdf_pages_text, "broken.pdf", broken[:200] + b"\x00" * 50, PDF_LIMITS)
    assert "could not be read as a PDF" in message
