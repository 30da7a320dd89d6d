"""The command line: `python -m govdash validate` and `facts`, as staff and CI use them."""
import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FACT_COLUMNS = ["locality_code", "locality_name_vi", "level", "body", "period_start", "period_end",
                "indicator", "indicator_name_vi", "value", "unit_vi", "qualifier", "status", "source_id", "quote"]


def govdash(*args, env=None):
    return subprocess.run([sys.executable, "-m", "govdash", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env=env)


def test_validate_clean_prints_summary():
    out = govdash("validate")
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.startswith("OK: ") and "figures" in out.stdout and "localities" in out.stdout


def test_validate_broken_file_names_file_row_column(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    text = (data / "resolutions.csv").read_text(encoding="utf-8").splitlines()
    row = next(csv.reader([text[1]]))
    row[7] = "12345"  # a value that is not in its quote
    text[1] = ",".join(f'"{c}"' for c in row)
    (data / "resolutions.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    out = govdash("--data", str(data), "validate")
    assert out.returncode == 1
    assert "resolutions.csv:2 [quote]" in out.stdout and "12345" in out.stdout


def test_facts_lists_every_figure_with_quote():
    out = govdash("facts")
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert list(rows[0].keys())[:len(FACT_COLUMNS)] == FACT_COLUMNS
    check = govdash("validate").stdout
    assert f"{len(rows)} figures" in check
    hp = [r for r in rows if r["locality_code"] == "31" and r["indicator"] == "resolutions_passed"
          and r["period_start"] == "2023-01-01" and r["body"] == "council"]
    assert hp and hp[0]["value"] == "69" and "69 nghị quyết" in hp[0]["quote"]
    assert all(r["quote"] for r in rows)
    assert all(r["period_start"][4] == "-" and len(r["period_start"]) == 10 for r in rows)
    money = [r for r in rows if r["indicator"] == "budget_revenue" and r["locality_code"] == "288"]
    assert money[0]["value"] == "1484.75"


def test_facts_filters_by_name_without_diacritics_and_year():
    out = govdash("facts", "--locality", "thanh pho hai duong", "--year", "2023")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert rows and {r["locality_code"] for r in rows} == {"288"}
    assert {r["period_end"][:4] for r in rows} == {"2023"}


def test_facts_unknown_locality_names_what_exists():
    out = govdash("facts", "--locality", "Atlantis")
    assert out.returncode != 0
    assert "Atlantis" in out.stderr and "Hải Phòng" in out.stderr
