"""The benchmark stays runnable: the synthetic generator writes a valid, clearly synthetic data
set outside data/, the app says so when it runs on one, and benchmarks/run.py runs every
section at a tiny scale and writes its JSON and markdown report. Timings are not asserted."""
import json
import os
import subprocess
import sys
from pathlib import Path

import generate
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent

SECTIONS = ["meta", "startup", "queries", "pages", "browser", "picker", "memory", "naive", "budgets"]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """A tiny synthetic data set (scale 0.001, two years)."""
    return Path(generate.generate(tmp_path_factory.mktemp("synthetic"), scale=0.001, years=2)["folder"])


def test_generator_refuses_data_folder(tmp_path):
    with pytest.raises(SystemExit, match="refusing"):
        generate.check_target(ROOT / "data")
    with pytest.raises(SystemExit, match="refusing"):
        generate.check_target(ROOT / "data" / "synthetic")
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(SystemExit, match="not empty"):
        generate.check_target(tmp_path)


def test_synthetic_set_is_valid_and_labelled(synthetic):
    from govdash.validate import validate
    problems, summary = validate(synthetic)
    assert problems == [], problems[:5]
    assert summary["figures"] > 1000
    sources = pd.read_csv(synthetic / "sources.csv", dtype=str, keep_default_na=False)
    assert sources["note"].str.startswith("synthetic").all()
    locs = pd.read_csv(synthetic / "localities.csv", dtype=str, keep_default_na=False)
    made_up = locs[locs["code"].str.startswith("SYN-")]
    assert len(made_up) >= 3 and (made_up["note"] == "synthetic").all()
    assert made_up["name_vi"].str.contains("tổng hợp").all()
    budget = pd.read_csv(synthetic / "budget.csv", dtype=str, keep_default_na=False)
    assert budget["quote"].str.contains("(synthetic)", regex=False).all()


def test_generator_is_seeded(tmp_path):
    a = generate.generate(tmp_path / "a", scale=0.0005, years=1, seed=3)
    b = generate.generate(tmp_path / "b", scale=0.0005, years=1, seed=3)
    for name in ("localities.csv", "budget.csv", "sources.csv"):
        assert (Path(a["folder"]) / name).read_bytes() == (Path(b["folder"]) / name).read_bytes()


def test_banner_on_synthetic_data_only(synthetic, monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    from govdash import ui
    banner = "Dữ liệu tổng hợp — chỉ dùng để đo hiệu năng"
    monkeypatch.setenv("GOVDASH_STORE_DIR", str(tmp_path / "store"))
    monkeypatch.setenv("GOVDASH_DATA_DIR", str(synthetic))
    ui.reload_data()  # query results are cached by name and parameters, not by folder
    try:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
        assert not at.exception, at.exception
        assert any(banner in w.value for w in at.warning)
    finally:
        monkeypatch.delenv("GOVDASH_DATA_DIR")
        ui.reload_data()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not any(banner in w.value for w in at.warning)


@pytest.mark.browser
def test_benchmark_runs_every_section(tmp_path):
    out = tmp_path / "results"
    cmd = [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--scale", "0.0005", "--years", "2",
           "--quick", "--sessions", "2", "--pages", "overview.py", "--out", str(out), "--label", "t"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads((out / "t.json").read_text(encoding="utf-8"))
    assert set(SECTIONS) <= set(report)
    for section in SECTIONS[1:-1]:
        assert "error" not in report[section], (section, report[section])
    assert report["pages"]["overview.py"]["n"] >= 1
    # the browser section goes through the sidebar's picker on every page asked for
    overview = report["browser"]["pages"]["overview.py"]
    assert "error" not in overview, overview["error"]
    assert overview["area_change"]["n"] >= 1 and overview["locality_change"]["n"] >= 1
    done, tried = overview["url_ok"].split("/")
    assert done == tried and int(tried) >= 2  # every choice in the URL
    assert report["browser"]["picker_client"]["locality_box"]["n"] >= 1
    assert report["browser"]["picker_client"]["keyboard_enter"]["n"] >= 1
    for picker in ("one_box", "two_boxes"):  # the bundled data, one box and two
        assert "error" not in report["picker"][picker], report["picker"][picker]
    assert report["picker"]["two_boxes"]["boxes"] == 2
    assert report["picker"]["two_boxes"]["client"]["area_box"]["n"] >= 1
    assert {q["budget"].split(" (")[0] for q in report["budgets"]} >= {
        "every page query p95", "page rerun p50", "locality change to painted p50",
        "start-up from a built store", "server peak RSS, 1 session", "picker client cost p50"}
    text = (out / "t.md").read_text(encoding="utf-8")
    for heading in ("## Budgets", "## 1. Start-up", "## 2. Queries", "## 3. Page", "## 4. Real browser",
                    "### 4b. Locality change → painted, every page", "### 4c. The picker's client cost",
                    "## 5. Server memory", "## 6. Naive baseline"):
        assert heading in text
    assert "SYNTHETIC" in text
