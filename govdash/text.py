"""Text helpers: Vietnamese-aware folding for search that ignores diacritics, and the one
Markdown escape for text from users or the data shown by a Markdown-rendering element."""
from __future__ import annotations

import functools
import re
import unicodedata

# Bidirectional controls (embeddings, overrides, isolates, marks): they reorder what is shown
# around them, so a label can read as something else (CVE-2021-42574).
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# What gives text a meaning in Streamlit's Markdown, anywhere in a line: links and images (`[`,
# `]`), emphasis, code, strikethrough, KaTeX `$`, HTML and autolinks `<`, tables `|`; at the
# start of a line: headings, quotes, lists, setext and thematic breaks.
_MD_ANYWHERE = re.compile(r"([\\`*_\[\]<|~$])")
_MD_LINE_START = re.compile(r"^([ \t]*)([#>+=-]|\d+(?=[.)]))", re.MULTILINE)
# Streamlit turns `www.x`, `http://x` and `a@b.c` into links, and `:material/x:` and `:smile:`
# into icons, after the Markdown is parsed, where backslashes no longer count: a word joiner
# (U+2060, invisible) breaks each such pattern (and `:red[...]` directives with them).
_AUTOLINK = re.compile(r"(?i)(?<=www)(?=\.)|(?<=[a-z])(?=://)|(?<=@)|(?<=:)(?=[a-z])")
WORD_JOINER = "\u2060"


def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ → d) and collapse spaces: "Hải Phòng" → "hai phong"."""
    text = unicodedata.normalize("NFD", text or "")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    text = text.replace("đ", "d").replace("Đ", "D").replace("Ð", "D")
    return " ".join(text.lower().split())


def matches(query: str, *texts: str) -> bool:
    """True when every word of `query` occurs in one of `texts`, ignoring case and diacritics."""
    words = fold(query).split()
    hay = " ".join(fold(t) for t in texts if t)
    return all(w in hay for w in words)


def strip_controls(text: str) -> str:
    """`text` without bidirectional controls and control characters other than tab and newline."""
    return _CONTROLS.sub("", _BIDI.sub("", text))


def md_escape(value: object) -> str:
    """`value` as text that any Markdown-rendering Streamlit element shows literally: no link,
    image, emphasis, heading, list, KaTeX, colour or icon, no auto-link, no bidi reordering. The
    one escape for every user- or data-supplied string shown through Markdown."""
    return _md_escape(str(value))


@functools.lru_cache(maxsize=4096)  # the same labels and quotes are escaped on every rerun
def _md_escape(value: str) -> str:
    text = _AUTOLINK.sub(WORD_JOINER, strip_controls(value))
    text = _MD_ANYWHERE.sub(r"\\\1", text)
    return _MD_LINE_START.sub(_escape_marker, text)


def _escape_marker(match: re.Match) -> str:
    indent, marker = match.groups()
    return f"{indent}{marker}\\" if marker[0].isdigit() else f"{indent}\\{marker}"
