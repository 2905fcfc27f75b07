package dev.llmq.store.jdbc;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.out.AnswerState;
import dev.llmq.core.port.out.Fence;
import dev.llmq.core.port.out.PostRecord;
import dev.llmq.core.port.out.PostState;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.schedule.ChannelRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A {@code daily_posts} row as a {@link PostRecord}: its columns and how they are read. */
final class PostRow {
    private PostRow() {
    }

    static final String COLUMNS = "platform, channel, local_date, space, question_id, lang, thread, fire_at, "
            + "state, attempts, message_ref, thread_ref, posted_at, reveal_after_s, answer_state, reveal_at, "
            + "answer_attempts, last_error, claimed_by, claim_epoch, in_doubt";

    static PostRecord read(ResultSet rs) throws SQLException {
        ChannelRef ref = new ChannelRef(rs.getString("platform"), rs.getString("space"), rs.getString("channel"));
        String message = rs.getString("message_ref");
        Optional<Published> published = message == null ? Optional.empty()
                : Optional.of(new Published(message, Optional.ofNullable(rs.getString("thread_ref"))));
        return new PostRecord(ref, LocalDate.parse(rs.getString("local_date")), rs.getString("question_id"),
                Lang.parse(rs.getString("lang")).orElse(Lang.EN), rs.getInt("thread") != 0,
                Instant.ofEpochMilli(rs.getLong("fire_at")), PostState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), published, SqlTable.optionalInstant(rs, "posted_at"),
                SqlTable.optionalLong(rs, "reveal_after_s").map(Duration::ofSeconds), AnswerState.valueOf(rs.getString("answer_state")),
                SqlTable.optionalInstant(rs, "reveal_at"), rs.getInt("answer_attempts"), Optional.ofNullable(rs.getString("last_error")),
                fence(rs.getString("claimed_by"), rs.getLong("claim_epoch")), rs.getInt("in_doubt") != 0);
    }

    /** The claim on a row: none when nobody holds it (epoch 0 is a row from before fencing, never claimed since). */
    private static Optional<Fence> fence(String owner, long epoch) {
        return owner == null || epoch < 1 ? Optional.empty() : Optional.of(new Fence(owner, epoch));
    }
}
