"""The one error the importer raises when an upload cannot be used."""

from __future__ import annotations

# The file kinds read, by their names' endings (the upload box offers these; .ndjson and .yml are the
# other spellings of .jsonl and .yaml)
_WORKBOOKS = ("xlsx", "xlsm", "xls", "ods")
_TEXTS = ("csv", "tsv", "txt", "md", "org")
_DOCUMENTS = ("json", "jsonl", "ndjson", "yaml", "yml")
EXTENSIONS = (*_WORKBOOKS, *_TEXTS, *_DOCUMENTS)
_NAMED = [f".{extension}" for extension in EXTENSIONS if extension not in ("ndjson", "yml")]
ACCEPTED = f"Upload {', '.join(_NAMED[:-1])} or {_NAMED[-1]}."


class InputError(Exception):
    """The input cannot be used.

    ``str(e)`` is ONE plain sentence for the user: what is wrong and what we expect, naming the file,
    e.g. "'cv.xlsx' is not a spreadsheet (it looks like a PDF). Upload .xlsx, .xlsm, .xls, .ods, .csv,
    .tsv, .txt or .md."
    """


def empty_file(file_name: str) -> InputError:
    """The refusal of a file with nothing in it."""
    return InputError(f"'{file_name}' is empty. Upload a file with a header row and your applications.")
