-- Rows a sync read that the source marks deleted (sync.tombstone), whether or not their key was staged: the sync's
-- accounting read = inserted + updated + unchanged + tombstones + rejected + superseded + filtered can then be
-- checked from the table (deleted_count counts only the keys that were live).
ALTER TABLE sync_run_feed ADD COLUMN tombstone_count BIGINT DEFAULT 0 NOT NULL;
