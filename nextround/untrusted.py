"""The resource guard around every file a user gives us: limits checked before any parser runs.

ZIP-based formats (xlsx, xlsm, ods, docx) are checked from the archive's own directory before anything
is unpacked: how many parts it declares, how big they unpack, and how hard each part is compressed.
Their XML is read without a DTD, so no entity is ever expanded (defusedxml). A PDF's text is read
page by page under a page limit, a per-stream and a total limit on unpacked bytes (pypdf's own limits,
lowered), and a time budget (``Deadline``). Every refusal, and every failure of a parser on the file,
is an ``UntrustedFileError``: one sentence for the user.
"""

from __future__ import annotations

import io
import struct
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Final
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from pypdf import PageObject, PdfReader, apply_configuration
from pypdf.errors import LimitReachedError
from pypdf.generic import ArrayObject

from nextround.importing.errors import InputError

_END_OF_DIRECTORY: Final = b"PK\x05\x06"
_ZIP64_END_OF_DIRECTORY: Final = b"PK\x06\x06"
_ZIP64_LOCATOR: Final = b"PK\x06\x07"
_MAX_ZIP_COMMENT: Final = 65_535
_DIRECTORY_BYTES_PER_PART: Final = 512  # 46 fixed bytes and a name: real office parts need far less


class UntrustedFileError(InputError):
    """A file broke one of the guard's limits or could not be parsed; ``str()`` is one sentence."""


@dataclass(frozen=True)
class ZipLimits:
    """How much a ZIP-based file may unpack to; ``kind`` and ``holds`` name the file in messages."""

    kind: str
    holds: str
    max_parts: int
    max_unpacked_bytes: int
    max_part_ratio: int  # unpacked / packed size of one part
    ratio_from_bytes: int  # parts smaller than this are not ratio-checked: tiny repetitive XML packs well


# A workbook of a million applications unpacks to about 1 GB; repeated rows pack up to ~200:1 when large.
SPREADSHEET_ZIP: Final = ZipLimits(
    kind="a spreadsheet",
    holds="a spreadsheet of applications",
    max_parts=10_000,
    max_unpacked_bytes=1_500_000_000,
    max_part_ratio=200,
    ratio_from_bytes=50_000_000,
)
# A CV is a few pages: its XML is well under 5 MB, its photos are already compressed.
DOCUMENT_ZIP: Final = ZipLimits(
    kind="a Word document (DOCX)",
    holds="a CV",
    max_parts=1_000,
    max_unpacked_bytes=100_000_000,
    max_part_ratio=100,
    ratio_from_bytes=1_000_000,
)


def check_zip(file_name: str, data: bytes, limits: ZipLimits = SPREADSHEET_ZIP) -> None:
    """Refuse a ZIP-based file (xlsx, xlsm, ods, docx) that could exhaust the machine, before parsing it.

    Checks, in order: the part count declared by the archive's end record (before the directory is
    read), the unpacked sizes and per-part compression ratios in the central directory (before any part
    is unpacked), then that no XML part declares a DTD (only each part's prolog is read). Raises
    ``UntrustedFileError``; a file that is not a ZIP at all is refused as damaged.
    """
    with open_zip(file_name, data, limits) as archive:
        for info in archive.infolist():
            if info.filename.lower().endswith((".xml", ".rels")):
                with _member(file_name, archive, info) as stream:
                    _check_prolog(file_name, stream)


def open_zip(file_name: str, data: bytes, limits: ZipLimits) -> zipfile.ZipFile:
    """The archive, opened only once its declared part count, sizes and ratios are within ``limits``."""
    parts, directory_bytes = _end_record(data)
    if parts > limits.max_parts or directory_bytes > limits.max_parts * _DIRECTORY_BYTES_PER_PART:
        parts = max(parts, directory_bytes // _DIRECTORY_BYTES_PER_PART)
        raise UntrustedFileError(
            f"'{file_name}' holds {parts:,} parts or more, far more than {limits.holds} has (at most "
            f"{limits.max_parts:,}), so it was not opened."
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as error:
        raise UntrustedFileError(
            f"'{file_name}' could not be read as {limits.kind}: it is a damaged ZIP file. "
            "Save it again and re-upload."
        ) from error
    if len(infos) > limits.max_parts:  # an end record that under-declares its parts
        archive.close()
        raise UntrustedFileError(
            f"'{file_name}' holds {len(infos):,} parts, far more than {limits.holds} has (at most "
            f"{limits.max_parts:,}), so it was not opened."
        )
    total = sum(info.file_size for info in infos)
    packed_hard = [
        info
        for info in infos
        if info.file_size > limits.ratio_from_bytes
        and info.file_size > limits.max_part_ratio * max(info.compress_size, 1)
    ]
    if total > limits.max_unpacked_bytes or packed_hard:
        archive.close()
        raise UntrustedFileError(
            f"'{file_name}' would unpack to {_size(total)}, far more than {limits.holds} holds, "
            "so it was not opened (it may be a zip bomb)."
        )
    return archive


def declared_part_count(data: bytes) -> int | None:
    """The number of parts the archive's end-of-directory record declares, or None when there is none.

    Read from the last bytes of the file, so a directory of millions of entries is never parsed.
    """
    parts, directory_bytes = _end_record(data)
    return parts if parts or directory_bytes else None


def _end_record(data: bytes) -> tuple[int, int]:
    """(parts, central directory bytes) from the end records (zip64 too); (0, 0) when there are none."""
    start = data.rfind(_END_OF_DIRECTORY, max(0, len(data) - 22 - _MAX_ZIP_COMMENT))
    if start < 0 or start + 22 > len(data):
        return 0, 0
    count, size = struct.unpack_from("<HI", data, start + 10)
    locator = start - 20
    if locator >= 0 and data[locator : locator + 4] == _ZIP64_LOCATOR:
        record = struct.unpack_from("<Q", data, locator + 8)[0]
        if 0 <= record <= len(data) - 56 and data[record : record + 4] == _ZIP64_END_OF_DIRECTORY:
            count64, size64 = struct.unpack_from("<QQ", data, record + 32)
            count, size = max(count, count64), max(size, size64)
    return count, size


def iter_xml(file_name: str, stream: IO[bytes], deadline: Deadline | None = None) -> Iterator[Element]:
    """Each element of an XML stream as it ends, parsed without a DTD (so no entity is ever expanded).

    The caller may ``clear()`` elements it is done with, to read a large part in little memory.
    """
    try:
        for count, (_event, element) in enumerate(iterparse(stream, events=("end",), forbid_dtd=True)):
            if deadline is not None and count % 10_000 == 0:
                deadline.check(file_name)
            yield element
    except DefusedXmlException as error:
        raise _declares_dtd(file_name) from error
    except (ParseError, ValueError, OSError, EOFError, zipfile.BadZipFile) as error:
        raise UntrustedFileError(f"'{file_name}' holds damaged XML and cannot be read.") from error


class Deadline:
    """A time budget for reading one file, checked between steps of bounded size."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._ends = time.monotonic() + seconds

    def check(self, file_name: str) -> None:
        if time.monotonic() > self._ends:
            raise UntrustedFileError(
                f"'{file_name}' took longer than {self.seconds:g} seconds to read, so reading stopped; "
                "save it again from the program that made it, or try another format."
            )


def _member(file_name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> IO[bytes]:
    try:
        return archive.open(info)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, OSError) as error:
        # encrypted parts, unknown compression: nothing we could read anyway
        raise UntrustedFileError(
            f"'{file_name}' is damaged or encrypted and cannot be opened; save it again and re-upload."
        ) from error


def _check_prolog(file_name: str, stream: IO[bytes]) -> None:
    """Parse up to the first element: a DOCTYPE can only stand before it (in any encoding)."""
    try:
        for _event in iterparse(stream, events=("start",), forbid_dtd=True):
            return
    except DefusedXmlException as error:
        raise _declares_dtd(file_name) from error
    except (ParseError, ValueError, OSError, EOFError, zipfile.BadZipFile):
        return  # damaged XML is refused by the parser that reads the part


def _declares_dtd(file_name: str) -> UntrustedFileError:
    return UntrustedFileError(
        f"'{file_name}' declares XML entities, which office programs never write, so it was not opened "
        "(it may be an XML bomb); open it in the program that made it and save it again."
    )


def _size(count: int) -> str:
    if count >= 1e9:
        return f"{count / 1e9:,.1f} GB"
    return f"{count / 1e6:,.0f} MB" if count >= 1e6 else f"{count / 1e3:,.0f} kB"


# ------------------------------------------------------------------------------------------------ PDF


@dataclass(frozen=True)
class PdfLimits:
    """How much reading a PDF's text may cost."""

    max_pages: int
    max_stream_bytes: int  # unpacked size of any one stream (pypdf enforces it for every filter)
    max_unpacked_bytes: int  # unpacked page content of the whole document
    max_chars: int  # text extracted from the whole document
    seconds: float  # checked between pages; each page's work is bounded by the limits above


# A CV is one to a few pages; a long academic one reaches 30 pages and ~150,000 characters.
CV_PDF: Final = PdfLimits(
    max_pages=50,
    max_stream_bytes=10_000_000,
    max_unpacked_bytes=50_000_000,
    max_chars=500_000,
    seconds=20,
)


_PYPDF_STREAM_LIMITS: Final = (
    "zlib_maximum_output_length",
    "lzw_maximum_output_length",
    "run_length_maximum_output_length",
    "brotli_maximum_output_length",
    "jbig2_maximum_output_length",
    "array_based_stream_maximum_output_length",
    "image_maximum_buffer_size",
    "maximum_declared_stream_length",
)


def pdf_pages_text(file_name: str, data: bytes, limits: PdfLimits = CV_PDF) -> list[str]:
    """The text of each page. Raises ``UntrustedFileError`` for a limit broken, a password, or damage."""
    deadline = Deadline(limits.seconds)
    config = dict.fromkeys(_PYPDF_STREAM_LIMITS, limits.max_stream_bytes)
    try:
        with apply_configuration(None, **config, xform_maximum_invocations_per_extraction=500):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise UntrustedFileError(
                    f"'{file_name}' is password-protected. Save it without a password and upload it again."
                )
            if len(reader.pages) > limits.max_pages:
                raise UntrustedFileError(
                    f"'{file_name}' has {len(reader.pages):,} pages, more than the {limits.max_pages} a CV "
                    "can have here; upload the CV on its own."
                )
            return _pages_text(file_name, reader, limits, deadline)
    except UntrustedFileError:
        raise
    except LimitReachedError as error:
        raise _pdf_bomb(file_name, limits.max_stream_bytes) from error
    except Exception as error:  # any failure of the parser on this file is the file's
        raise UntrustedFileError(
            f"'{file_name}' could not be read as a PDF (the file looks damaged)."
        ) from error


def _pages_text(file_name: str, reader: PdfReader, limits: PdfLimits, deadline: Deadline) -> list[str]:
    texts: list[str] = []
    unpacked = chars = 0
    for page in reader.pages:
        deadline.check(file_name)
        unpacked += _content_bytes(page)
        if unpacked > limits.max_unpacked_bytes:
            raise _pdf_bomb(file_name, limits.max_unpacked_bytes)
        text = page.extract_text() or ""
        chars += len(text)
        if chars > limits.max_chars:
            raise too_much_text(file_name, limits.max_chars)
        texts.append(text)
    deadline.check(file_name)
    return texts


def _content_bytes(page: PageObject) -> int:
    """Unpacked size of the page's content streams, each bounded by pypdf's (lowered) limits."""
    contents = page.get("/Contents")
    if contents is None:
        return 0
    contents = contents.get_object()
    streams = contents if isinstance(contents, ArrayObject) else [contents]
    return sum(len(stream.get_object().get_data()) for stream in streams)


def _pdf_bomb(file_name: str, limit: int) -> UntrustedFileError:
    return UntrustedFileError(
        f"'{file_name}' would unpack to more than {_size(limit)}, far more than a CV holds, "
        "so reading stopped (it may be a compression bomb)."
    )


def too_much_text(file_name: str, max_chars: int) -> UntrustedFileError:
    return UntrustedFileError(
        f"'{file_name}' holds more than {max_chars:,} characters of text, far more than a CV; "
        "upload the CV on its own, or type your skills instead."
    )
