#!/usr/bin/env python3
"""Makes samples/benchmarks/national-framework/ from the National Framework dashboard's published CSVs.

    tools/trim-national-framework.py SOURCE_DIR [OUT_DIR]

SOURCE_DIR holds the dashboard's files as converted to CSV (e.g. ../shared/benchmarks/dfe-national-framework).
Keeps, unchanged, the rows the mapping (samples/benchmarks/national-framework/mapping.yaml) reads, at the
national, regional and local-authority levels, and only the columns it needs; the files shrink from 33 MB
to a few hundred kilobytes. Values are never altered.
"""
import csv
import os
import sys

AREA = ["time_period", "geographic_level", "geo_breakdown", "old_la_code", "new_la_code"]
LEVELS = {"National", "Regional", "Local authority"}

# file: (columns kept besides the area columns, row filter)
FILES = {
    "assessment_factors.csv": (["assessment_factor", "rate_per_10000_char"], lambda r: True),
    "cla_uasc_starting.csv": (["population_count", "characteristic", "placement_per_10000"],
                              lambda r: r["characteristic"] == "UASC" and r["population_count"] == "Children starting to be looked after each year"),
    "cla_uasc_31_march.csv": (["population_count", "characteristic", "placement_per_10000"],
                              lambda r: r["characteristic"] == "UASC" and r["population_count"] == "Children looked after on 31 March each year"),
    "ceased_cla_data.csv": (["cla_group", "characteristic", "percentage"],
                            lambda r: r["cla_group"] == "Reason episode ceased" and r["characteristic"] in (
                                "Special guardianship order", "Residence order or child arrangement order granted")),
    "placement_data.csv": (["cla_group", "characteristic", "percentage"],
                           lambda r: r["characteristic"] in (
                               "Placed more than 20 miles from home", "Foster placements", "Secure homes and children's homes",
                               "Independent and semi-independent living arrangements/supported accommodation")),
    "duration_cpp.csv": (["X2_years_or_more_percent"], lambda r: True),
    "wellbeing_sdq_data.csv": (["characteristic", "number"], lambda r: r["characteristic"] == "SDQ average score"),
    "sw_stability_data.csv": (["sw_stability", "percentage"], lambda r: True),
    "placement_order_match_data.csv": (["age_start_poc", "number"], lambda r: r["age_start_poc"] == "Total (all ages)"),
}


def main() -> None:
    source = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "samples", "benchmarks", "national-framework")
    for name, (columns, keep) in FILES.items():
        with open(os.path.join(source, name), encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
        header = [c for c in AREA if c in rows[0]] + columns
        kept = [r for r in rows if r["geographic_level"] in LEVELS and keep(r)]
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(header)
            for r in kept:
                writer.writerow([r[c] for c in header])
        print(f"{name}: {len(kept)} of {len(rows)} rows")


if __name__ == "__main__":
    main()
