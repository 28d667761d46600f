-- 0001 (SQLite): the corpus store. One row per article (its raw input, cleaned text and the full
-- JSON Lines record), its annotations in plain tables for SQL queries, and a full-text
-- index over the *normalised* cleaned text (marsad.text.normalize.match_key).

CREATE TABLE articles (
    doc_id           TEXT PRIMARY KEY,
    content_hash     TEXT NOT NULL,          -- sha256 of the raw input and its metadata
    raw              TEXT NOT NULL,          -- the raw input text, as read
    kind             TEXT NOT NULL CHECK (kind IN ('text', 'html')),
    path             TEXT,
    url              TEXT,
    outlet           TEXT,
    published        TEXT,                   -- ISO date the pipeline settled on
    title            TEXT,
    text             TEXT NOT NULL,          -- the cleaned text every offset points into
    raw_url          TEXT,                   -- what the source said, kept for reprocess
    raw_outlet       TEXT,
    raw_published    TEXT,
    pipeline_version TEXT NOT NULL,
    processed_at     TEXT NOT NULL,
    record_json      TEXT NOT NULL           -- marsad.export.jsonl.doc_to_record
);

CREATE TABLE entities (
    doc_id    TEXT NOT NULL REFERENCES articles (doc_id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    kb_id     TEXT,
    type      TEXT NOT NULL,
    name      TEXT NOT NULL,
    name_en   TEXT,
    lat       REAL,
    lon       REAL,
    PRIMARY KEY (doc_id, entity_id)
);
CREATE INDEX entities_kb_id ON entities (kb_id);

CREATE TABLE mentions (
    doc_id    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    FOREIGN KEY (doc_id, entity_id) REFERENCES entities (doc_id, entity_id) ON DELETE CASCADE
);
CREATE INDEX mentions_entity ON mentions (doc_id, entity_id);

CREATE TABLE events (
    doc_id         TEXT NOT NULL REFERENCES articles (doc_id) ON DELETE CASCADE,
    event_id       TEXT NOT NULL,
    type           TEXT NOT NULL,
    mode           TEXT,
    date_start     TEXT,
    date_end       TEXT,
    location       TEXT,                    -- an entity_id of the same article
    certainty      TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence_text  TEXT NOT NULL,
    PRIMARY KEY (doc_id, event_id),
    FOREIGN KEY (doc_id, location) REFERENCES entities (doc_id, entity_id)
);
CREATE INDEX events_type_date ON events (type, date_start);

CREATE TABLE event_roles (
    doc_id    TEXT NOT NULL,
    event_id  TEXT NOT NULL,
    role      TEXT NOT NULL CHECK (role IN ('actor', 'target', 'source')),
    entity_id TEXT NOT NULL,
    FOREIGN KEY (doc_id, event_id) REFERENCES events (doc_id, event_id) ON DELETE CASCADE,
    FOREIGN KEY (doc_id, entity_id) REFERENCES entities (doc_id, entity_id) ON DELETE CASCADE
);
CREATE INDEX event_roles_event ON event_roles (doc_id, event_id);
CREATE INDEX event_roles_entity ON event_roles (doc_id, entity_id);

-- Articles that could not be read or processed. Keyed by (doc_id, path) so that a resumed
-- or repeated run updates a failure instead of recording it twice.
CREATE TABLE failures (
    doc_id TEXT NOT NULL,
    path   TEXT NOT NULL DEFAULT '',
    stage  TEXT NOT NULL,
    reason TEXT NOT NULL,
    code   TEXT NOT NULL,
    at     TEXT NOT NULL,
    PRIMARY KEY (doc_id, path)
);

-- rowid = articles.rowid; "key" is match_key(text), so a query folded the same way finds
-- أفريقيا/إفريقيا, قاعدة/قاعده, ى/ي alike.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    key,
    tokenize = 'unicode61 remove_diacritics 2'
);
