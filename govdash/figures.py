"""Plotly figures that pages cache and send on many reruns.

`st.plotly_chart` asks a figure for its dict form on every call, and Plotly makes it by
deep-copying every trace: ~1.5 ms for a domain chart, ~4 ms for a map, on every rerun of every
session. A figure drawn once into a shared cache is sent as a `SharedFigure`, whose dict form is
made once."""
from __future__ import annotations

import plotly.graph_objects as go


class SharedFigure(go.Figure):
    """A figure shared read-only between reruns and sessions: its dict form is made once. Change
    it and the change is not sent: build another instead."""

    def to_dict(self) -> dict:
        """The figure as a dict, made on first use (a shallow copy of it per call)."""
        made = self.__dict__.get("_shared_dict")
        if made is None:
            made = super().to_dict()
            self.__dict__["_shared_dict"] = made
        return {**made, "data": [dict(t) for t in made["data"]], "layout": dict(made["layout"])}


def shared(figure: go.Figure | None) -> SharedFigure | None:
    """`figure` as a `SharedFigure` (the same object when it is one already; None stays None)."""
    if figure is None or isinstance(figure, SharedFigure):
        return figure
    return SharedFigure(figure.to_dict(), _validate=False)
