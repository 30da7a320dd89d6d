"""Plotly figures that pages cache and send on many reruns.

`st.plotly_chart` asks a figure for its dict form on every call, and Plotly makes it by
deep-copying every trace: ~1.5 ms for a domain chart, ~4 ms for a map, on every rerun of every
session. A figure drawn once into a shared cache is a `SharedFigure`: its dict form is made once,
and a figure built as a dict keeps that dict and becomes a Plotly object only when something
reads it as one (a page only sends it, which needs the dict alone: ~1 ms a chart saved on a
first draw, and half the memory of a cached chart)."""
from __future__ import annotations

import functools

import plotly.graph_objects as go
import plotly.io as pio


class SharedFigure(go.Figure):
    """A figure shared read-only between reruns and sessions: its dict form is made once. Change
    it and the change is not sent: build another instead.

    `SharedFigure(fig_dict, ...)` keeps `fig_dict` as its dict form (it must not be changed after)
    and builds Plotly's objects from it on first use of `.data`, `.layout` or any other
    attribute; `SharedFigure(figure)` copies a figure as `go.Figure(figure)` does."""

    def __init__(self, data=None, *args, _validate: bool = True, **kwargs):
        if isinstance(data, dict) and not args and not kwargs and set(data) <= {"data", "layout"}:
            layout = data.get("layout", {})
            if "template" not in layout and _default_template() is not None:  # as Plotly adds it
                data = {**data, "layout": {**layout, "template": _default_template()}}
            self.__dict__["_shared_dict"] = data  # the rest on first use (`__getattr__`)
            self.__dict__["_shared_pending"] = _validate
            return
        super().__init__(data, *args, _validate=_validate, **kwargs)

    def __getattr__(self, name: str):
        # only reached for what normal lookup cannot find: the objects not built yet
        pending = self.__dict__.pop("_shared_pending", None)
        if pending is None:
            raise AttributeError(name)
        made = self.__dict__["_shared_dict"]
        super().__init__({"data": [dict(t) for t in made.get("data", [])],
                          "layout": dict(made.get("layout", {}))}, _validate=pending)
        return getattr(self, name)

    def to_dict(self) -> dict:
        """The figure as a dict, made on first use (a shallow copy of it per call)."""
        made = self.__dict__.get("_shared_dict")
        if made is None:
            made = super().to_dict()
            self.__dict__["_shared_dict"] = made
        return {**made, "data": [dict(t) for t in made.get("data", [])], "layout": dict(made.get("layout", {}))}


@functools.cache
def _default_template() -> dict | None:
    """The template Plotly puts in a figure made without one (its default, unless "none")."""
    name = pio.templates.default
    return None if name in (None, "none") else pio.templates[name].to_plotly_json()
