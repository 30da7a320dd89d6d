"""Hostile addresses (issue 17): every page with every parameter the app reads set to Markdown,
images, links, bidi controls, superscript digits or 100 kB values. No exception; in the real
browser no element pointing outside and no request leaving localhost (the `browser` fixture
fails the test on any); in AppTest the values come back only escaped, never as Markdown."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode, urlparse

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["", "sessions", "supervision", "voters", "budget", "compare", "sources", "present",
         "import", "map"]
PARAMS = ["lang", "loc", "from", "to", "ind", "body", "bounds", "view", "locs", "year", "scale",
          "src", "fig", "q", "slide"]
MARKDOWN = ("![x](http://evil.example/i.png) [Đăng nhập](https://evil.example/p) **b** "
            ":red[r] $x^2$ :material/home: www.evil.example <img src=http://evil.example/y.png> "
            "a@evil.example")
BIDI = "31\u202e\u2066abc\u2069"
SUPERSCRIPT = "²"
HUGE = "9" * 100_000
# every element attribute that can make the browser fetch or link something
URL_ATTRIBUTES = """() => {
  const out = [];
  for (const el of document.querySelectorAll('*')) {
    for (const name of ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'xlink:href']) {
      const value = el.getAttribute(name);
      if (value) out.push(value);
    }
    const style = el.getAttribute('style') || '';
    for (const m of style.matchAll(/url\\(([^)]*)\\)/g)) out.push(m[1]);
  }
  return out;
}"""


def _outside(values: list[str]) -> list[str]:
    """The URLs among `values` that leave localhost (relative, data: and blob: stay)."""
    bad = []
    for value in values:
        parsed = urlparse(value.strip("'\" "))
        if parsed.scheme in ("", "data", "blob", "about", "javascript") and not parsed.netloc:
            if parsed.scheme == "javascript":
                bad.append(value)
            continue
        if parsed.hostname not in ("localhost", "127.0.0.1", "::1"):
            bad.append(value)
    return bad


def _mixed() -> dict[str, str]:
    """Bidi controls and superscript digits spread over the parameters."""
    return {p: (BIDI if i % 2 else SUPERSCRIPT) for i, p in enumerate(PARAMS)}


@pytest.mark.browser
@pytest.mark.parametrize("page", PAGES)
def test_hostile_addresses_in_the_browser(app_server, browser, page):
    for values in ({p: MARKDOWN for p in PARAMS}, _mixed()):
        browser.goto(f"{app_server}/{page}?{urlencode(values)}")
        tab = browser.page
        assert tab.locator('[data-testid="stException"]').count() == 0, page
        outside = _outside(tab.evaluate(URL_ATTRIBUTES))
        assert outside == [], (page, outside)
        assert tab.locator("img[src*='evil'], a[href*='evil']").count() == 0
        body = tab.locator("body").inner_text()
        assert "Traceback" not in body


def _app(page: str, params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params.update(params)
    at.run()
    if page:
        at.switch_page(f"pages/{page}.py").run()
    return at


# pieces of MARKDOWN that would be active if shown as it came (the catalogue's own ** is fine)
_ACTIVE = re.compile(r"(?<!\\)(\]\(http|!\[x|<img|\$x|\*\*b\*\*)|www\.evil|https?://evil|:red\[r|"
                     r":material/home|a@evil")


@pytest.mark.parametrize("payload", ["markdown", "huge"])
@pytest.mark.parametrize("page", PAGES)
def test_hostile_addresses_in_apptest(page, payload):
    value = MARKDOWN if payload == "markdown" else HUGE
    at = _app(page, {p: value for p in PARAMS})
    assert not at.exception, at.exception
    shown = [e.value for kind in (at.warning, at.info, at.error, at.markdown, at.caption, at.title)
             for e in kind]
    active = [text for text in shown if _ACTIVE.search(text)]
    assert active == [], active[:3]
    assert all(len(text) < 20_000 for text in shown)  # a 100 kB value is never echoed whole
