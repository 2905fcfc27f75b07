-- llmq schema, version 1. Plain SQL that SQLite (3.24+) and PostgreSQL both run unchanged, so the
-- two engines have the same tables, keys and indexes. Instants are epoch milliseconds (BIGINT),
-- local dates ISO text (YYYY-MM-DD), booleans SMALLINT 0/1.

-- A channel's daily question. next_fire_at is what the scheduler polls (indexed).
CREATE TABLE schedules (
    platform       VARCHAR(32)  NOT NULL,
    channel        VARCHAR(128) NOT NULL,
    space          VARCHAR(128) NOT NULL,
    local_time     VARCHAR(5)   NOT NULL,
    zone_id        VARCHAR(64)  NOT NULL,
    weekdays       VARCHAR(32)  NOT NULL,
    topics         TEXT         NOT NULL,
    lang           VARCHAR(8),
    thread         SMALLINT     NOT NULL,
    reveal_after_s BIGINT,
    created_by     VARCHAR(128) NOT NULL,
    created_at     BIGINT       NOT NULL,
    next_fire_at   BIGINT       NOT NULL,
    CONSTRAINT schedules_pk PRIMARY KEY (platform, channel)
);
CREATE INDEX schedules_next_fire_at ON schedules (next_fire_at);
CREATE INDEX schedules_space ON schedules (platform, space);

-- One row per channel per local date: the primary key is what makes a day's post happen once.
-- next_attempt_at is set only while the post is PENDING (retry time or lease expiry);
-- reveal_at only while its answer is DUE (due time or lease expiry).
CREATE TABLE daily_posts (
    platform        VARCHAR(32)  NOT NULL,
    channel         VARCHAR(128) NOT NULL,
    local_date      VARCHAR(10)  NOT NULL,
    space           VARCHAR(128) NOT NULL,
    question_id     VARCHAR(128) NOT NULL,
    lang            VARCHAR(8)   NOT NULL,
    thread          SMALLINT     NOT NULL,
    fire_at         BIGINT       NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at BIGINT,
    claimed_by      VARCHAR(64),
    last_error      TEXT,
    message_ref     VARCHAR(128),
    thread_ref      VARCHAR(128),
    posted_at       BIGINT,
    reveal_after_s  BIGINT,
    answer_state    VARCHAR(16)  NOT NULL,
    reveal_at       BIGINT,
    answer_attempts INTEGER      NOT NULL,
    CONSTRAINT daily_posts_one_per_channel_and_day PRIMARY KEY (platform, channel, local_date)
);
CREATE INDEX daily_posts_next_attempt_at ON daily_posts (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
CREATE INDEX daily_posts_reveal_at ON daily_posts (reveal_at) WHERE reveal_at IS NOT NULL;
CREATE INDEX daily_posts_waiting ON daily_posts (platform, channel) WHERE answer_state = 'WAITING';

-- Each channel's daily-question history: the questions asked in the current round.
CREATE TABLE channel_decks (
    platform      VARCHAR(32)  NOT NULL,
    channel       VARCHAR(128) NOT NULL,
    deck_round    INTEGER      NOT NULL,
    asked         TEXT         NOT NULL,
    last_question VARCHAR(128),
    CONSTRAINT channel_decks_pk PRIMARY KEY (platform, channel)
);

-- Each user's progress per question: reveals now, self-grades later.
CREATE TABLE user_progress (
    platform          VARCHAR(32)  NOT NULL,
    space             VARCHAR(128) NOT NULL,
    user_id           VARCHAR(128) NOT NULL,
    question_id       VARCHAR(128) NOT NULL,
    reveals           INTEGER      NOT NULL,
    first_revealed_at BIGINT       NOT NULL,
    last_revealed_at  BIGINT       NOT NULL,
    grade             SMALLINT,
    CONSTRAINT user_progress_pk PRIMARY KEY (platform, space, user_id, question_id)
);

-- Settings per server (guild) or workspace.
CREATE TABLE space_settings (
    platform       VARCHAR(32)  NOT NULL,
    space          VARCHAR(128) NOT NULL,
    default_lang   VARCHAR(8),
    public_reveals SMALLINT     NOT NULL,
    CONSTRAINT space_settings_pk PRIMARY KEY (platform, space)
);
