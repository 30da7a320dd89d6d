"""The domain pages at many localities: the comparison picker offers the localities near the
chosen one (not all ~15,000 of a national list) and draws at most a few of them unasked.
Checked on a small synthetic national set (benchmarks/generate.py) and on the curated data."""
from pathlib import Path

import generate
import pytest

from govdash import db
from govdash.domains import build

ROOT = Path(__file__).resolve().parent.parent

DOMAINS = list(build.page_spec("budget").domains)


@pytest.fixture(scope="module")
def synthetic_con(tmp_path_factory):
    folder = Path(generate.generate(tmp_path_factory.mktemp("synthetic"), scale=0.01, years=2)["folder"])
    con = db.open_store(folder)
    yield con
    con.close()


def _tree(con):
    return con.execute("select code, tier, province_code from locality_tree").df().set_index("code")


def test_locality_tree_on_the_curated_data():
    con = db.open_store(ROOT / "data")
    try:
        tree = _tree(con)
    finally:
        con.close()
    assert tree.loc["31", "province_code"] == "31" and tree.loc["31", "tier"] == 1
    assert tree.loc["288", "province_code"] == "30" and tree.loc["288", "tier"] == 2
    assert tree.loc["X-TP1", "tier"] == 4
    assert tree.loc["X-TP1-BACSON", "tier"] == 3
    assert tree["province_code"].isna()[["X-TP1", "X-TP1-BACSON"]].all()


def test_commune_is_offered_its_province_and_the_upper_tiers(synthetic_con):
    tree = _tree(synthetic_con)
    every = db.run_query("domain_coverage", synthetic_con, domains=DOMAINS, year_from=2024, year_to=2025,
                         locality=None)
    communes = tree[(tree["tier"] == 3) & tree.index.isin(every["locality_code"])]
    province_of = communes["province_code"].value_counts()
    assert province_of.size > 1 and province_of.iloc[0] >= 2, "the set needs communes in several provinces"
    main = communes[communes["province_code"] == province_of.index[0]].index[0]
    cov = db.run_query("domain_coverage", synthetic_con, domains=DOMAINS, year_from=2024, year_to=2025,
                       locality=main)
    offered = set(cov["locality_code"])
    offered_tree = tree.loc[sorted(offered)]
    # every commune offered lies in the main one's province; every upper-tier locality with data is offered
    assert set(offered_tree[offered_tree["tier"] == 3]["province_code"]) == {province_of.index[0]}
    upper = set(every["locality_code"]) & set(tree[tree["tier"].isin([1, 2, 4])].index)
    assert upper <= offered
    assert len(offered) < every["locality_code"].nunique()
    # the figures per locality and year are those of the unrestricted coverage
    merged = cov.merge(every, on=["locality_code", "year"], suffixes=("", "_all"))
    assert len(merged) == len(cov)
    assert (merged["figure_count"] == merged["figure_count_all"]).all()
    # the default comparison: communes of the same province with results, at most a few
    default = build.default_compare(cov, main)
    assert default, "siblings with data exist"
    assert len(default) <= build.MAX_DEFAULT_COMPARE
    assert set(tree.loc[default, "tier"]) == {3}
    assert set(tree.loc[default, "province_code"]) == {province_of.index[0]}
    assert main not in default


def test_province_default_comparison_is_capped_and_best_covered(synthetic_con):
    cov = db.run_query("domain_coverage", synthetic_con, domains=DOMAINS, year_from=2024, year_to=2025,
                       locality="01")
    provinces = cov[cov["level"].isin(["province", "central_city"]) & (cov["locality_code"] != "01")]
    assert provinces["locality_code"].nunique() > build.MAX_DEFAULT_COMPARE
    default = build.default_compare(cov, "01")
    assert len(default) == build.MAX_DEFAULT_COMPARE
    totals = provinces.groupby("locality_code")["result_count"].sum()
    assert totals[default].min() >= totals.drop(default).max()
    # shown in list order, as the picker lists them
    order = list(dict.fromkeys(cov["locality_code"]))
    assert default == sorted(default, key=order.index)


def test_option_labels_name_and_level_in_both_languages():
    con = db.open_store(ROOT / "data")
    try:
        cov = db.run_query("domain_coverage", con, domains=DOMAINS, year_from=2020, year_to=2025, locality="31")
    finally:
        con.close()
    vi, en = build.option_labels(cov, "vi"), build.option_labels(cov, "en")
    assert list(vi) == list(dict.fromkeys(cov["locality_code"]))
    assert vi["288"].startswith("Thành phố Hải Dương · ") and en["288"].startswith("Hai Duong City · ")


def test_locality_tree_tiers_are_the_chart_tiers():
    """The SQL tier of `locality_tree` and `charts.TIER` (panels) say the same of every level."""
    from govdash.domains import charts
    con = db.open_store(ROOT / "data")
    try:
        tree = con.execute("select l.level, t.tier from locality_tree t join localities l using (code)").df()
    finally:
        con.close()
    assert len(tree) > 60
    assert all(int(tier) == charts.TIER.get(level, 4) for level, tier in zip(tree["level"], tree["tier"]))


def test_a_long_compare_list_is_narrowed_to_the_near_localities(synthetic_con):
    """Above the picker limit the "compare with" box offers the main locality's own tier in its
    province (every province for a province) and its province, never the whole list; below it,
    everything with data, as before."""
    tree = _tree(synthetic_con)
    every = db.run_query("domain_coverage", synthetic_con, domains=DOMAINS, year_from=2024, year_to=2025,
                         locality=None)
    communes = tree[(tree["tier"] == 3) & tree.index.isin(every["locality_code"])]
    main = communes[communes["province_code"] == communes["province_code"].value_counts().index[0]].index[0]
    province = tree.loc[main, "province_code"]
    cov = db.run_query("domain_coverage", synthetic_con, domains=DOMAINS, year_from=2024, year_to=2025,
                       locality=main)
    full, narrowed = build.compare_options(cov, main)
    assert not narrowed and main not in full and len(full) == cov["locality_code"].nunique() - 1
    near, narrowed = build.compare_options(cov, main, limit=len(full) - 1)
    assert narrowed and near and len(near) < len(full)
    assert near == [c for c in full if c in set(near)]  # list order kept
    offered = tree.loc[near]
    assert set(offered.index[offered["tier"] != 3]) == {province}  # its province, no other upper tier
    assert set(offered.loc[offered["tier"] == 3, "province_code"]) == {province}
    assert set(build.default_compare(cov, main)) <= set(near)
    assert build.compare_options(cov, main, limit=len(full)) == (full, False)
    # a province: the other provinces only
    cov = db.run_query("domain_coverage", synthetic_con, domains=DOMAINS, year_from=2024, year_to=2025,
                       locality="01")
    full, _ = build.compare_options(cov, "01")
    near, narrowed = build.compare_options(cov, "01", limit=len(full) - 1)
    assert narrowed and set(tree.loc[near, "tier"]) == {1} and "01" not in near
