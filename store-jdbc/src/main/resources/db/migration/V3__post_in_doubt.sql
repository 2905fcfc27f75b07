-- A post whose sender's lease ran out while it was sending: it may be in the channel already, so
-- the next sender looks for it there (DailyPublisher.find) before sending it again. Cleared when
-- the post is recorded as sent or given up.
ALTER TABLE daily_posts ADD COLUMN in_doubt SMALLINT NOT NULL DEFAULT 0;
