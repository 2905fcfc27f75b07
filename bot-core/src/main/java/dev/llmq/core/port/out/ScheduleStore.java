package dev.llmq.core.port.out;

import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.schedule.Schedule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The daily schedules, one per channel; a channel is identified by (platform, channel). Every
 * method is one transaction.
 */
public interface ScheduleStore {
    /** Creates or replaces the channel's schedule. */
    void putSchedule(Schedule schedule, Instant nextFireAt);

    /** Removes the channel's schedule; false when it had none. */
    boolean removeSchedule(ChannelRef channel);

    Optional<StoredSchedule> schedule(ChannelRef channel);

    /** The schedules of one server or workspace, by channel. */
    List<StoredSchedule> schedules(String platform, String space);

    /** The earliest next fire time of all schedules, if any. */
    Optional<Instant> nextFireAt();
}
