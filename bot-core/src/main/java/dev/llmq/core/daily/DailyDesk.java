package dev.llmq.core.daily;

import dev.llmq.core.engine.Command;
import dev.llmq.core.engine.Origin;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.reply.Reply;

/**
 * Handles the daily-question commands. The quizmaster checks admin rights before calling
 * {@code set}, {@code off} and {@code now}.
 */
public interface DailyDesk {
    Reply handle(Origin origin, Command.Daily command, Lang lang);
}
