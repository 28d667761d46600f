-- 0004 (PostgreSQL): story ids that survive re-fusion (marsad.fuse.story_ids). Fusion still
-- replaces the stories table as a whole; these two tables are kept across fusions. The same
-- in both dialects. (Numbered 0004: 0003 is taken by the precision columns of issue 17.)

-- An id that no longer names a story because its story was merged into another: old_id
-- resolves to new_id (chains are flattened when written, so one look-up suffices). reason:
-- 'merge' (the only one Marsad writes now: a split keeps the id on the part holding the
-- earliest member and gives the other part a new id, with no redirect) or 'split'.
CREATE TABLE story_redirects (
    old_id TEXT PRIMARY KEY,
    new_id TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('merge', 'split')),
    at     TEXT NOT NULL           -- UTC, ISO 8601 (the fusion that merged them)
);
CREATE INDEX story_redirects_new ON story_redirects (new_id);

-- What each fusion changed: a story created (related: the story it split from, if any),
-- changed (members, date, certainty … differ), merged (related: the story it went into) or
-- removed (no member left). Every id ever given out has a 'created' row (or was in the
-- stories table when this migration ran), so ids are never reused.
CREATE TABLE story_changes (
    at       TEXT NOT NULL,         -- UTC, ISO 8601, seconds
    story_id TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('created', 'changed', 'merged', 'removed')),
    related  TEXT,
    PRIMARY KEY (at, story_id, kind)
);
CREATE INDEX story_changes_story ON story_changes (story_id);
