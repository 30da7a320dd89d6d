"""Staff import of figures (Nhập dữ liệu): from an uploaded spreadsheet to the curated CSVs.

Pipeline, shared by the page (`pages/import.py`) and `python -m govdash import FILE`:

1. **Read** (`imports.read`): CSV/TSV/TXT in UTF-8 or UTF-16, any of `,` `;` tab, or
   `.xlsx`; legacy Vietnamese encodings, binaries and formulas refused with a reason.
2. **Normalise** each row: locality by code or name (with or without diacritics, NFC or NFD,
   "Tỉnh"/"TP" prefixes, a name shared by two codes settled by the figure's period), indicator
   by id or name, body/status/qualifier/period kind by key or Vietnamese word, numbers and
   dates the Vietnamese way (`imports.vnparse`, which documents the rule for `1.484`). Unknown
   localities and indicators come with the closest matches (difflib on folded names).
3. **Plan**: a source named by `source_id` or created from `source_title`/`source_publisher`/
   `source_url`/`source_published` (an identical existing source is reused); figure ids
   `<source_id>-<nn>`; a row with the same locality, body, indicator, period (and plan vs
   result) as an existing figure is *unchanged* when identical; *kept beside* it when the row
   says so in its `preferred` column or is the final after an estimate (the existing figure
   stops being preferred when the new one is: a `Demotion`, undone by rollback); else a
   *conflict* the editor resolves (replace / skip); never silently added. New indicators come
   from the workbook's "Chỉ tiêu mới" sheet (`imports.indicators`). A new source no figure of
   the import uses is not created.
4. **Stage and validate**: the whole data folder is copied with the rows merged in exactly as
   they would be written, and `govdash.validate.validate` (the rules of `python -m govdash
   validate`) runs on it; each problem is mapped back to the uploaded row and column. Problems
   the data already had are not blamed on the upload.
5. **Preview**: new figures, replaced figures (old and new value), pages and charts affected.
6. **Commit**, all rows or none, only with no error and every conflict resolved, under the
   data folder's lock, through `govdash.db.journal` (temporary files + fsync, a journal as the
   commit point, `os.replace`, roll-forward recovery: a crash at any moment leaves the old
   data or the new, never a mix). The bytes committed are the bytes validated; if the data
   changed since the preview the commit is refused (`digest`).
7. **Audit**: `imports/<import_id>.json` in the data folder, written in the same atomic change:
   editor, time, file name and SHA-256, every row added, every row replaced (old content and
   position), sources added, file hashes before and after. **Rollback** removes exactly those
   rows and puts the replaced ones back where they were (byte-identical files when nothing
   else changed since), recorded as `imports/<import_id>.rollback.json`.

Issues are `govdash.validate.Problem`s (file = the uploaded file's name, row = its spreadsheet
row, header = 1), with reasons in the editor's language.

The room (`govdash.imports`), one module per stage:
- `read`: bytes of an upload to a sheet of cells (encodings, delimiters, `.xlsx`); `vnenc` tells
  legacy Vietnamese encodings apart; `vnparse` reads numbers and dates as Vietnamese writes them.
- `current`: the upload's columns and value words, and the curated data an import is checked
  against (`Current`, `Lookup`, `Outcome`, `ImportPlan`).
- `normalise`: header and rows to curated values.
- `plan`: sources, figure ids, new / unchanged / conflicting rows (`prepare`).
- `stage`: the data folder with the rows merged in, validated, problems mapped back to the upload.
- `commit`: `check`, `commit`, audit, `history`, `rollback`, `recover`.
- `template`: the CSV / Excel template staff fill in.
- `indicators`: new indicators from the template's "Chỉ tiêu mới" sheet.
- `auth`: editor accounts and the sign-in throttle.
- `cli` adds the `import`, `imports`, `rollback`, `template` and `editor` commands; `ui` is the
  Nhập dữ liệu page (the only module here that imports Streamlit).

May import the core (`govdash.db`, `fmt`, `i18n`, `paths`, `text`, `validate`); never another
feature room.
"""
from govdash.imports.commit import check, commit, history, plan_counts, record_counts, recover, rollback
from govdash.imports.current import (
                                     AUDIT_DIR,
                                     DOMAIN_PAGES,
                                     IMPORT_STATUSES,
                                     REQUIRED,
                                     Current,
                                     ImportPlan,
                                     Lookup,
                                     Outcome,
                                     Result,
                                     load_current,
)
from govdash.imports.plan import prepare

__all__ = ["AUDIT_DIR", "DOMAIN_PAGES", "IMPORT_STATUSES", "REQUIRED", "Current", "ImportPlan",
           "Lookup", "Outcome", "Result", "check", "commit", "history", "load_current", "plan_counts",
           "prepare", "record_counts", "recover", "rollback"]
