"""Write data/datapackage.json: the machine-readable description of every curated CSV.

Run it after changing the data model; validation reads the JSON it writes.
"""
import json
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"

DOMAINS = ["sessions", "resolutions", "supervision", "interpellation", "petitions",
           "citizen_reception", "budget", "economy", "administration", "awards"]
BODIES = ["council", "standing_committee", "council_committees", "delegate_groups",
          "people_committee", "all_councils", "commune_standing_committees", "locality"]
LEVELS = ["region", "province", "central_city", "provincial_city", "district", "commune", "unidentified"]


def field(name, type_="string", required=False, enum=None, description="", **extra):
    f = {"name": name, "type": type_, "description": description}
    constraints = {}
    if required:
        constraints["required"] = True
    if enum:
        constraints["enum"] = enum
    constraints.update(extra)
    if constraints:
        f["constraints"] = constraints
    return f


FIGURE_FIELDS = [
    field("figure_id", required=True, description="Unique key, <source_id>-<nn>", pattern=r"^[a-z0-9][a-z0-9_.-]*$"),
    field("locality_code", required=True, description="localities.code"),
    field("body", required=True, enum=BODIES, description="Who acted"),
    field("indicator", required=True, description="indicators.indicator"),
    field("period_start", "date", required=True, description="First day of the period (ISO)"),
    field("period_end", "date", required=True, description="Last day of the period, inclusive (ISO)"),
    field("period_kind", required=True,
          enum=["year", "quarter", "month", "session", "part_year", "term_to_date", "multi_year", "as_of"]),
    field("value", "number", required=True, description="Plain decimal; money in billion VND"),
    field("qualifier", required=True, enum=["exact", "over", "about", "under"]),
    field("status", required=True, enum=["reported", "estimated", "planned", "derived"]),
    field("source_id", required=True, description="sources.source_id"),
    field("quote", required=True, description="Verbatim sentence from the source"),
    field("derived_from", description="figure_ids a derived figure is computed from, ;-separated"),
    field("derivation", description="How a derived figure is computed"),
    field("preferred", "boolean", required=True, description="Preferred among disagreeing sources"),
    field("flag", enum=["", "ambiguous", "conflicting"]),
    field("note", description="English remark"),
]


def figure_resource(domain):
    return {
        "name": domain,
        "path": f"{domain}.csv",
        "profile": "tabular-data-resource",
        "encoding": "utf-8",
        "description": f"Curated figures of the {domain} domain",
        "schema": {
            "fields": FIGURE_FIELDS,
            "primaryKey": ["figure_id"],
            "foreignKeys": [
                {"fields": ["locality_code"], "reference": {"resource": "localities", "fields": ["code"]}},
                {"fields": ["indicator"], "reference": {"resource": "indicators", "fields": ["indicator"]}},
                {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}},
            ],
        },
    }


RESOURCES = [
    {
        "name": "localities", "path": "localities.csv",
        "description": "Localities with national statistics office (GSO) codes where they exist",
        "schema": {
            "fields": [
                field("code", required=True, description="GSO code (2 digits province, 3 district, 5 commune), V-… for a region (vùng) or X-… for unidentified"),
                field("name_vi", required=True), field("name_en", required=True),
                field("level", required=True, enum=LEVELS),
                field("parent_code", description="Code of the parent locality"),
                field("valid_from", "date", description="First day the unit existed in this form (empty: before our data)"),
                field("valid_to", "date", description="Last day the unit existed (empty: still exists)"),
                field("note"),
            ],
            "primaryKey": ["code"],
            "foreignKeys": [{"fields": ["parent_code"], "reference": {"resource": "localities", "fields": ["code"]}}],
        },
    },
    {
        "name": "locality_lineage", "path": "locality_lineage.csv",
        "description": "How localities changed across reorganisations",
        "schema": {
            "fields": [
                field("from_code", required=True), field("to_code", required=True),
                field("effective_date", "date", required=True),
                field("kind", required=True, enum=["merged_into", "renamed", "split_into", "level_abolished"]),
                field("legal_basis"), field("note"),
            ],
            "primaryKey": ["from_code", "to_code", "effective_date"],
            "foreignKeys": [
                {"fields": ["from_code"], "reference": {"resource": "localities", "fields": ["code"]}},
                {"fields": ["to_code"], "reference": {"resource": "localities", "fields": ["code"]}},
            ],
        },
    },
    {
        "name": "locality_regions",
        "path": "locality_regions.csv",
        "description": "The socio-economic region (vùng) a province-level unit lies in, over time: peers for comparisons; never used to add figures",
        "schema": {
            "fields": [
                {
                    "name": "code",
                    "type": "string",
                    "description": "localities.code of a province-level unit",
                    "constraints": {
                        "required": True
                    }
                },
                {
                    "name": "region_code",
                    "type": "string",
                    "description": "localities.code of a region (level region)",
                    "constraints": {
                        "required": True
                    }
                },
                {
                    "name": "valid_from",
                    "type": "date",
                    "description": "first day of the membership; empty: since before the data"
                },
                {
                    "name": "valid_to",
                    "type": "date",
                    "description": "last day; empty: to this day"
                },
                {
                    "name": "note",
                    "type": "string",
                    "description": ""
                }
            ],
            "primaryKey": [
                "code",
                "valid_to"
            ],
            "foreignKeys": [
                {
                    "fields": [
                        "code"
                    ],
                    "reference": {
                        "resource": "localities",
                        "fields": [
                            "code"
                        ]
                    }
                },
                {
                    "fields": [
                        "region_code"
                    ],
                    "reference": {
                        "resource": "localities",
                        "fields": [
                            "code"
                        ]
                    }
                }
            ]
        }
    },
    {
        "name": "locality_names",
        "path": "locality_names.csv",
        "description": "The name a locality code carried in each period, where it changed (a code without rows here has its localities.csv name in every period)",
        "schema": {
            "fields": [
                {
                    "name": "code",
                    "type": "string",
                    "description": "localities.code",
                    "constraints": {
                        "required": True
                    }
                },
                {
                    "name": "name_vi",
                    "type": "string",
                    "description": "The name in that period",
                    "constraints": {
                        "required": True
                    }
                },
                {
                    "name": "name_en",
                    "type": "string",
                    "description": "",
                    "constraints": {
                        "required": True
                    }
                },
                {
                    "name": "valid_from",
                    "type": "date",
                    "description": "First day of the name (empty: before our data)"
                },
                {
                    "name": "valid_to",
                    "type": "date",
                    "description": "Last day of the name (empty: still current)"
                },
                {
                    "name": "legal_basis",
                    "type": "string",
                    "description": "The act that gave or ended the name",
                    "constraints": {
                        "required": True
                    }
                },
                {
                    "name": "note",
                    "type": "string",
                    "description": ""
                }
            ],
            "primaryKey": [
                "code",
                "name_vi",
                "valid_from"
            ],
            "foreignKeys": [
                {
                    "fields": [
                        "code"
                    ],
                    "reference": {
                        "resource": "localities",
                        "fields": [
                            "code"
                        ]
                    }
                }
            ]
        }
    },
    {
        "name": "sources", "path": "sources.csv",
        "description": "Documents and web pages figures are taken from",
        "schema": {
            "fields": [
                field("source_id", required=True, pattern=r"^[a-z0-9][a-z0-9_-]*$"),
                field("title", required=True), field("publisher", required=True),
                field("published", description="ISO date, YYYY-MM or YYYY; empty if unknown"),
                field("kind", required=True, enum=["seed_document", "web_page"]),
                field("file", description="seeds/<file>.txt for documents held in data/"),
                field("url"),
                field("reliability", required=True, enum=["high", "medium", "low"]),
                field("grade", enum=["", "official_portal", "newspaper", "forum", "reposting", "document"],
                      description="What kind of publisher the source is: official_portal (a government or "
                                  "council portal), newspaper (a news site or journal), forum (a discussion "
                                  "board), reposting (a site copying others' text), document (a document held "
                                  "in data/seeds/); empty when not graded"),
                field("note"),
            ],
            "primaryKey": ["source_id"],
        },
    },
    {
        "name": "indicators", "path": "indicators.csv",
        "description": "What each figure counts, its unit, and how it may be compared",
        "schema": {
            "fields": [
                field("indicator", required=True, pattern=r"^[a-z][a-z0-9_]*$"),
                field("domain", required=True, enum=DOMAINS),
                field("name_vi", required=True), field("name_en", required=True),
                field("unit_vi", required=True), field("unit_en", required=True),
                field("unit_kind", required=True, enum=["count", "change", "percent", "money", "ratio"],
                      description="count: non-negative integer; change: signed difference; percent; money: billion VND"),
                field("decimals", "integer", required=True, minimum=0, maximum=4),
                field("summable", "boolean", required=True, description="May be added across localities"),
                field("higher_is_better", "string", enum=["true", "false", ""],
                      description="Direction that is good; empty when neither"),
                field("max_value", "number", description="Upper bound (100 for a share); empty when none"),
                field("share_group", description="Indicators whose values are shares of one whole (sum to 100)"),
                field("headline", "boolean", required=True, description="Shown on the Overview page"),
                field("sort_order", "integer", required=True),
                field("description_en"),
            ],
            "primaryKey": ["indicator"],
        },
    },
    {
        "name": "session_register", "path": "session_register.csv",
        "description": "Council sessions named in the sources",
        "schema": {
            "fields": [
                field("session_id", required=True, pattern=r"^[a-z0-9][a-z0-9_.-]*$"),
                field("locality_code", required=True),
                field("term", required=True, description="e.g. 2021-2026"),
                field("session_number", "integer", description="Kỳ họp thứ N; empty if not given"),
                field("kind", required=True, enum=["regular", "thematic", "extraordinary", "unknown"]),
                field("status", required=True, enum=["held", "planned", "postponed"]),
                field("start_date", "date"), field("end_date", "date"),
                field("resolutions_passed", "integer", minimum=0),
                field("resolutions_qualifier", enum=["", "exact", "over", "about", "under"]),
                field("resolutions_status", enum=["", "reported", "estimated", "planned"]),
                field("source_id", required=True), field("quote", required=True), field("note"),
            ],
            "primaryKey": ["session_id"],
            "foreignKeys": [
                {"fields": ["locality_code"], "reference": {"resource": "localities", "fields": ["code"]}},
                {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}},
            ],
        },
    },
] + [figure_resource(d) for d in DOMAINS]

for r in RESOURCES:
    r.setdefault("profile", "tabular-data-resource")
    r.setdefault("encoding", "utf-8")
    r.setdefault("format", "csv")

PACKAGE = {
    "name": "govdash-curated",
    "title": "govdash: curated governance figures of Vietnamese people's councils and committees",
    "licenses": [{"name": "CC-BY-4.0", "title": "Figures quoted from public documents; see sources.csv"}],
    "resources": RESOURCES,
}

if __name__ == "__main__":
    (DATA / "datapackage.json").write_text(json.dumps(PACKAGE, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print("wrote", DATA / "datapackage.json")
