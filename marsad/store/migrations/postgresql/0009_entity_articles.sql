-- 0009: an entity profile's lists as rows (issue 19). The articles of a key, with the id its
-- entity has in each (a profile's "articles" and "local_ids"), were a list in the profile's
-- JSON (fused_entities.entity_json) and in its tally (fusion_keys, kind 'tally'), so that an
-- incremental fusion parsed, merged and wrote again every article of every key it touched.
-- Now an increment appends the rows of its new articles; a profile's lists are assembled
-- when it is read: "articles" and "local_ids" from these rows, "stories" from
-- story_entities. seq: the entity's place among the key's entities of that article (an
-- article may name one key twice). local_id: the entity's id as JSON.
-- A profile saved before this migration keeps its lists in its JSON and is read as it is.
-- The same table in both dialects (sqlite/ and postgresql/0009_entity_articles.sql).
CREATE TABLE entity_articles (
    entity_key TEXT NOT NULL,
    doc_id     TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    local_id   TEXT NOT NULL,
    PRIMARY KEY (entity_key, doc_id, seq)
);
