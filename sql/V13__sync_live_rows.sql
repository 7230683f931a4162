-- The number of live staged rows of a feed's source system and entity after its last sync (live_rows), and the
-- run that counted it (live_rows_run): the next sync's safety valve starts from it instead of counting a million
-- rows again, unless a migrate or another feed of the same source system and entity ran since.
ALTER TABLE sync_feed_state ADD COLUMN live_rows BIGINT;
ALTER TABLE sync_feed_state ADD COLUMN live_rows_run BIGINT;
