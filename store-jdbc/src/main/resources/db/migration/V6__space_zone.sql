-- A server's or workspace's time zone (issue 15): its leaderboard's week starts on Monday at 00:00
-- there. NULL means UTC.
ALTER TABLE space_settings ADD COLUMN zone VARCHAR(64);

-- The leaderboard reads a space's reviews of one week.
CREATE INDEX review_log_space ON review_log (platform, space, reviewed_at);
