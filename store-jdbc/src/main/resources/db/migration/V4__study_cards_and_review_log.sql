-- Each member's FSRS card of each question they graded, and the whole review log (issue 14).
-- reviews counts a card's reviews: it is the card's version for the conditional update, and the
-- log's key, so that two grades of one card at the same moment cannot both be kept.
CREATE TABLE study_cards (
    platform       VARCHAR(32)      NOT NULL,
    space          VARCHAR(128)     NOT NULL,
    user_id        VARCHAR(128)     NOT NULL,
    question_id    VARCHAR(128)     NOT NULL,
    state          VARCHAR(16)      NOT NULL,
    step           INTEGER,
    stability      DOUBLE PRECISION NOT NULL,
    difficulty     DOUBLE PRECISION NOT NULL,
    due_at         BIGINT           NOT NULL,
    last_review_at BIGINT           NOT NULL,
    reviews        INTEGER          NOT NULL,
    CONSTRAINT study_cards_pk PRIMARY KEY (platform, space, user_id, question_id)
);
CREATE INDEX study_cards_due ON study_cards (platform, space, user_id, due_at);

CREATE TABLE review_log (
    platform          VARCHAR(32)      NOT NULL,
    space             VARCHAR(128)     NOT NULL,
    user_id           VARCHAR(128)     NOT NULL,
    question_id       VARCHAR(128)     NOT NULL,
    review_number     INTEGER          NOT NULL,
    grade             SMALLINT         NOT NULL,
    reviewed_at       BIGINT           NOT NULL,
    state_before      VARCHAR(16),
    step_before       INTEGER,
    stability_before  DOUBLE PRECISION,
    difficulty_before DOUBLE PRECISION,
    due_before        BIGINT,
    last_review_before BIGINT,
    state_after       VARCHAR(16)      NOT NULL,
    step_after        INTEGER,
    stability_after   DOUBLE PRECISION NOT NULL,
    difficulty_after  DOUBLE PRECISION NOT NULL,
    due_after         BIGINT           NOT NULL,
    CONSTRAINT review_log_pk PRIMARY KEY (platform, space, user_id, question_id, review_number)
);
CREATE INDEX review_log_user ON review_log (platform, space, user_id, reviewed_at);
