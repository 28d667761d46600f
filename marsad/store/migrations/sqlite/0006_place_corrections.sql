-- 0006: a user's "wrong place?" on the workbench map. One row per article and place: in that
-- article, the entity linked to this place (a common noun read as a town, a namesake) is not
-- that place. Fusion reads the articles with the link undone (marsad.fuse.corrections), so
-- the stories of that article no longer show at the place; the articles' records are kept
-- as extracted. Rows are user data, never derived: re-fusion and re-ingest keep them.
-- The same in both dialects.

CREATE TABLE place_corrections (
    doc_id     TEXT NOT NULL,
    place_key  TEXT NOT NULL,   -- the cross-article key of the wrong place: kb:tartus_port
    story_id   TEXT,            -- the story it was flagged on, for the record
    created_at TEXT NOT NULL,   -- UTC, ISO 8601 to the second
    PRIMARY KEY (doc_id, place_key)
);
