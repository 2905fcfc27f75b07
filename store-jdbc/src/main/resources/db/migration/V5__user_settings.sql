-- Each member's own settings, per platform (issue 14): the same in every server they share with llmq.
-- remind_at is a local time HH:MM in the member's zone; NULL means no reminders.
CREATE TABLE user_settings (
    platform    VARCHAR(32)  NOT NULL,
    user_id     VARCHAR(128) NOT NULL,
    lang        VARCHAR(8),
    zone        VARCHAR(64),
    remind_at   VARCHAR(5),
    streaks     SMALLINT     NOT NULL,
    leaderboard SMALLINT     NOT NULL,
    CONSTRAINT user_settings_pk PRIMARY KEY (platform, user_id)
);

-- "forget me" deletes a member's rows on a platform in every space: these find them.
CREATE INDEX study_cards_user ON study_cards (platform, user_id);
CREATE INDEX review_log_forget ON review_log (platform, user_id);
CREATE INDEX user_progress_user ON user_progress (platform, user_id);
