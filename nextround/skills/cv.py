"""Read the text of a CV given as PDF, DOCX or plain text, with a clear message when it cannot be read.

Every format is read inside the resource guard (``nextround.untrusted``): a CV that would unpack to
hundreds of megabytes, declares XML entities, or takes too long is refused with one sentence.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import PurePath
from typing import Final

from charset_normalizer import from_bytes

from nextround.importing.errors import InputError
from nextround.untrusted import (
    CV_PDF,
    DOCUMENT_ZIP,
    Deadline,
    UntrustedFileError,
    iter_xml,
    open_zip,
    pdf_pages_text,
    too_much_text,
)

CV_TYPES: Final[tuple[str, ...]] = ("pdf", "docx", "txt")
MAX_CV_BYTES: Final = 20 * 1024 * 1024
MAX_CV_CHARS: Final = CV_PDF.max_chars
_MIN_TEXT_CHARS: Final = 20  # less than this from a whole CV means there is no real text layer
_WHAT_WORKS: Final = (
    "Upload a PDF saved from a word processor, a DOCX or a TXT file, or type your skills instead."
)
_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RELATIONSHIP: Final = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def read_cv_text(data: bytes, filename: str) -> str:
    """The CV's text. Raises ``InputError`` with one sentence for the user when it cannot be read."""
    name = PurePath(filename).name or "the CV"
    if not data:
        raise InputError(f"'{name}' is empty. {_WHAT_WORKS}")
    if len(data) > MAX_CV_BYTES:
        raise InputError(f"'{name}' is larger than 20 MB, which is too big for a CV. {_WHAT_WORKS}")
    kind = _kind(data, name)
    readers: dict[str, Callable[[bytes, str], str]] = {
        "pdf": _pdf_text,
        "docx": _docx_text,
        "txt": _plain_text,
    }
    if kind == "broken-pdf":
        raise InputError(f"'{name}' could not be read as a PDF (the file looks damaged). {_WHAT_WORKS}")
    if kind == "broken-docx":
        raise InputError(f"'{name}' could not be read as a Word document (DOCX). {_WHAT_WORKS}")
    if kind not in readers:
        raise InputError(f"'{name}' is not a PDF, DOCX or TXT file. {_WHAT_WORKS}")
    text = _guarded(readers[kind], data, name)
    if len("".join(text.split())) < _MIN_TEXT_CHARS:
        if kind == "pdf":
            raise InputError(f"'{name}' has no readable text: it looks like a scanned image. {_WHAT_WORKS}")
        raise InputError(f"'{name}' has almost no text in it. {_WHAT_WORKS}")
    return text


def _guarded(reader: Callable[[bytes, str], str], data: bytes, name: str) -> str:
    """Run a reader on the untrusted bytes: its refusals pass through, any other failure becomes one."""
    try:
        return reader(data, name)
    except InputError:
        raise
    except Exception as error:  # a parser failing on a user's file is the file's problem
        raise InputError(f"'{name}' could not be read (the file looks damaged). {_WHAT_WORKS}") from error


def _kind(data: bytes, name: str) -> str:
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        return "docx"
    suffix = PurePath(name).suffix.lower().lstrip(".")
    if suffix in {"pdf", "docx"}:
        return f"broken-{suffix}"
    if suffix in {"doc", "odt", "rtf", "pages"}:
        return "other"
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "other"
    return "txt"


def _pdf_text(data: bytes, name: str) -> str:
    try:
        return "\n".join(pdf_pages_text(name, data, CV_PDF))
    except UntrustedFileError as error:
        if "damaged" in str(error):
            raise InputError(f"{error} {_WHAT_WORKS}") from error
        raise


def _docx_text(data: bytes, name: str) -> str:
    """The text of the main document part, one line per paragraph (text boxes and tables included)."""
    deadline = Deadline(CV_PDF.seconds)
    with open_zip(name, data, DOCUMENT_ZIP) as archive:
        part = _main_part(name, archive, deadline)
        if part not in archive.namelist():
            raise InputError(f"'{name}' could not be read as a Word document (DOCX). {_WHAT_WORKS}")
        lines: list[str] = []
        runs: list[str] = []
        chars = 0
        with archive.open(part) as stream:
            for element in iter_xml(name, stream, deadline):
                tag = element.tag
                if tag == f"{_W}t":
                    runs.append(element.text or "")
                elif tag == f"{_W}tab":
                    runs.append("\t")
                elif tag in {f"{_W}br", f"{_W}cr"}:
                    runs.append("\n")
                elif tag == f"{_W}p":
                    lines.append("".join(runs))
                    chars += len(lines[-1])
                    if chars > MAX_CV_CHARS:
                        raise too_much_text(name, MAX_CV_CHARS)
                    runs.clear()
                    element.clear()
        return "\n".join(lines)


def _main_part(name: str, archive: zipfile.ZipFile, deadline: Deadline) -> str:
    """The document part the package's relationships point to (``word/document.xml`` when unnamed)."""
    if "_rels/.rels" in archive.namelist():
        with archive.open("_rels/.rels") as stream:
            for element in iter_xml(name, stream, deadline):
                if element.tag == _RELATIONSHIP and element.get("Type", "").endswith("/officeDocument"):
                    return element.get("Target", "").lstrip("/")
    return "word/document.xml"


def _plain_text(data: bytes, name: str) -> str:
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise InputError(f"'{name}' is not readable text. {_WHAT_WORKS}") from None
        text = str(best)
    if len(text) > MAX_CV_CHARS:
        raise too_much_text(name, MAX_CV_CHARS)
    return text
