-- 0008: the workbench's read model as the server last built it (marsad.api.snapshot, issue
-- 18), so a server starts by reading one row instead of reading every record and story and
-- indexing them again. Derived data, one row: key names the store state, the code and the
-- knowledge base it was built from (a row of another state is rebuilt, never served as
-- current); data is the index's JSON with a checksum (marsad.api.snapshot.encode).
-- The same table in both dialects (sqlite/ and postgresql/0008_index_snapshot.sql).
CREATE TABLE index_snapshot (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    key      TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    data     BYTEA NOT NULL
);
