"""The one Markdown escape (`govdash.text.md_escape`) and `i18n.t_md`: text from the URL, an
upload or the data shows literally in every Markdown-rendering element (the browser check of
what Streamlit draws is tests/test_browser_hostile.py)."""
import re

import pytest

from govdash.i18n import t_md
from govdash.state import parse_query
from govdash.text import WORD_JOINER, md_escape, strip_controls

HOSTILE = [
    "![x](http://evil.example/i.png) [Đăng nhập](https://evil.example/p)",
    "**bold** _it_ ~~s~~ `code` $x^2$ :red[red] :material/home: <img src=x> &#91;",
    "# heading\n> quote\n1. item\n- item\n[a]: http://evil.example/r",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_every_markdown_mark_is_escaped(text):
    escaped = md_escape(text)
    # every mark with a meaning in Markdown is preceded by a backslash
    assert not re.search(r"(?<!\\)[\[\]*_`$<~|]", escaped)
    assert not re.search(r":[a-z]", escaped)
    assert not re.search(r"(?m)^\s*([#>+=-]|\d+\.)", escaped)
    assert escaped.replace("\\", "").replace(WORD_JOINER, "") == text


def test_auto_links_are_broken():
    """Streamlit links `www.`, `http://` and e-mail addresses after parsing Markdown, where a
    backslash no longer counts: a word joiner breaks each pattern."""
    escaped = md_escape("www.evil.example HTTPS://evil.example a@evil.example")
    plain = escaped.replace("\\", "")
    assert "www." not in plain and "S:" not in plain and "a@e" not in plain
    assert plain.replace(WORD_JOINER, "") == "www.evil.example HTTPS://evil.example a@evil.example"


def test_bidi_and_control_characters_are_dropped():
    assert strip_controls("ab\u202ecd\u2066e\x07f\tg\nh") == "abcdef\tg\nh"
    assert md_escape("Hải\u202e Phòng") == "Hải Phòng"


def test_vietnamese_text_is_unchanged():
    for text in ("Hội đồng nhân dân thành phố Hải Phòng", "Nguồn: 31/12/2023 (1.234,5 tỷ đồng)"):
        assert md_escape(text) == text


def test_t_md_escapes_values_not_the_catalogue():
    text = t_md("notice_bad_lang", "en", value="[x](http://evil.example)")
    assert "\\[x\\](http" in text and not re.search(r"(?<!\\)\]\(", text)


def test_a_huge_url_value_is_cut_in_its_notice():
    _, notices = parse_query({"lang": "x" * 100_000}, ["31"], [2023])
    assert len(notices[0].values["value"]) <= 40
