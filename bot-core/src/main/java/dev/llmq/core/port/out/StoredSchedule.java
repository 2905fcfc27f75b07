package dev.llmq.core.port.out;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.schedule.Schedule;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A schedule as stored, with its next fire time.
 *
 * @param spaceLang the default language of the schedule's server or workspace, if one is set
 */
public record StoredSchedule(Schedule schedule, Instant nextFireAt, Optional<Lang> spaceLang) {
    public StoredSchedule {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(nextFireAt, "nextFireAt");
        Objects.requireNonNull(spaceLang, "spaceLang");
    }
}
