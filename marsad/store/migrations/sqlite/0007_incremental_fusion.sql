-- 0007: what incremental fusion (marsad.fuse.incremental, issue 19) needs to add articles to a
-- saved fusion without reading the corpus again. Derived data: a full fusion rewrites it all.
-- The same tables in both dialects (sqlite/ and postgresql/0007_incremental_fusion.sql).

-- Every article the saved fusion holds, as it was then (a changed or missing one means the
-- store did not only grow: fusion starts over), its near-duplicate group (the smallest doc_id
-- of the group; NULL when it has no copy) and its MinHash signature (marsad.fuse.dedup).
CREATE TABLE fused_articles (
    doc_id       TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    processed_at TEXT NOT NULL,
    dup_group    TEXT,
    signature    BLOB
);
CREATE INDEX fused_articles_group ON fused_articles (dup_group);

-- The LSH bands of every signature: bucket = a 64-bit digest of (band, its rows). A new
-- article is compared only with the articles sharing one of its 32 buckets.
CREATE TABLE lsh_buckets (
    bucket BIGINT NOT NULL,
    doc_id TEXT NOT NULL,
    PRIMARY KEY (bucket, doc_id)
);

-- Where each story's members may meet a new event (marsad.fuse.incremental.reach_rows): one
-- row per member, participant key and month its reach covers (month = year * 12 + month - 1;
-- -1 for a dated reach of more than 24 months, -2 for an undated member). lo..hi: the reach
-- in day numbers (a dated member's range widened by the 2-day slip); participants and
-- places (its place keys): the member's, tab-separated. A new event re-clusters only the
-- stories it can meet, transitively.
CREATE TABLE story_reach (
    story_id     TEXT NOT NULL,
    type         TEXT NOT NULL,
    entity_key   TEXT NOT NULL,
    month        INTEGER NOT NULL,
    undated      INTEGER NOT NULL,
    lo           INTEGER NOT NULL,
    hi           INTEGER NOT NULL,
    participants TEXT NOT NULL,
    places       TEXT NOT NULL
);
CREATE INDEX story_reach_key ON story_reach (type, entity_key, month);
CREATE INDEX story_reach_story ON story_reach (story_id);

-- Small per-key state: kind 'tally' (an entity's counts with where each value was first
-- seen, marsad.fuse.entities.Tally), 'name' (the display name of a key and where it was
-- first given) and 'state' (threshold, latest publication year, corrections digest).
CREATE TABLE fusion_keys (
    kind       TEXT NOT NULL,
    key        TEXT NOT NULL,
    value_json TEXT NOT NULL,
    PRIMARY KEY (kind, key)
);
