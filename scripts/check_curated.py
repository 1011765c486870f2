#!/usr/bin/env python3
"""Validate the curated (non-geographic) dictionary files of conflictdb.

Checks, reporting every problem as FILE:LINE: message:
  * UTF-8, no CR characters, a comment block at the top that names a source and a last update
    (`Last update: YYYY-MM-DD`), then a header line with exactly the expected column names;
  * the same number of TAB-separated cells on every line, no stray spaces around cells,
    no empty required cells, no empty items in |-separated lists;
  * valid kinds, categories, frames and slots; ISO 3166-1 alpha-3 codes (3 uppercase letters, and
    present in countries.tsv when that file exists); valid ISO dates with valid_from <= valid_to;
  * no term, alias or name listed twice within a file (after normalizing apostrophes and dashes the
    way the matcher does); in people.tsv the same person may have several lines (one per title),
    but an alias may not belong to two different people, nor equal the bare surname of the name;
  * with --corpus DIR: no cell of six or more words occurs verbatim in the articles of DIR, unless it is
    a proper name (every word capitalized or a function word: an office or a body, not a sentence).

Usage: python3 scripts/check_curated.py [--dir DICTDIR] [--corpus DIR]
Exit status 0 when every file passes.
"""
import argparse
import datetime
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.join(HERE, "..", "Sources", "ConflictExtraction", "Resources", "dictionaries")

KINDS_ACTOR = {"armed_force", "government_body", "organization"}
FRAMES = {
    "attack": {"launched", "downed", "lost", "hit", "event"},
    "casualty": {"killed", "injured", "casualties"},
    "exchange": {"event", "returned", "people", "agreed"},
    "talks": {"event"},
    "delegation": {"group", "member", "lead"},
    "claim": {"speech"},
    "mediation": {"mediator"},
}
TARGET_CATEGORIES = {"energy", "fuel", "port", "residential", "civilian", "industrial", "military",
                     "transport", "infrastructure"}
WEAPON_SUBTYPES = {
    "drone": {"drone", "attack_drone", "jet_drone", "decoy", "reconnaissance", "fpv", "naval"},
    "missile": {"missile", "ballistic", "cruise", "guided", "hypersonic", "air_defense", "anti_ship",
                "rocket", "drone_missile"},
    "bomb": {"glide", "aerial", "cluster"},
}

# file -> (columns, required columns, columns whose values are unique keys, list columns that are keys)
SPECS = {
    "institutions.tsv": (["pattern", "kind", "canonical"], ["pattern", "kind", "canonical"], ["pattern"], []),
    "organizations.tsv": (["name", "kind", "country", "aliases"], ["name", "kind"], ["name"], ["aliases"]),
    "people.tsv": (["name", "country", "title", "valid_from", "valid_to", "aliases"], ["name", "title"], [], []),
    "given_names.tsv": (["name"], ["name"], ["name"], []),
    "titles.tsv": (["title", "kind"], ["title", "kind"], ["title"], []),
    "weapons.tsv": (["term", "category", "subtype"], ["term", "category", "subtype"], ["term"], []),
    "triggers.tsv": (["term", "frame", "slot"], ["term", "frame", "slot"], ["term"], []),
    "targets.tsv": (["term", "category"], ["term", "category"], ["term"], []),
    "abbreviations.tsv": (["abbreviation"], ["abbreviation"], ["abbreviation"], []),
    "numbers.tsv": (["word", "value", "kind"], ["word", "value", "kind"], ["word"], []),
    "ordinals.tsv": (["word", "value"], ["word", "value"], ["word"], []),
    "boilerplate.tsv": (["pattern", "where"], ["pattern", "where"], ["pattern"], []),
}

APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2013": "-", "\u2014": "-",
                      "\u2010": "-", "\u2011": "-", "\u2212": "-"})


def norm(s):
    return re.sub(r"\s+", " ", s.translate(APOS)).strip()


def load_iso3(d):
    path = os.path.join(d, "countries.tsv")
    if not os.path.exists(path):
        return None
    codes, header = set(), None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            if "iso3" in header:
                codes.add(cells[header.index("iso3")])
    return codes


def parse_date(s):
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            raise ValueError
        return datetime.date.fromisoformat(s)
    except ValueError:
        return None


def check_file(d, fname, iso3, errors, corpus):
    cols, required, key_cols, key_lists = SPECS[fname]
    path = os.path.join(d, fname)
    rel = fname

    def err(n, msg):
        errors.append(f"{rel}:{n}: {msg}")

    if not os.path.exists(path):
        err(0, "file missing")
        return 0
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(0, f"not UTF-8 ({e})")
        return 0
    if "\r" in text:
        err(0, "contains CR characters (use LF line ends)")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()

    # comment block
    comments = []
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        comments.append(lines[i])
        i += 1
    if not comments:
        err(1, "missing comment block at the top")
    else:
        block = "\n".join(comments)
        m = re.search(r"Last update:\s*(\d{4}-\d{2}-\d{2})", block)
        if not m or not parse_date(m.group(1)):
            err(1, "comment block lacks 'Last update: YYYY-MM-DD'")
        if "Source" not in block and "source" not in block:
            err(1, "comment block does not name the source")
        if "licen" not in block.lower() and "released with the project" not in block:
            err(1, "comment block does not state the licence")
    # header
    while i < len(lines) and lines[i].strip() == "":
        i += 1
    if i >= len(lines):
        err(i + 1, "missing header line")
        return 0
    header = lines[i].split("\t")
    if header != cols:
        err(i + 1, f"header is {header!r}, expected {cols!r}")
        return 0
    hdr_line = i + 1

    seen = {}          # normalized key -> (line, owner)
    person_keys = {}   # people.tsv: normalized name/alias -> person name
    rows = 0
    for n in range(hdr_line + 1, len(lines) + 1):
        line = lines[n - 1]
        if line.startswith("#"):
            continue
        if line.strip() == "":
            err(n, "empty line")
            continue
        cells = line.split("\t")
        if len(cells) != len(cols):
            err(n, f"{len(cells)} cells, expected {len(cols)}")
            continue
        rows += 1
        row = dict(zip(cols, cells))
        for c, v in row.items():
            if v != v.strip():
                err(n, f"column {c}: leading or trailing space")
            if c in required and not v.strip():
                err(n, f"column {c}: empty")
            if "|" in v and c not in ("aliases",):
                err(n, f"column {c}: '|' only allowed in list columns")
            if c == "aliases" and v and any(not a.strip() for a in v.split("|")):
                err(n, "aliases: empty item")
            if corpus and len(v.split()) >= 6 and not is_proper_name(v) and norm(v) in corpus:
                err(n, f"column {c}: text occurs verbatim in the corpus")

        # per-file semantics
        if fname == "institutions.tsv":
            p, k, can = row["pattern"], row["kind"], row["canonical"]
            if k not in KINDS_ACTOR:
                err(n, f"unknown kind {k!r}")
            if "{adj}" not in p and "{country}" not in p:
                err(n, "pattern has neither {adj} nor {country}")
            if "{adj}" not in can:
                err(n, "canonical lacks {adj}")
            for s, what in ((p, "pattern"), (can, "canonical")):
                rest = s.replace("{adj}", "").replace("{country}", "")
                if "{" in rest or "}" in rest:
                    err(n, f"{what}: unknown placeholder")
        elif fname == "organizations.tsv":
            if row["kind"] not in KINDS_ACTOR:
                err(n, f"unknown kind {row['kind']!r}")
        elif fname == "titles.tsv":
            if row["kind"] not in {"office", "honorific", "military_rank"}:
                err(n, f"unknown kind {row['kind']!r}")
        elif fname == "weapons.tsv":
            cat, sub = row["category"], row["subtype"]
            if cat not in WEAPON_SUBTYPES:
                err(n, f"unknown category {cat!r}")
            elif sub not in WEAPON_SUBTYPES[cat]:
                err(n, f"unknown subtype {sub!r} for category {cat}")
        elif fname == "triggers.tsv":
            fr, sl = row["frame"], row["slot"]
            if fr not in FRAMES:
                err(n, f"unknown frame {fr!r}")
            elif sl not in FRAMES[fr]:
                err(n, f"unknown slot {sl!r} for frame {fr}")
        elif fname == "targets.tsv":
            if row["category"] not in TARGET_CATEGORIES:
                err(n, f"unknown category {row['category']!r}")
        elif fname == "abbreviations.tsv":
            if not row["abbreviation"].endswith("."):
                err(n, "abbreviation does not end with '.'")
        elif fname == "numbers.tsv":
            if row["kind"] not in {"unit", "multiplier", "vague"}:
                err(n, f"unknown kind {row['kind']!r}")
            if not re.fullmatch(r"\d+", row["value"]):
                err(n, "value is not a non-negative integer")
        elif fname == "ordinals.tsv":
            if not re.fullmatch(r"[1-9]\d*", row["value"]):
                err(n, "value is not a positive integer")
        elif fname == "boilerplate.tsv":
            if row["where"] not in {"contains", "prefix", "suffix"}:
                err(n, f"unknown where {row['where']!r}")
        elif fname == "given_names.tsv":
            if " " in row["name"]:
                err(n, "given name contains a space")

        if "country" in row and row["country"]:
            c = row["country"]
            if not re.fullmatch(r"[A-Z]{3}", c):
                err(n, f"country {c!r} is not an ISO 3166-1 alpha-3 code")
            elif iso3 is not None and c not in iso3:
                err(n, f"country {c!r} is not in countries.tsv")

        if fname == "people.tsv":
            df, dt = row["valid_from"], row["valid_to"]
            d1 = parse_date(df) if df else None
            d2 = parse_date(dt) if dt else None
            if df and not d1:
                err(n, f"valid_from {df!r} is not an ISO date")
            if dt and not d2:
                err(n, f"valid_to {dt!r} is not an ISO date")
            if d1 and d2 and d1 > d2:
                err(n, "valid_from is after valid_to")
            name = row["name"]
            surname = name.split()[-1]
            for a in [name] + [x for x in row["aliases"].split("|") if x]:
                if a != name and norm(a) == norm(surname):
                    err(n, f"alias {a!r} is the bare surname (derived by the code)")
                if a != name and norm(a) == norm(name):
                    err(n, f"alias {a!r} repeats the name")
                k = norm(a)
                if k in person_keys and person_keys[k][1] != name:
                    err(n, f"{a!r} already belongs to {person_keys[k][1]} (line {person_keys[k][0]})")
                else:
                    person_keys.setdefault(k, (n, name))
            continue

        keys = [row[c] for c in key_cols]
        for c in key_lists:
            keys += [x for x in row[c].split("|") if x]
        local = set()
        for kraw in keys:
            k = norm(kraw)
            if k in local:
                err(n, f"{kraw!r} listed twice on this line")
                continue
            local.add(k)
            if k in seen:
                err(n, f"{kraw!r} already listed on line {seen[k]}")
            else:
                seen[k] = n
    if rows == 0:
        err(hdr_line, "no entries")
    return rows


FUNCTION_WORDS = {"of", "the", "for", "and", "on", "in", "to", "at", "de", "del", "da", "von", "der", "bin", "al"}


def is_proper_name(v):
    """A name of a body or office ("Secretary of the National Security and Defense Council"): every
    word capitalized or a function word. Such names may occur in articles; sentences may not."""
    return all(w[:1].isupper() or w.lower() in FUNCTION_WORDS for w in v.split())


def load_corpus(d):
    text = []
    for fn in sorted(os.listdir(d)):
        if fn.endswith((".md", ".txt")):
            text.append(open(os.path.join(d, fn), encoding="utf-8", errors="ignore").read())
    return norm(" ".join(text))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", default=DEFAULT_DIR)
    ap.add_argument("--corpus", help="folder of articles whose sentences must not appear in the files")
    a = ap.parse_args()
    iso3 = load_iso3(a.dir)
    corpus = load_corpus(a.corpus) if a.corpus else None
    errors, counts = [], {}
    for fname in SPECS:
        counts[fname] = check_file(a.dir, fname, iso3, errors, corpus)
    for e in errors:
        print(e)
    for fname, c in counts.items():
        print(f"{fname}: {c} entries", file=sys.stderr)
    if errors:
        print(f"{len(errors)} problem(s)", file=sys.stderr)
        return 1
    print("all curated dictionary files pass", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
