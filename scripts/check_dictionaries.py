#!/usr/bin/env python3
"""Check conflictdb's geographic dictionaries (countries.tsv, places.tsv).

    python3 scripts/check_dictionaries.py [DICTIONARY_DIR]

Checks: the comment header block (columns, source, licence, last update), the header line, the number of
cells on every line, ISO3 codes (every place country exists in countries.tsv; countries.tsv holds each
ISO 3166-1 code once when iso-codes is installed), valid kinds, lat/lon ranges, admin1 of places in the
focus countries naming a region of places.tsv, and that no name/alias/demonym maps to two entries within
or between the two files. Prints `FILE:LINE: message` per problem; exits 1 if any.
Stdlib only.
"""
import json
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Sources", "ConflictExtraction", "Resources", "dictionaries")
KINDS = {"capital", "city", "town", "region", "district", "venue", "water", "territory"}
FOCUS = {"UKR", "RUS", "BLR", "MDA", "GEO"}
errors = []


def err(path, line, msg):
    errors.append(f"{os.path.basename(path)}:{line}: {msg}")


def load(path, columns):
    rows, header, comments = [], None, []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.startswith("#"):
                if header is None:
                    comments.append(line.lower())
                continue
            if not line.strip():
                err(path, n, "empty line")
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                if header != columns:
                    err(path, n, f"header {header} != {columns}")
                continue
            if len(cells) != len(header):
                err(path, n, f"{len(cells)} cells, expected {len(header)}")
                continue
            if any(c != c.strip() for c in cells):
                err(path, n, "cell with leading/trailing whitespace")
            if unicodedata.normalize("NFC", line) != line:
                err(path, n, "text not in Unicode NFC")
            rows.append((n, dict(zip(header, cells))))
    text = " ".join(comments)
    if not comments:
        err(path, 1, "missing comment header block")
    for word in ("columns", "source", "licen", "last update"):
        if word not in text:
            err(path, 1, f"comment header does not mention {word!r}")
    if header is None:
        err(path, 1, "missing header line")
    return rows


def lst(cell):
    parts = cell.split("|") if cell else []
    return parts


def main():
    cpath = os.path.join(DIR, "countries.tsv")
    ppath = os.path.join(DIR, "places.tsv")
    countries = load(cpath, ["iso3", "name", "aliases", "demonyms"])
    places = load(ppath, ["name", "country", "admin1", "kind", "lat", "lon", "aliases"])

    owner = {}  # alias -> (file, line, entry)

    def claim(path, n, entry, alias):
        if not alias or alias != alias.strip():
            err(path, n, f"empty or padded list item in {entry!r}")
            return
        prev = owner.get(alias)
        if prev and prev[2] != entry:
            err(path, n, f"{alias!r} of {entry!r} already maps to {prev[2]!r} ({prev[0]}:{prev[1]})")
        elif not prev:
            owner[alias] = (os.path.basename(path), n, entry)

    iso3 = set()
    for n, r in countries:
        code = r["iso3"]
        if len(code) != 3 or not code.isalpha() or not code.isupper():
            err(cpath, n, f"bad iso3 {code!r}")
        if code in iso3:
            err(cpath, n, f"duplicate iso3 {code}")
        iso3.add(code)
        if not r["name"]:
            err(cpath, n, "empty name")
        entry = f"country {code}"
        for a in [r["name"]] + lst(r["aliases"]) + lst(r["demonyms"]):
            claim(cpath, n, entry, a)
    iso_json = "/usr/share/iso-codes/json/iso_3166-1.json"
    if os.path.exists(iso_json):
        want = {c["alpha_3"] for c in json.load(open(iso_json, encoding="utf-8"))["3166-1"]}
        if want - iso3:
            err(cpath, 1, f"missing ISO 3166-1 codes {sorted(want - iso3)}")
        if iso3 - want:
            err(cpath, 1, f"codes not in ISO 3166-1 {sorted(iso3 - want)}")

    regions = {(r["country"], r["name"]) for _, r in places if r["kind"] in ("region", "district", "territory")}
    cities = {(r["country"], r["name"]) for _, r in places if r["kind"] in ("capital", "city")}
    names = set()
    for n, r in places:
        if r["name"] in names:
            err(ppath, n, f"duplicate name {r['name']!r}")
        names.add(r["name"])
        if r["country"] and r["country"] not in iso3:
            err(ppath, n, f"country {r['country']!r} not in countries.tsv")
        if not r["country"] and r["kind"] not in ("water", "territory"):
            err(ppath, n, "empty country allowed only for water/territory")
        if r["kind"] not in KINDS:
            err(ppath, n, f"unknown kind {r['kind']!r}")
        for key, lim in (("lat", 90), ("lon", 180)):
            if r[key]:
                try:
                    if abs(float(r[key])) > lim:
                        err(ppath, n, f"{key} out of range")
                except ValueError:
                    err(ppath, n, f"{key} not a number: {r[key]!r}")
        if r["kind"] in ("region", "district") and r["admin1"] != r["name"]:
            err(ppath, n, "a region's admin1 must be its own name")
        if r["country"] in FOCUS and r["admin1"] and (r["country"], r["admin1"]) not in regions \
                and (r["country"], r["admin1"]) not in cities:
            err(ppath, n, f"admin1 {r['admin1']!r} is not a region or city-region of {r['country']}")
        entry = f"place {r['name']}"
        for a in [r["name"]] + lst(r["aliases"]):
            claim(ppath, n, entry, a)

    for e in errors:
        print(e)
    print(f"countries.tsv: {len(countries)} rows, places.tsv: {len(places)} rows, {len(owner)} distinct names; "
          f"{len(errors)} problem(s)")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
