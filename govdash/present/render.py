"""Chart images (PNG, SVG) rendered on the server by kaleido through Debian's Chromium.

One long-lived renderer per process: a background thread runs an asyncio loop holding one
`kaleido.Kaleido` (one Chromium, started on first use and reused), so a deck of eight charts is
drawn in one go in seconds rather than paying a browser start per image. Kaleido is always given
`/usr/bin/chromium` explicitly (never the Chrome it could download), the plotly.js that ships with
plotly, and no MathJax, so rendering needs no network. Rendered images are kept in a small
cache keyed by the figure's JSON, so the page and the exports share them.

If Chromium is missing, `available()` is False and `images()` raises `RendererUnavailable`
with the fix (`apt-get install chromium`); nothing else in the dashboard depends on it.
"""
from __future__ import annotations

import asyncio
import atexit
import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

import plotly
import plotly.graph_objects as go

from govdash import paths
from govdash.i18n import t

CHROMIUM = paths.chromium()
PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
WIDTH = 1100       # px: the layout width the domain charts are built for (charts.WIDE)
SCALE = 2          # PNG pixels per layout pixel: crisp on a projector and in print
TIMEOUT = 60       # s for one image
_CACHE_SIZE = 96


class RendererUnavailable(RuntimeError):
    """Chromium is not installed (or does not start): images cannot be drawn."""


def available() -> bool:
    """True when Debian's Chromium is there to draw images."""
    return CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)


def unavailable_message(lang: str) -> str:
    """What is wrong and how to fix it, for people."""
    return t("pres_no_chromium", lang, path=str(CHROMIUM))


class _Renderer:
    """A thread with its own event loop and one open Kaleido (one Chromium, `tabs` tabs)."""

    def __init__(self, tabs: int = 2) -> None:
        self._tabs = tabs
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._kaleido = None
        self._open_lock: asyncio.Lock | None = None

    def _ensure_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None or not self._loop.is_running():
                loop = asyncio.new_event_loop()
                ready = threading.Event()

                def run() -> None:
                    asyncio.set_event_loop(loop)
                    loop.call_soon(ready.set)
                    loop.run_forever()

                threading.Thread(target=run, name="govdash-renderer", daemon=True).start()
                ready.wait(10)
                self._loop = loop
            return self._loop

    async def _open(self):
        if self._open_lock is None:
            self._open_lock = asyncio.Lock()  # two sessions asking at once start one browser
        async with self._open_lock:
            if self._kaleido is None:
                import kaleido  # imported here: the dashboard starts without it being loaded
                # the path is explicit, so kaleido never looks for (or fetches) a Chrome of its own
                k = kaleido.Kaleido(n=self._tabs, path=str(CHROMIUM), plotlyjs=str(PLOTLY_JS), mathjax=False,
                                    timeout=TIMEOUT)
                await k.open()
                self._kaleido = k
            return self._kaleido

    async def _render(self, specs: list[tuple[dict, dict]], done: Callable[[int], None] | None):
        k = await self._open()
        finished = 0

        async def one(fig: dict, opts: dict) -> bytes:
            nonlocal finished
            data = await k.calc_fig(fig, opts=opts)
            finished += 1
            if done:
                done(finished)
            return data

        try:
            return await asyncio.gather(*(one(fig, opts) for fig, opts in specs))
        except Exception:
            await self._reset()  # a crashed or hung browser is replaced on the next call
            raise

    async def _reset(self) -> None:
        k, self._kaleido = self._kaleido, None
        if k is not None:
            try:
                await k.close()
            except Exception:  # noqa: BLE001 - closing a dead browser may fail; it is gone either way
                pass

    def render(self, specs: list[tuple[dict, dict]], done: Callable[[int], None] | None = None) -> list[bytes]:
        """Images for (figure dict, options) pairs, drawn concurrently in the one browser."""
        loop = self._ensure_loop()
        future: Future = asyncio.run_coroutine_threadsafe(self._render(specs, done), loop)
        return future.result(timeout=TIMEOUT * max(1, len(specs)) + 60)

    def close(self) -> None:
        """Close the browser (at exit)."""
        if self._loop is not None and self._loop.is_running() and self._kaleido is not None:
            try:
                asyncio.run_coroutine_threadsafe(self._reset(), self._loop).result(timeout=20)
            except Exception:  # noqa: BLE001 - best effort at interpreter exit
                pass


_RENDERER = _Renderer()
atexit.register(_RENDERER.close)
_CACHE: OrderedDict[str, bytes] = OrderedDict()
_CACHE_LOCK = threading.Lock()


def _options(fig: go.Figure, fmt: str, width: int, scale: float) -> dict:
    height = int(fig.layout.height or 500)
    return {"format": fmt, "width": width, "height": height, "scale": scale if fmt == "png" else 1}


def _key(spec: dict, opts: dict) -> str:
    text = plotly.io.to_json(spec, validate=False) + repr(sorted(opts.items()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def images(figures: list[go.Figure], fmt: str = "png", *, width: int = WIDTH, scale: float = SCALE,
           progress: Callable[[int, int], None] | None = None) -> list[bytes]:
    """PNG or SVG bytes of each figure (in order), drawn in one go by the long-lived renderer.

    `progress(done, total)` is called as images come in (cached ones count at once).
    Raises `RendererUnavailable` when Chromium is missing or fails.
    """
    if not available():
        raise RendererUnavailable(unavailable_message("en"))
    specs = [(fig.to_dict(), _options(fig, fmt, width, scale)) for fig in figures]
    keys = [_key(spec, opts) for spec, opts in specs]
    with _CACHE_LOCK:
        out = {k: _CACHE[k] for k in keys if k in _CACHE}
    todo = [(k, spec) for k, spec in zip(keys, specs) if k not in out]
    todo = list(dict((k, spec) for k, spec in todo).items())
    total, cached = len(figures), len(figures) - len(todo)
    if progress:
        progress(cached, total)
    if todo:
        try:
            drawn = _RENDERER.render([spec for _, spec in todo],
                                     (lambda n: progress(cached + n, total)) if progress else None)
        except Exception as exc:  # noqa: BLE001 - any renderer failure is reported the same way
            raise RendererUnavailable(f"{unavailable_message('en')} ({type(exc).__name__}: {exc})") from exc
        with _CACHE_LOCK:
            for (k, _), data in zip(todo, drawn):
                out[k] = data
                _CACHE[k] = data
                _CACHE.move_to_end(k)
            while len(_CACHE) > _CACHE_SIZE:
                _CACHE.popitem(last=False)
    return [out[k] for k in keys]


def png(fig: go.Figure, *, width: int = WIDTH, scale: float = SCALE) -> bytes:
    """One figure as PNG (2× by default), its source line inside the image."""
    return images([fig], "png", width=width, scale=scale)[0]


def svg(fig: go.Figure, *, width: int = WIDTH) -> bytes:
    """One figure as SVG, its source line inside the image."""
    return images([fig], "svg", width=width)[0]
