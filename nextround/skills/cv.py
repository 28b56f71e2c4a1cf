"""Read the text of a CV given as PDF, DOCX or plain text, with a clear message when it cannot be read."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath
from typing import Final

from charset_normalizer import from_bytes
from docx import Document
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from nextround.importing.errors import InputError

CV_TYPES: Final[tuple[str, ...]] = ("pdf", "docx", "txt")
MAX_CV_BYTES: Final = 20 * 1024 * 1024
_MIN_TEXT_CHARS: Final = 20  # less than this from a whole CV means there is no real text layer
_WHAT_WORKS: Final = (
    "Upload a PDF saved from a word processor, a DOCX or a TXT file, or type your skills instead."
)


def read_cv_text(data: bytes, filename: str) -> str:
    """The CV's text. Raises ``InputError`` with one sentence for the user when it cannot be read."""
    name = PurePath(filename).name or "the CV"
    if not data:
        raise InputError(f"'{name}' is empty. {_WHAT_WORKS}")
    if len(data) > MAX_CV_BYTES:
        raise InputError(f"'{name}' is larger than 20 MB, which is too big for a CV. {_WHAT_WORKS}")
    kind = _kind(data, name)
    if kind == "pdf":
        text = _pdf_text(data, name)
    elif kind == "docx":
        text = _docx_text(data, name)
    elif kind == "txt":
        text = _plain_text(data, name)
    elif kind == "broken-pdf":
        raise InputError(f"'{name}' could not be read as a PDF (the file looks damaged). {_WHAT_WORKS}")
    elif kind == "broken-docx":
        raise InputError(f"'{name}' could not be read as a Word document (DOCX). {_WHAT_WORKS}")
    else:
        raise InputError(f"'{name}' is not a PDF, DOCX or TXT file. {_WHAT_WORKS}")
    if len("".join(text.split())) < _MIN_TEXT_CHARS:
        if kind == "pdf":
            raise InputError(f"'{name}' has no readable text: it looks like a scanned image. {_WHAT_WORKS}")
        raise InputError(f"'{name}' has almost no text in it. {_WHAT_WORKS}")
    return text


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
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(
                f"'{name}' is password-protected. Save it without a password and upload it again."
            )
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise InputError(
            f"'{name}' could not be read as a PDF (the file looks damaged). {_WHAT_WORKS}"
        ) from error


def _docx_text(data: bytes, name: str) -> str:
    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise InputError(f"'{name}' could not be read as a Word document (DOCX). {_WHAT_WORKS}") from error
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("  ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _plain_text(data: bytes, name: str) -> str:
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"'{name}' is not readable text. {_WHAT_WORKS}")
    return str(best)
