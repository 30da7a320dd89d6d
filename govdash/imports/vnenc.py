"""Vietnamese legacy encodings: recognise TCVN3 (ABC), VNI and Windows-1258 text, so an import
can refuse it by name instead of storing garbled letters.

Recognition works by reading the text as each candidate would and counting the words that
are well-formed Vietnamese syllables (initial consonant, vowel nucleus, final consonant, at
most one tone mark). Unicode text reads best as itself; text typed with a TCVN3 or VNI font
(`H¶i Phßng`, `Haûi Phoøng`), saved in Windows-1258, or converted to UTF-8 twice
(`HaÌ‰i`, `HÃ¡`) reads best through one of the legacy tables, and that names the problem.
Only detection lives here: govdash never converts legacy text itself (Unikey does that, and a
person checks the result).
"""
from __future__ import annotations

import re
import unicodedata

# TCVN 5712:1993 (VN3, "ABC"): byte -> letter, for the bytes that differ from Latin-1.
TCVN3 = dict(zip(
    range(0xA1, 0xA1 + 14),
    "ĂÂÊÔƠƯĐăâêôơưđ",
)) | dict(zip(
    [0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB,
     0xCC, 0xCE, 0xCF, 0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE,
     0xDF, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE,
     0xEF, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE],
    "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
))

_TONES = {"\u0301": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0323": 4}  # sắc huyền hỏi ngã nặng
# VNI Windows: a letter is an ASCII base letter followed by marks typed as Latin-1 letters.
_VNI_TONE = ("ù", "ø", "û", "õ", "ï")
_VNI_CIRC = ("â", ("á", "à", "å", "ã", "ä"))
_VNI_BREVE = ("ê", ("é", "è", "ú", "ü", "ë"))
_VNI_I = ("í", "ì", "æ", "ó", "ò")  # i with a tone is one character
_VNI_SINGLE = {"ơ": "ô", "ư": "ö", "đ": "ñ", "ỵ": "î"}


def _vni_lower(letter: str) -> str | None:
    """The VNI spelling of one lower-case Vietnamese letter (None for plain ASCII)."""
    if letter in _VNI_SINGLE:
        return _VNI_SINGLE[letter]
    parts = unicodedata.normalize("NFD", letter)
    base, marks = parts[0], parts[1:]
    tone = next((_TONES[m] for m in marks if m in _TONES), None)
    if base == "i" and tone is not None and len(marks) == 1:
        return _VNI_I[tone]
    if "\u031b" in marks:  # horn: ơ ư, then the tone
        head = _VNI_SINGLE["ơ" if base == "o" else "ư"]
        return head + ("" if tone is None else _VNI_TONE[tone])
    for mark, (plain, toned) in (("\u0302", _VNI_CIRC), ("\u0306", _VNI_BREVE)):
        if mark in marks:
            return base + (plain if tone is None else toned[tone])
    return None if tone is None else base + _VNI_TONE[tone]


def _vni_table() -> dict[str, str]:
    """VNI spelling (as read through Windows-1252) -> Unicode letter, both cases."""
    letters = ("aăâeêioôơuưyđ", "áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
    table = {}
    for letter in "".join(letters):
        spelt = _vni_lower(letter)
        if spelt:
            table[spelt] = letter
            table[spelt.upper()] = letter.upper()
    return table


VNI = _vni_table()
_VNI_KEYS = sorted(VNI, key=len, reverse=True)
_VNI_RE = re.compile("|".join(re.escape(k) for k in _VNI_KEYS))


def decode_tcvn3(data: bytes) -> str:
    """Bytes typed with a TCVN3 (.Vn) font, as Unicode."""
    return "".join(TCVN3.get(b, chr(b)) for b in data)


def decode_vni(data: bytes) -> str:
    """Bytes typed with a VNI font, as Unicode."""
    return vni_to_unicode(_latin(data))


def vni_to_unicode(text: str) -> str:
    """VNI spellings in text read as Windows-1252, as Unicode letters."""
    return _VNI_RE.sub(lambda m: VNI[m.group(0)], text)


def decode_cp1258(data: bytes) -> str:
    """Windows-1258 bytes (combining tone marks), as NFC Unicode."""
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


def _latin(data: bytes) -> str:
    """Bytes read as Windows-1252, with Latin-1 for the five bytes cp1252 leaves undefined."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


# ---------------------------------------------------------------- recognising Vietnamese

_INITIAL = r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx])?"
_NUCLEI = ("uyê uyu uya ươu ươi uôi uây oeo oay oai oao yêu iêu uơ ươ ưu ưi ưa uy uô ui uê uâ "
           "ua oo ơi ôi oi oe oă oa iu iê ia êu eo ây âu ay au ao ai yê a ă â e ê i o ô ơ u ư y")
_SYLLABLE = re.compile(rf"^{_INITIAL}(?:{'|'.join(_NUCLEI.split())})(?:ch|ng|nh|[cmnpt])?$")
# White space, ASCII punctuation, digits, typographic dashes, quotes and bullets.
_SEPARATORS = re.compile(r"[\s!-/:-@\[-`{-~\d\u00a0\u2010-\u2027]+")


def is_syllable(word: str) -> bool:
    """True for a well-formed Vietnamese syllable (any case), e.g. `Phòng`, `nghiêng`, `quốc`."""
    parts = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in parts if c in _TONES]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
    return bool(_SYLLABLE.match(bare))


def score(text: str) -> tuple[int, int]:
    """(well-formed syllables, words) among the words of `text` that are not plain ASCII.

    A word is what lies between spaces, ASCII punctuation and digits; one holding any other
    symbol (`H¶i`, `Ä‘á»“ng`) is never well-formed.
    """
    good = total = 0
    for word in _SEPARATORS.split(unicodedata.normalize("NFC", text)):
        if not word or word.isascii():
            continue
        total += 1
        letters = all(unicodedata.category(c)[0] in "LM" for c in word)
        good += letters and is_syllable(word)
    return good, total


def _convincing(good: int, total: int) -> bool:
    return good >= 1 and good >= 0.6 * total


def detect_bytes(data: bytes) -> str | None:
    """For bytes that are not UTF-8: "tcvn3", "vni" or "cp1258" when one reads as Vietnamese."""
    readings = {"tcvn3": decode_tcvn3(data), "vni": decode_vni(data), "cp1258": decode_cp1258(data)}
    best = max(readings, key=lambda k: score(readings[k])[0])
    return best if _convincing(*score(readings[best])) else None


def detect_garbled(text: str) -> str | None:
    """For decoded Unicode text: the legacy reading that explains it better than itself.

    Returns "tcvn3", "vni", "cp1258" (legacy text pasted into a Unicode file) or "utf8-twice"
    (UTF-8 read as Windows-1252 and saved again), or None when the text reads as it is.
    """
    suspect = " ".join(w for w in re.split(r"\s+", text) if not w.isascii() and _encodable(w))
    if not suspect:
        return None
    raw = _cp1252_bytes(suspect)
    readings = {"tcvn3": decode_tcvn3(raw), "vni": vni_to_unicode(suspect),
                "cp1258": decode_cp1258(raw), "utf8-twice": raw.decode("utf-8", errors="replace")}
    own, _ = score(suspect)
    best = max(readings, key=lambda k: score(readings[k])[0])
    good, total = score(readings[best])
    return best if _convincing(good, total) and good >= max(2, 2 * own) else None


def _encodable(word: str) -> bool:
    try:
        _cp1252_bytes(word)
        return True
    except UnicodeEncodeError:
        return False


def _cp1252_bytes(text: str) -> bytes:
    """Text back to the Windows-1252 bytes it was read from (Latin-1 for undefined bytes)."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) < 256:
                out.append(ord(ch))
            else:
                raise
    return bytes(out)
