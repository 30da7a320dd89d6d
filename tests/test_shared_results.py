"""Query results and drawn figures are shared by every session of a process (issue 16): a
caller that changes what it got (a new column, a sort or an edit in place) never changes what
the next caller gets, and a shared figure sends what it was drawn with."""
import plotly.graph_objects as go

from govdash import figures, ui


def test_a_changed_result_does_not_reach_the_next_caller():
    first = ui.query("localities")
    before = first.copy(deep=True)
    first["name_vi"] = "changed"
    first.loc[first.index[0], "code"] = "ZZ"
    first.sort_values("code", ascending=False, inplace=True)
    first.drop(columns=["level"], inplace=True)
    again = ui.query("localities")
    assert again is not first
    assert again.equals(before)


def test_results_are_shared_not_remade(monkeypatch):
    from govdash import db
    calls = []
    real = db.run_query

    def counted(name, *args, **params):
        calls.append(name)
        return real(name, *args, **params)

    monkeypatch.setattr(db, "run_query", counted)
    a = ui.query("data_years", locality="31")
    b = ui.query("data_years", locality="31")
    assert a is not b and a.equals(b)
    assert calls.count("data_years") <= 1  # run once (or earlier, by another test), then shared


def test_a_shared_figure_sends_what_it_was_drawn_with():
    fig = go.Figure(go.Bar(x=["2023"], y=[69], name="Nghị quyết"), layout={"title": {"text": "HĐND"}})
    shared = figures.SharedFigure(fig)
    sent = shared.to_dict()
    assert sent == fig.to_dict()
    sent["data"][0]["y"] = [0]  # what one rerun does with its copy stays its own
    sent["layout"]["title"] = {"text": "x"}
    assert shared.to_dict() == fig.to_dict()


def test_a_figure_built_as_a_dict_is_sent_as_plotly_would_send_it():
    import json

    import plotly.io as pio
    made = {"data": [{"type": "bar", "x": ["2022", "2023"], "y": [4, 69], "name": "Nghị quyết"}],
            "layout": {"title": {"text": "HĐND"}, "height": 320, "xaxis": {"type": "category"}}}
    shared = figures.SharedFigure(made, _validate=False)
    eager = go.Figure(made, _validate=False)
    # sent without Plotly's objects being built, with Plotly's default template as Plotly adds it
    assert json.loads(pio.to_json(shared)) == json.loads(eager.to_json())
    assert "_data" not in shared.__dict__
    # read as a figure, it becomes one
    assert shared.data[0].name == "Nghị quyết" and shared.layout.height == 320
    assert json.loads(shared.to_json()) == json.loads(eager.to_json())


def test_domain_charts_are_drawn_as_shared_figures():
    # pages send them as they are: a chart builder that returned a plain go.Figure would be
    # deep-copied by st.plotly_chart on every rerun
    from govdash.domains import build
    charts = [c for c in build.domain_charts("sessions", ("01",), 2019, 2025) if c.figure is not None]
    charts += [c for c in build.domain_charts("budget", ("31",), 2019, 2025) if c.figure is not None]
    assert charts and all(isinstance(c.figure, figures.SharedFigure) for c in charts)
