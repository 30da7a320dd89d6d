"""The house plan is checked, not only drawn: the core and the features' non-`ui` modules never
import Streamlit; a feature imports only the core (`present` may read `domains` and `maps`,
`extract` may read `imports`); there is no import circle; `python -m govdash validate` runs without Streamlit;
`ruff check` is clean."""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "govdash"
FEATURES = {"domains", "compare", "sources", "present", "imports", "maps", "extract"}
ALLOWED = {("present", "domains"),  # (feature, feature it may read)
           ("present", "maps"),     # the map slide of the deck and report (issue 15)
           # extract feeds the import path: it reuses vnparse, the encodings and the template
           # columns, and its page part hands accepted rows to imports.prepare/commit (issue 13)
           ("extract", "imports")}
ENTRY = {"govdash.__main__"}  # assembles every room's commands


def _name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in FEATURES else "core"


def _is_ui(module: str) -> bool:
    return module == "govdash.ui" or module.startswith("govdash.ui.") or module.endswith(".ui")


MODULES = {_name(p): p for p in sorted(PKG.rglob("*.py"))}


def _imports(path: Path) -> set[str]:
    """Every govdash module `path` imports, at any depth of its code."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("govdash"):
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                found.add(sub if sub in MODULES else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("govdash")}
    return found


def test_features_import_only_the_core():
    wrong = []
    for module, path in MODULES.items():
        room = _room(module)
        for target in _imports(path):
            other = _room(target)
            if module in ENTRY or other == "core" or other == room or (room, other) in ALLOWED:
                continue
            wrong.append(f"{module} -> {target}")
        if room == "core" and not _is_ui(module) and module not in ENTRY:
            wrong += [f"core {module} -> {t}" for t in _imports(path) if _room(t) != "core"]
            wrong += [f"core {module} -> {t}" for t in _imports(path) if _is_ui(t)]
    assert wrong == []


def test_no_import_circle():
    graph = {m: {t for t in _imports(p) if t in MODULES and t != m} for m, p in MODULES.items()}
    # a package's own __init__ importing its parts is not a circle through the parts
    state: dict[str, int] = {}
    cycles = []

    def visit(m: str, stack: list[str]) -> None:
        state[m] = 1
        for t in graph[m]:
            if m.startswith(t + ".") or t.startswith(m + "."):
                continue
            if state.get(t) == 1:
                cycles.append(" -> ".join(stack[stack.index(t):] + [t]))
            elif t not in state:
                visit(t, stack + [t])
        state[m] = 2

    for m in graph:
        if m not in state:
            visit(m, [m])
    assert cycles == []


def test_core_and_feature_logic_never_load_streamlit():
    logic = [m for m in MODULES if not _is_ui(m)]
    code = ("import importlib, sys\n"
            f"for m in {logic!r}:\n"
            "    importlib.import_module(m)\n"
            "    if 'streamlit' in sys.modules:\n"
            "        raise SystemExit('streamlit loaded by ' + m)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:] + out.stdout[-500:]


def test_validate_command_runs_without_streamlit():
    code = ("import sys\nfrom govdash.__main__ import main\nrc = main(['validate'])\n"
            "assert 'streamlit' not in sys.modules, 'streamlit loaded'\nsys.exit(rc)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.startswith("OK:")


def test_every_room_says_what_it_is_for():
    for init in PKG.rglob("__init__.py"):
        tree = ast.parse(init.read_text(encoding="utf-8"))
        doc = ast.get_docstring(tree) or ""
        assert len(doc) > 40, f"{init.relative_to(ROOT)} has no docstring saying what the room is for"


def test_tests_do_not_edit_sys_path():
    offenders = [p.name for p in (ROOT / "tests").glob("*.py")
                 if "sys.path.insert" in p.read_text(encoding="utf-8") and p.name != Path(__file__).name]
    assert offenders == []


def test_ruff_is_clean():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent))
    if ruff is None:
        pytest.fail("ruff is not installed in the test environment (requirements-dev.txt)")
    out = subprocess.run([ruff, "check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-3000:]


def test_paths_and_environment_are_read_in_one_place():
    """Only govdash/paths.py reads the environment (serve.py hands it on to its workers) and
    names a file of the machine (`/usr/...`)."""
    import re
    offenders = []
    for module, path in MODULES.items():
        if module in ("govdash.paths",):
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"os\.environ\.get|os\.getenv|os\.environ\[", text) or re.search(r"Path\(\"/usr", text):
            offenders.append(module)
    assert offenders == []
