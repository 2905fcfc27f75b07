-- Fencing: every claim of a post (to send it, or to reveal its answer) gets the next epoch of that
-- row, and every outcome write names the owner and epoch it was claimed under. A replica whose
-- lease lapsed and was taken over can then no longer overwrite what the new holder recorded.
ALTER TABLE daily_posts ADD COLUMN claim_epoch BIGINT NOT NULL DEFAULT 0;
