-- Why a pair waits for a steward's review: its score lies between the thresholds, or it scored a match and was
-- kept apart (cluster guard, a steward's 'different'). Shown in the review CSV.
ALTER TABLE mdm_match_pair ADD COLUMN review_reason VARCHAR(1000);
