-- 0003: precision codes of events and stories (marsad.export.precision, issue #17), so SQL
-- users can filter and join on them as on ACLED's columns. The same in both dialects
-- (postgresql/0003_precision.sql).
--   date_precision  the date's precision word of the record (day, week, part, month, …)
--   time_precision  1 day, 2 week or part of a month (at most 16 days), 3 month or vaguer
--   geo_precision   1 exact place (facility, district, camp), 2 town or city, 3 region or
--                   country (from the knowledge base; filled by put and by `marsad fuse`)
ALTER TABLE events ADD COLUMN date_precision TEXT;
ALTER TABLE events ADD COLUMN time_precision INTEGER;
ALTER TABLE events ADD COLUMN geo_precision INTEGER;
ALTER TABLE stories ADD COLUMN time_precision INTEGER;
ALTER TABLE stories ADD COLUMN geo_precision INTEGER;

-- Rows stored before this migration: the time code follows from the days the date covers,
-- the same rule as marsad.export.precision.time_precision. Their geo code needs the
-- knowledge base and stays NULL until `marsad reprocess` (events) or `marsad fuse`
-- (stories); the exports compute both from the records and never read these columns.
UPDATE events SET time_precision = CASE
    WHEN date_start IS NULL OR date_end IS NULL THEN NULL
    WHEN julianday(date_end) - julianday(date_start) < 1 THEN 1
    WHEN julianday(date_end) - julianday(date_start) < 16 THEN 2
    ELSE 3 END;
UPDATE stories SET time_precision = CASE
    WHEN date_start IS NULL OR date_end IS NULL THEN NULL
    WHEN julianday(date_end) - julianday(date_start) < 1 THEN 1
    WHEN julianday(date_end) - julianday(date_start) < 16 THEN 2
    ELSE 3 END;
