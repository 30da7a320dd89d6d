"""A document's text, from the bytes staff upload or paste: `.txt` (UTF-8 or UTF-16, with the
importer's refusal of legacy Vietnamese encodings), `.docx` (paragraphs and tables in document
order, a table row as its cells joined by ` | `, python-docx) and `.pdf` with a text layer
(pages joined by blank lines, pypdf). Offsets of candidates are offsets into `Document.text`,
NFC-normalised. Refused with a reason (`ExtractError.key`, in the catalogue): an empty file, an
unknown extension, a damaged or encrypted file, a PDF with no text (scanned: it needs OCR, which
govdash does not do), a file over `MAX_BYTES`.
"""
from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass

from govdash.imports import read as import_read

MAX_BYTES = 20 * 1024 * 1024
EXTENSIONS = ("txt", "docx", "pdf")
MIN_PDF_CHARS = 20  # fewer letters than this over all pages: a scan, not a text layer


class ExtractError(Exception):
    """The document cannot be read; `key` and `values` name the reason in the catalogue."""

    def __init__(self, key: str, **values: object):
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Document:
    """The text of a document and what it was."""
    name: str
    kind: str     # txt, docx, pdf, pasted
    text: str
    pages: int = 1


def _nfc(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\u00a0", " ").lstrip("\ufeff")


def from_text(text: str, name: str = "văn bản dán") -> Document:
    """Pasted text as a document."""
    if not text.strip():
        raise ExtractError("ext_err_empty")
    return Document(name, "pasted", _nfc(text))


def read_document(data: bytes, file_name: str) -> Document:
    """The text of an uploaded `.txt`, `.docx` or `.pdf`; ExtractError when it cannot be read."""
    ext = import_read.extension(file_name)
    if ext not in EXTENSIONS:
        raise ExtractError("ext_err_extension", ext=ext or "—", allowed=", ".join(EXTENSIONS))
    if not data:
        raise ExtractError("ext_err_empty")
    if len(data) > MAX_BYTES:
        raise ExtractError("ext_err_too_big", limit=MAX_BYTES // 1024 // 1024)
    reader = {"txt": _txt, "docx": _docx, "pdf": _pdf}[ext]
    text, pages = reader(data)
    text = _nfc(text)
    if not text.strip():
        raise ExtractError("ext_err_empty")
    return Document(file_name, ext, text, pages)


def _txt(data: bytes) -> tuple[str, int]:
    kind = import_read.sniff(data)
    if kind in ("zip", "ole", "binary"):
        raise ExtractError("ext_err_binary")
    try:
        text, _ = import_read.decode(data)
    except import_read.ReadError as e:  # legacy encodings are named as the importer names them
        raise ExtractError(e.key, **e.values) from None
    return text, 1


def _docx(data: bytes) -> tuple[str, int]:
    """Paragraphs and tables of the body in order; each table row one line, cells ` | `."""
    if not data.startswith(b"PK"):
        raise ExtractError("ext_err_not_docx")
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, Exception):  # noqa: BLE001 - any parse failure
        raise ExtractError("ext_err_not_docx") from None
    lines = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if not cells or cells[-1] != value:  # merged cells repeat their text
                        cells.append(value)
                lines.append(" | ".join(cells))
    return "\n".join(lines), 1


def _pdf(data: bytes) -> tuple[str, int]:
    if not data.startswith(b"%PDF"):
        raise ExtractError("ext_err_not_pdf")
    try:
        from pypdf import PdfReader
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ExtractError("ext_err_encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ExtractError:
        raise
    except Exception:  # noqa: BLE001 - a damaged PDF of any kind
        raise ExtractError("ext_err_not_pdf") from None
    text = "\n\n".join(p.strip("\n") for p in pages)
    if sum(c.isalpha() for c in text) < MIN_PDF_CHARS:
        raise ExtractError("ext_err_scanned", pages=len(pages))
    return text, len(pages)
