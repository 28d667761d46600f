-- 0002: fusion results, computed over the whole store by `marsad fuse` (marsad.fuse) and
-- replaced as a whole each time, so that `marsad stories`, `marsad entity` and the web API
-- answer from indexed rows instead of re-fusing the corpus per query. The same in both
-- dialects (postgresql/0002_fusion.sql).

-- One row: what the stored fusion was computed from (marsad.store.Store.corpus_state), so a
-- reader can tell a fusion that is stale (articles added or replaced since) from a fresh one.
CREATE TABLE fusion_runs (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    corpus_state TEXT NOT NULL,
    fused_at     TEXT NOT NULL,
    version      TEXT NOT NULL,
    n_articles   INTEGER NOT NULL,
    seconds      DOUBLE PRECISION NOT NULL
);

-- marsad.fuse.stories.Story.to_dict() in story_json; the columns are what queries filter on.
CREATE TABLE stories (
    story_id      TEXT PRIMARY KEY,
    type          TEXT NOT NULL,
    date_start    TEXT,
    date_end      TEXT,
    location      TEXT,
    certainty     TEXT NOT NULL,
    n_members     INTEGER NOT NULL,
    n_independent INTEGER NOT NULL,
    story_json    TEXT NOT NULL
);
CREATE INDEX stories_type_date ON stories (type, date_start);
CREATE INDEX stories_date ON stories (date_start);

-- every entity key a story involves: its participants (role 'participant') and its place
CREATE TABLE story_entities (
    story_id   TEXT NOT NULL REFERENCES stories (story_id) ON DELETE CASCADE,
    entity_key TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('participant', 'place')),
    PRIMARY KEY (story_id, entity_key, role)
);
CREATE INDEX story_entities_key ON story_entities (entity_key);

-- which article events each story holds (an event of one actor with several counterparts
-- can be a member of one story per counterpart)
CREATE TABLE story_members (
    story_id TEXT NOT NULL REFERENCES stories (story_id) ON DELETE CASCADE,
    doc_id   TEXT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (story_id, doc_id, event_id)
);
CREATE INDEX story_members_event ON story_members (doc_id, event_id);

-- cross-article entities (marsad.fuse.entities.link_entities) with their profile JSON
CREATE TABLE fused_entities (
    entity_key    TEXT PRIMARY KEY,
    kb_id         TEXT,
    type          TEXT NOT NULL,
    name          TEXT NOT NULL,
    name_en       TEXT,
    mention_count INTEGER NOT NULL,
    n_articles    INTEGER NOT NULL,
    entity_json   TEXT NOT NULL
);
CREATE INDEX fused_entities_kb_id ON fused_entities (kb_id);
