"""Text helpers: Vietnamese-aware folding for search that ignores diacritics."""
from __future__ import annotations

import unicodedata


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
