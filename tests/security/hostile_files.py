"""Builders of hostile uploads, shared by the tests and the subprocess that measures them.

Each builder returns (file name, bytes) and keeps at most one copy of a large body in memory.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from collections.abc import Iterable

from tests.fixtures.files import xlsx_bytes

MB = 1024 * 1024
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
    '<sheets><sheet name="Apps" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
SHEET_HEAD = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}"><sheetData>'
SHEET_TAIL = "</sheetData></worksheet>"
STRINGS = ["Company", "Role", "Status", "Acme", "Data Analyst", "Rejected"]
LAUGHS = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))


def shared_row(number: int, *indexes: int) -> str:
    """A sheet row whose cells point into the shared strings."""
    cells = "".join(f'<c r="{"ABCDEFGH"[i]}{number}" t="s"><v>{s}</v></c>' for i, s in enumerate(indexes))
    return f'<row r="{number}">{cells}</row>'


def shared_strings(strings: list[str], doctype: str = "") -> str:
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<sst xmlns="{_MAIN}" count="{len(strings)}" '
        f'uniqueCount="{len(strings)}">{items}</sst>'
    )


def handmade_xlsx(sheet: Iterable[str], strings: str) -> bytes:
    """A minimal xlsx with one sheet streamed from ``sheet`` chunks (never held whole) and shared strings."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/sharedStrings.xml", strings)
        with archive.open("xl/worksheets/sheet1.xml", "w") as stream:
            for chunk in sheet:
                stream.write(chunk.encode())
    return out.getvalue()


def plain_sheet() -> list[str]:
    return [SHEET_HEAD, shared_row(1, 0, 1, 2), shared_row(2, 3, 4, 5), SHEET_TAIL]


def set_declared_size(data: bytes, member: str, size: int) -> bytes:
    """The archive with ``member``'s uncompressed size rewritten (local header and central directory)."""
    patched = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(member)
    struct.pack_into("<I", patched, info.header_offset + 22, size)
    entry = patched.find(b"PK\x01\x02")
    while entry >= 0:
        length = struct.unpack_from("<H", patched, entry + 28)[0]
        if bytes(patched[entry + 46 : entry + 46 + length]) == member.encode():
            struct.pack_into("<I", patched, entry + 24, size)
        entry = patched.find(b"PK\x01\x02", entry + 4)
    return bytes(patched)


# ------------------------------------------------------------------------------------ the scenarios


def laughs_in_shared_strings() -> tuple[str, bytes]:
    doctype = f'<!DOCTYPE sst [<!ENTITY lol0 "lol">{LAUGHS}]>'
    strings = shared_strings(["Company", "Role", "Status", "&lol9;", "Data Analyst", "Rejected"], doctype)
    return "laughs.xlsx", handmade_xlsx(plain_sheet(), strings)


def laughs_in_sheet() -> tuple[str, bytes]:
    doctype = f'<!DOCTYPE worksheet [<!ENTITY lol0 "lol">{LAUGHS}]>'
    head = SHEET_HEAD.replace("<worksheet", doctype + "<worksheet")
    bomb = '<row r="3"><c r="A3" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    sheet = [head, shared_row(1, 0, 1, 2), shared_row(2, 3, 4, 5), bomb, SHEET_TAIL]
    return "laughs-sheet.xlsx", handmade_xlsx(sheet, shared_strings(STRINGS))


def external_entity() -> tuple[str, bytes]:
    doctype = '<!DOCTYPE sst [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    strings = shared_strings(["Company", "Role", "Status", "&secret;", "Data Analyst", "Rejected"], doctype)
    return "xxe.xlsx", handmade_xlsx(plain_sheet(), strings)


def _many_rows(rows: int) -> Iterable[str]:
    yield SHEET_HEAD
    yield shared_row(1, 0, 1, 2)
    for start in range(2, rows + 2, 1000):
        yield "".join(shared_row(n, 3, 4, 5) for n in range(start, min(start + 1000, rows + 2)))
    yield SHEET_TAIL


def declared_huge_sheet() -> tuple[str, bytes]:
    """A real sheet whose zip directory declares 3.9 GB uncompressed."""
    data = handmade_xlsx(plain_sheet(), shared_strings(STRINGS))
    return "declared-huge.xlsx", set_declared_size(data, "xl/worksheets/sheet1.xml", 3_900_000_000)


def lying_sizes() -> tuple[str, bytes]:
    """A 24 MB sheet (200,000 rows) whose zip directory claims 100 kB, slipping past ratio checks."""
    data = handmade_xlsx(_many_rows(200_000), shared_strings(STRINGS))
    return "liar.xlsx", set_declared_size(data, "xl/worksheets/sheet1.xml", 100_000)


def over_the_size_limit(limit: int) -> tuple[str, bytes]:
    row = b"Acme,Data Analyst,Rejected\n"
    return "huge.csv", b"Company,Role,Status\n" + row * (limit // len(row) + 1)


def rows_csv(rows: int) -> tuple[str, bytes]:
    """A tidy CSV of ``rows`` tiny applications (1,000,001 rows: about 10 MB)."""
    return f"rows-{rows}.csv", b"Company,Status\n" + b"A,Applied\n" * rows


def ragged_rows_csv(rows: int) -> tuple[str, bytes]:
    """Rows with fewer fields than the header: the careful (Python) path, not Arrow's."""
    return f"ragged-{rows}.csv", b"Company,Status\n" + b"A\n" * rows


def long_cells_csv(cells_per_row: int = 2, rows: int = 5) -> tuple[str, bytes]:
    big = "x" * MB
    body = "".join(f"Acme {i},Analyst,Rejected,{','.join([big] * cells_per_row)}\n" for i in range(rows))
    notes = ",".join(f"Notes {j}" for j in range(cells_per_row))
    return "long-cells.csv", f"Company,Role,Status,{notes}\n{body}".encode()


def long_cells_xlsx(rows: int = 5) -> tuple[str, bytes]:
    """1 MB cells, written by hand: Excel and openpyxl stop at 32,767 characters, a crafted file need not."""
    big = "x" * MB

    def inline(ref: str, text: str) -> str:
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'

    sheet = [SHEET_HEAD, shared_row(1, 0, 1, 2).replace("</row>", inline("D1", "Notes") + "</row>")]
    for n in range(2, rows + 2):
        cells = inline(f"A{n}", f"Acme {n}") + inline(f"B{n}", "Analyst") + inline(f"C{n}", "Rejected")
        sheet.append(f'<row r="{n}">{cells}{inline(f"D{n}", big)}{inline(f"E{n}", big)}</row>')
    sheet.append(SHEET_TAIL)
    return "long-cells.xlsx", handmade_xlsx(sheet, shared_strings(STRINGS))


def wide_csv(columns: int = 10_000, rows: int = 20) -> tuple[str, bytes]:
    header = ",".join(["Company", "Role", "Status", *(f"Extra {i}" for i in range(columns - 3))])
    row = ",".join(["Acme", "Analyst", "Rejected", *(["x"] * (columns - 3))])
    return "wide.csv", (header + "\n" + "\n".join([row] * rows) + "\n").encode()


def wide_xlsx(columns: int = 10_000, rows: int = 5) -> tuple[str, bytes]:
    header = ["Company", "Role", "Status", *(f"Extra {i}" for i in range(columns - 3))]
    row = ["Acme", "Analyst", "Rejected", *(["x"] * (columns - 3))]
    return "wide.xlsx", xlsx_bytes({"Apps": [header, *([row] * rows)]})


def binary_junk(name: str, size: int = MB) -> tuple[str, bytes]:
    return name, random.Random(6).randbytes(size)


def nul_bytes_csv() -> tuple[str, bytes]:
    return "nul.csv", (
        b"Company,Role,Status\r\nAc\x00me,Data\x00 Analyst,Rejected\r\n\x00\x00\x00\x00\r\n"
        b"Globex,Engineer,Applied\r\n" + b"Initech,Analyst,Interview\x00\r\n"
    )


def renamed_pdf() -> tuple[str, bytes]:
    return "applications.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 50


def password_protected() -> tuple[str, bytes]:
    import msoffcrypto.format.ooxml

    plain = io.BytesIO(xlsx_bytes({"Apps": [["Company", "Role", "Status"], ["Acme", "Analyst", "Applied"]]}))
    encrypted = io.BytesIO()
    msoffcrypto.format.ooxml.OOXMLFile(plain).encrypt("secret", encrypted)
    return "locked.xlsx", encrypted.getvalue()


def tidy_csv(rows: int) -> tuple[str, bytes]:
    """A well-formed tracker of ``rows`` applications: the baseline hostile files are compared with."""
    line = b"Acme %d,Data Analyst,2025-01-15,Rejected\n"
    return "tidy.csv", b"Company,Role,Date applied,Status\n" + b"".join(line % (i % 500) for i in range(rows))


# ------------------------------------------------------------------------------------------ CV files

_W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_DOCX_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/></Relationships>'
)
CV_LINE = "Data analyst: SQL, Excel, Tableau and stakeholder management."
CV_PARAGRAPH = f"<w:p><w:r><w:t>{CV_LINE}</w:t></w:r></w:p>"


def handmade_docx(body: Iterable[str], doctype: str = "") -> bytes:
    """A minimal DOCX whose document body is streamed from ``body`` chunks (never held whole)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _DOCX_TYPES)
        archive.writestr("_rels/.rels", _DOCX_RELS)
        with archive.open("word/document.xml", "w") as stream:
            head = f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<w:document xmlns:w="{_W_MAIN}">'
            stream.write(f"{head}<w:body>".encode())
            for chunk in body:
                stream.write(chunk.encode())
            stream.write(b"</w:body></w:document>")
    return out.getvalue()


def docx_cv() -> tuple[str, bytes]:
    return "cv.docx", handmade_docx([CV_PARAGRAPH])


def docx_zip_bomb(megabytes: int = 300) -> tuple[str, bytes]:
    """A DOCX of about 1 MB whose document unpacks to ``megabytes`` MB of repeated paragraphs."""
    block = CV_PARAGRAPH * (MB // len(CV_PARAGRAPH))
    return "bomb.docx", handmade_docx(block for _ in range(megabytes))


def docx_laughs() -> tuple[str, bytes]:
    """A billion-laughs DOCX: nine levels of entities that would expand to 10^9 'lol's."""
    doctype = f'<!DOCTYPE w:document [<!ENTITY lol0 "lol">{LAUGHS}]>'
    return "laughs.docx", handmade_docx(["<w:p><w:r><w:t>SQL &lol9;</w:t></w:r></w:p>"], doctype)


def handmade_pdf(pages: list[bytes], filters: str = "/FlateDecode") -> bytes:
    """A minimal PDF with one page per already-encoded content stream (``filters`` says how)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font = 3 + 2 * len(pages)
    for i, content in enumerate(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
        )
        stream_filter = f" /Filter {filters}" if filters else ""
        objects.append(
            f"<< /Length {len(content)}{stream_filter} >>\nstream\n".encode() + content + b"\nendstream"
        )
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.writelines(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def text_content(line: str) -> bytes:
    return f"BT /F1 11 Tf 72 770 Td ({line}) Tj ET".encode()


def pdf_cv() -> tuple[str, bytes]:
    content = text_content(CV_LINE)
    return "cv.pdf", handmade_pdf([zlib.compress(content)])


def pdf_bomb(megabytes: int = 200) -> tuple[str, bytes]:
    """A one-page PDF of about 1 MB whose content stream inflates to ``megabytes`` MB."""
    packer = zlib.compressobj(9)
    head = text_content(CV_LINE) + b"\n"
    chunks = [packer.compress(head)]
    filler = b" " * MB
    chunks.extend(packer.compress(filler) for _ in range(megabytes))
    chunks.append(packer.flush())
    return "bomb.pdf", handmade_pdf([b"".join(chunks)])


def pdf_many_pages(pages: int = 2_000) -> tuple[str, bytes]:
    content = zlib.compress(text_content("Data analyst: SQL, Excel, Tableau."))
    return "many-pages.pdf", handmade_pdf([content] * pages)


# --------------------------------------------------------------------------------- workbooks and text


def many_sheets_xlsx(sheets: int = 200, rows: int = 5_000) -> tuple[str, bytes]:
    """``sheets`` sheets of ``rows`` applications each: every sheet is a plausible tracker."""
    names = [f"Apps {i}" for i in range(sheets)]
    types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(sheets)
    )
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
        + "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i}"/>' for i, n in enumerate(names))
        + "</sheets></workbook>"
    )
    rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(sheets)
        )
        + f'<Relationship Id="rIdS" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
    )
    sheet = "".join(_many_rows(rows)).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _TYPES.replace("</Types>", types + "</Types>"))
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", rels)
        archive.writestr("xl/sharedStrings.xml", shared_strings(STRINGS))
        for i in range(sheets):
            archive.writestr(f"xl/worksheets/sheet{i}.xml", sheet)
    return "many-sheets.xlsx", out.getvalue()


def long_status_csv(megabytes: int = 30, cell_kb: int = 1024) -> tuple[str, bytes]:
    """Rows whose Status cell is a pasted e-mail of ``cell_kb`` KB of words, ``megabytes`` MB in all."""
    rng = random.Random(13)
    words = ["thank", "you", "for", "your", "interest", "we", "regret", "interview", "screen", "next"]
    text = " ".join(rng.choice(words) for _ in range(cell_kb * 1024 // 6))[: cell_kb * 1024]
    rows = max(1, megabytes * 1024 // cell_kb)
    body = "".join(f"Acme {i},Data Analyst,2025-01-15,{text}\n" for i in range(rows))
    return "long-status.csv", ("Company,Role,Date applied,Status\n" + body).encode()
