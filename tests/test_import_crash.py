"""Kill the import (and the rollback, and sometimes the recovery) at random moments, at least
100 times: the data must always validate and be exactly the old state or the new one."""
import json
import os
import subprocess
import sys
from pathlib import Path

from import_helpers import import_fixture

WORKER = Path(__file__).resolve().parent / "import_crash_worker.py"


def test_random_kills_leave_old_or_new_data(tmp_path):
    base = import_fixture(tmp_path / "base")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(WORKER.parent.parent), str(WORKER.parent)])}
    out = subprocess.run([sys.executable, str(WORKER), str(base), str(tmp_path), "150", "20240"],
                         capture_output=True, text=True, timeout=240, env=env)
    assert out.returncode == 0, out.stderr[-3000:]
    summary = json.loads(out.stdout.strip().splitlines()[-1])
    assert summary["failures"] == [], summary["failures"][:5]
    assert summary["killed"] >= 100, summary
    assert summary["old"] > 10 and summary["new"] > 10, summary
    assert summary["seconds"] < 60, summary
