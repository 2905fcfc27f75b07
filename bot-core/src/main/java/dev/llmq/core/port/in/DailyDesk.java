package dev.llmq.core.port.in;

import dev.llmq.core.i18n.Lang;

/**
 * Handles the daily-question commands. The quizmaster checks admin rights before calling
 * {@code set}, {@code off} and {@code now}.
 */
public interface DailyDesk {
    Reply handle(Origin origin, Command.Daily command, Lang lang);
}
