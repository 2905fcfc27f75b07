package dev.llmq.core.port.in;

import dev.llmq.core.bank.Question;
import dev.llmq.core.i18n.Lang;

/**
 * The study commands and presses, which are each member's own: grades, the private review, their
 * settings and "forget me". Every reply is private. The quizmaster routes here; where the platform
 * keeps no study (no store), it answers that study is not available.
 */
public interface StudyDesk {
    /** {@code /llmq review}: the first due card, or when the next is due and new questions to try. */
    Reply review(Origin origin, Lang lang);

    /** A grade under an answer: kept in the member's card. In a review, the next due card follows. */
    Reply grade(Origin origin, Question question, ActionId.Graded grade);

    /** {@code /llmq settings}: shows the settings, or changes them and shows the result. */
    Reply settings(Origin origin, Command.Settings command, Lang lang);

    /**
     * {@code /llmq stats}: the member's stats card, as an image (or in words where it cannot be
     * drawn). Private with a Share button; {@code shared} draws it for the whole channel.
     */
    Reply stats(Origin origin, Lang lang, boolean shared);

    /** {@code /llmq leaderboard}: this week's ranking in the member's server, of those who opted in. */
    Reply leaderboard(Origin origin, Lang lang);

    /** {@code /llmq export}: the member's misses or cards as a file for Anki (or a CSV). */
    Reply export(Origin origin, Command.Export command, Lang lang);

    /** {@code /llmq forget-me}: what will be deleted, and a button to confirm. */
    Reply forgetMe(Origin origin, Lang lang);

    /** The confirmation: deletes every row about the member and says how many went. */
    Reply forget(Origin origin, Lang lang);
}
