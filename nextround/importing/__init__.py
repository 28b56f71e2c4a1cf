"""Read what the user uploads, however messy, into the canonical table and an import report."""

from nextround.importing.errors import InputError
from nextround.importing.pipeline import ImportOptions, ImportResult, SourceFile, import_files, import_paths
from nextround.importing.report import ImportReport, RowWarning, SkippedRow

__all__ = [
    "ImportOptions",
    "ImportReport",
    "ImportResult",
    "InputError",
    "RowWarning",
    "SkippedRow",
    "SourceFile",
    "import_files",
    "import_paths",
]
