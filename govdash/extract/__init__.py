"""Nhập từ văn bản: from a document to candidate figures a staff member reviews and imports.

Rule-based, explainable and offline: every candidate carries its verbatim quote with offsets,
value, unit, indicator, period, status, qualifier, body and locality, a confidence, and the cue
words that decided each field. Nothing is invented: a field it cannot tell stays empty and is
flagged; nothing is rounded; no figure is computed.

The room (`govdash.extract`):
- `read`: a document's text with offsets from `.txt` (the importer's encodings), `.docx`
  (paragraphs and tables, python-docx) and `.pdf` with a text layer (pypdf); scanned,
  encrypted or unreadable files are refused with a reason.
- `numbers`: number spans of running text, read by `govdash.imports.vnparse`; the forms that
  are never figures (dates, years, ordinals, document numbers, phones, section numbers).
- `cues`: the cue words of the language and genre for units, status, qualifier, change,
  period and body.
- `match`: the indicator, from `data/indicators.csv` and `data/indicator_cues.csv` (metadata).
- `candidates`: segmentation and the assembly of candidates (`extract`).
- `template`: candidates as rows of the import template (`govdash.imports.template.COLUMNS`),
  and the document as a new source whose text goes under `data/seeds/`.
- `cli` adds `python -m govdash extract`; `ui` is the "Từ văn bản" part of the Nhập dữ liệu
  page (the only module here that imports Streamlit).

May import the core and, as an exception recorded in `tests/test_layers.py`, `govdash.imports`
(it feeds the import path and reuses its number parsing, encodings and template).
"""
from govdash.extract.candidates import HIGH_CONFIDENCE, Candidate, extract, high_confidence

__all__ = ["HIGH_CONFIDENCE", "Candidate", "extract", "high_confidence"]
