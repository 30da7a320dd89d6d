"""The catalogue is complete in both languages and every key the code uses exists."""
import re
import string
from pathlib import Path

from govdash.i18n import CATALOGUE, LANGS, t

ROOT = Path(__file__).resolve().parent.parent


def _fields(text):
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_key_in_both_languages_with_same_placeholders():
    for key, entry in CATALOGUE.items():
        assert set(entry) == set(LANGS), key
        assert _fields(entry["vi"]) == _fields(entry["en"]), key
        if not key.startswith("qualifier_exact"):
            assert entry["vi"].strip() and entry["en"].strip(), key


def test_every_key_used_in_code_exists():
    used = set()
    for path in [p for p in (ROOT / "govdash").rglob("*.py") if p.name != "i18n.py" and "strings" not in p.parts] + list((ROOT / "pages").glob("*.py")) + [ROOT / "dashboard.py"]:
        used |= set(re.findall(r"\bt\(\s*\"([a-z0-9_]+)\"(?!\s*\+)", path.read_text(encoding="utf-8")))
        used |= set(re.findall(r"\bpage\(\"[a-z_]+\.py\",\s*\"([a-z0-9_]+)\"", path.read_text(encoding="utf-8")))
    assert used, "no catalogue use found: the scan is broken"
    missing = used - set(CATALOGUE)
    assert not missing, missing


def test_dynamic_keys_exist():
    for prefix, values in {
        "status_": ["reported", "estimated", "planned", "derived"],
        "body_": ["council", "standing_committee", "council_committees", "delegate_groups",
                  "people_committee", "all_councils", "commune_standing_committees", "locality"],
        "level_": ["province", "central_city", "provincial_city", "district", "commune", "unidentified"],
        "reliability_": ["high", "medium", "low"],
    }.items():
        for v in values:
            assert prefix + v in CATALOGUE


def test_placeholders_filled():
    assert t("no_data", "vi", locality="Hải Phòng", year=2023) == "Không có số liệu cho Hải Phòng trong năm 2023."
    assert t("no_data", "en", locality="Hai Phong", year=2023) == "No data for Hai Phong in 2023."
