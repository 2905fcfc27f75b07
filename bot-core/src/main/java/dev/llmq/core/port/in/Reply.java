package dev.llmq.core.port.in;

import dev.llmq.core.i18n.Lang;
import java.util.List;

/**
 * What the core answers. Each adapter renders these records its own way (embeds, Block Kit,
 * console text); labels and texts are already in the request's language.
 */
public sealed interface Reply permits QuestionCard, AnswerCard, HintCard, Notice, TopicList, HelpCard, ScheduleCard,
        FileReply, LeaderboardCard {
    Lang lang();

    /** True when only the person who asked or pressed should see it. */
    boolean ephemeral();

    /** Buttons, in display order. */
    List<Action> actions();
}
