-- conflictdb schema, version 1: sources, actors, mentions, places, events and their reports.
-- A shipped migration is never edited: add a new NNNN_name.sql file instead.
-- Offsets (span_start, span_end) are character offsets into sources.body, end exclusive:
-- substr(body, span_start + 1, span_end - span_start) is the evidence text.

CREATE TABLE sources (
    id              INTEGER PRIMARY KEY,
    path            TEXT NOT NULL,
    outlet          TEXT,
    url             TEXT,
    title           TEXT,
    published       TEXT,
    published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year')),
    description     TEXT,
    words           INTEGER NOT NULL,
    declared_words  INTEGER,
    sha256          TEXT NOT NULL UNIQUE,
    format          TEXT NOT NULL CHECK (format IN ('front_matter', 'date_line', 'plain', 'jsonl')),
    body            TEXT NOT NULL,
    imported_at     TEXT NOT NULL
);
CREATE INDEX sources_url ON sources(url);
CREATE INDEX sources_path ON sources(path);
CREATE INDEX sources_published ON sources(published);

CREATE VIRTUAL TABLE sources_fts USING fts5(
    title, body, content = 'sources', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER sources_fts_ai AFTER INSERT ON sources BEGIN
    INSERT INTO sources_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER sources_fts_ad AFTER DELETE ON sources BEGIN
    INSERT INTO sources_fts(sources_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER sources_fts_au AFTER UPDATE OF title, body ON sources BEGIN
    INSERT INTO sources_fts(sources_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO sources_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TABLE diagnostics (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    severity    TEXT NOT NULL CHECK (severity IN ('warning', 'error')),
    line        INTEGER,
    message     TEXT NOT NULL
);
CREATE INDEX diagnostics_source ON diagnostics(source_id);

CREATE TABLE sentences (
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    boilerplate INTEGER NOT NULL DEFAULT 0 CHECK (boilerplate IN (0, 1)),
    PRIMARY KEY (source_id, idx)
) WITHOUT ROWID;

CREATE TABLE actors (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('country', 'person', 'organization', 'armed_force', 'government_body')),
    country TEXT,
    title   TEXT,
    UNIQUE (name, kind)
);

CREATE TABLE actor_aliases (
    id        INTEGER PRIMARY KEY,
    actor_id  INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE,
    UNIQUE (actor_id, alias, source_id)
);
CREATE INDEX actor_aliases_source ON actor_aliases(source_id);
CREATE INDEX actor_aliases_alias ON actor_aliases(alias);

CREATE TABLE places (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    country TEXT,
    admin1  TEXT,
    kind    TEXT,
    lat     REAL,
    lon     REAL
);
CREATE UNIQUE INDEX places_identity ON places(name, ifnull(country, ''));

CREATE TABLE mentions (
    id         INTEGER PRIMARY KEY,
    source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    canonical  TEXT NOT NULL,
    country    TEXT,
    subtype    TEXT,
    sentence   INTEGER NOT NULL,
    rule       TEXT NOT NULL,
    actor_id   INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    place_id   INTEGER REFERENCES places(id) ON DELETE SET NULL
);
CREATE INDEX mentions_source ON mentions(source_id);
CREATE INDEX mentions_actor ON mentions(actor_id);
CREATE INDEX mentions_place ON mentions(place_id);
CREATE INDEX mentions_kind_canonical ON mentions(kind, canonical);

-- Events: the real-world happenings. Reports: what one source says. Figures live on reports.

CREATE TABLE exchanges (
    id             INTEGER PRIMARY KEY,
    event_date     TEXT,
    date_precision TEXT CHECK (date_precision IN ('day', 'range', 'month', 'year')),
    end_date       TEXT,
    status         TEXT NOT NULL CHECK (status IN ('completed', 'agreed')),
    side_a         TEXT NOT NULL,
    side_b         TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('pow', 'civilians', 'bodies', 'mixed')),
    merge_rule     TEXT NOT NULL
);
CREATE INDEX exchanges_sides_date ON exchanges(side_a, side_b, event_date);

CREATE TABLE exchange_reports (
    id                INTEGER PRIMARY KEY,
    exchange_id       INTEGER REFERENCES exchanges(id) ON DELETE SET NULL,
    source_id         INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    claimant_actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    event_date        TEXT,
    date_precision    TEXT CHECK (date_precision IN ('day', 'range', 'month', 'year')),
    end_date          TEXT,
    status            TEXT NOT NULL CHECK (status IN ('completed', 'agreed')),
    side_a            TEXT NOT NULL,
    side_b            TEXT NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('pow', 'civilians', 'bodies', 'mixed')),
    returned_to_a     INTEGER,
    returned_to_a_q   TEXT,
    returned_to_b     INTEGER,
    returned_to_b_q   TEXT,
    total             INTEGER,
    total_q           TEXT,
    civilians_to_a    INTEGER,
    civilians_to_a_q  TEXT,
    civilians_to_b    INTEGER,
    civilians_to_b_q  TEXT,
    qualifier         TEXT NOT NULL CHECK (qualifier IN ('exact', 'at_least', 'more_than', 'about', 'up_to')),
    mediators         TEXT,
    span_start        INTEGER NOT NULL,
    span_end          INTEGER NOT NULL,
    rule              TEXT NOT NULL
);
CREATE INDEX exchange_reports_exchange ON exchange_reports(exchange_id);
CREATE INDEX exchange_reports_source ON exchange_reports(source_id);
CREATE INDEX exchange_reports_claimant ON exchange_reports(claimant_actor_id);

CREATE TABLE attacks (
    id             INTEGER PRIMARY KEY,
    event_date     TEXT,
    date_precision TEXT CHECK (date_precision IN ('day', 'range', 'month', 'year')),
    end_date       TEXT,
    attacker       TEXT,
    target_country TEXT,
    merge_rule     TEXT NOT NULL
);
CREATE INDEX attacks_attacker_target_date ON attacks(attacker, target_country, event_date);

CREATE TABLE attack_reports (
    id                  INTEGER PRIMARY KEY,
    attack_id           INTEGER REFERENCES attacks(id) ON DELETE SET NULL,
    source_id           INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    claimant_actor_id   INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    event_date          TEXT,
    date_precision      TEXT CHECK (date_precision IN ('day', 'range', 'month', 'year')),
    end_date            TEXT,
    attacker            TEXT,
    target_country      TEXT,
    locations           TEXT,
    targets             TEXT,
    drones_launched     INTEGER,
    drones_launched_q   TEXT,
    drones_downed       INTEGER,
    drones_downed_q     TEXT,
    drones_hit          INTEGER,
    drones_hit_q        TEXT,
    missiles_launched   INTEGER,
    missiles_launched_q TEXT,
    missiles_downed     INTEGER,
    missiles_downed_q   TEXT,
    missiles_hit        INTEGER,
    missiles_hit_q      TEXT,
    killed              INTEGER,
    killed_q            TEXT,
    injured             INTEGER,
    injured_q           TEXT,
    qualifier           TEXT NOT NULL CHECK (qualifier IN ('exact', 'at_least', 'more_than', 'about', 'up_to')),
    span_start          INTEGER NOT NULL,
    span_end            INTEGER NOT NULL,
    rule                TEXT NOT NULL
);
CREATE INDEX attack_reports_attack ON attack_reports(attack_id);
CREATE INDEX attack_reports_source ON attack_reports(source_id);
CREATE INDEX attack_reports_claimant ON attack_reports(claimant_actor_id);

CREATE TABLE talks (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL,
    round            INTEGER,
    location         TEXT,
    location_country TEXT,
    start_date       TEXT,
    date_precision   TEXT CHECK (date_precision IN ('day', 'range', 'month', 'year')),
    end_date         TEXT,
    merge_rule       TEXT NOT NULL
);
CREATE INDEX talks_location_date ON talks(location, start_date);

CREATE TABLE talks_reports (
    id               INTEGER PRIMARY KEY,
    talks_id         INTEGER REFERENCES talks(id) ON DELETE SET NULL,
    source_id        INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    name             TEXT NOT NULL,
    round            INTEGER,
    location         TEXT,
    location_country TEXT,
    start_date       TEXT,
    date_precision   TEXT CHECK (date_precision IN ('day', 'range', 'month', 'year')),
    end_date         TEXT,
    parties          TEXT,
    mediators        TEXT,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    rule             TEXT NOT NULL
);
CREATE INDEX talks_reports_talks ON talks_reports(talks_id);
CREATE INDEX talks_reports_source ON talks_reports(source_id);

CREATE TABLE delegations (
    id               INTEGER PRIMARY KEY,
    talks_report_id  INTEGER NOT NULL REFERENCES talks_reports(id) ON DELETE CASCADE,
    talks_id         INTEGER REFERENCES talks(id) ON DELETE SET NULL,
    source_id        INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    side             TEXT NOT NULL
);
CREATE INDEX delegations_talks_report ON delegations(talks_report_id);
CREATE INDEX delegations_talks ON delegations(talks_id);
CREATE INDEX delegations_source ON delegations(source_id);

CREATE TABLE delegation_members (
    id            INTEGER PRIMARY KEY,
    delegation_id INTEGER NOT NULL REFERENCES delegations(id) ON DELETE CASCADE,
    actor_id      INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    name          TEXT NOT NULL,
    role          TEXT,
    source_id     INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    span_start    INTEGER NOT NULL,
    span_end      INTEGER NOT NULL
);
CREATE INDEX delegation_members_delegation ON delegation_members(delegation_id);
CREATE INDEX delegation_members_actor ON delegation_members(actor_id);
CREATE INDEX delegation_members_source ON delegation_members(source_id);

-- One line of documentation per table, view and column; `conflictdb schema` prints it.
CREATE TABLE codebook (
    object      TEXT NOT NULL,
    "column"    TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL,
    PRIMARY KEY (object, "column")
);
