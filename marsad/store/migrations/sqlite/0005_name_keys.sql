-- 0003: English search. Every word of every English name an article's entities carry
-- (entities.name_en) and of the knowledge base's Latin spellings of a linked entity, as its
-- spelling-variant key (marsad.text.latin.word_key), so a Latin query ("Hafter", "Vagner")
-- finds the names by index. Rows are added as articles are stored and never removed: a key
-- whose names no stored entity carries any longer finds nothing. The rows of the articles
-- stored before this migration are added when it is applied (marsad.store.base.name_key_rows).
-- The same in both dialects (postgresql/0005_name_keys.sql).

CREATE TABLE name_keys (
    key     TEXT NOT NULL,   -- a word key: lower-case ASCII letters and digits
    name_en TEXT NOT NULL,   -- an English name as entities.name_en holds it
    PRIMARY KEY (key, name_en)
);

CREATE INDEX entities_name_en ON entities (name_en);
