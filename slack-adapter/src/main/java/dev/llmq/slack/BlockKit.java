package dev.llmq.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.llmq.core.bank.RichText;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Msg;
import dev.llmq.core.i18n.StudyMsg;
import dev.llmq.core.port.in.FileReply;
import dev.llmq.core.port.in.LeaderboardCard;
import dev.llmq.core.port.in.Action;
import dev.llmq.core.port.in.ActionId;
import dev.llmq.core.port.in.ActionKind;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.HelpCard;
import dev.llmq.core.port.in.HintCard;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.in.ScheduleCard;
import dev.llmq.core.port.in.TopicList;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.schedule.Weekdays;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Renders core replies as Block Kit. Buttons carry the encoded action id as their {@code value}
 * and an {@code action_id} per kind ({@code llmq-reveal}, {@code llmq-hint}, {@code llmq-next},
 * {@code llmq-follow-up}, numbered when a kind repeats). All text that is not ours is escaped.
 */
final class BlockKit {
    /** Every action id of ours starts with this. */
    static final String ACTION_PREFIX = "llmq-";
    /** The App Home's "Practice now" button. */
    static final String PRACTICE_ACTION = ACTION_PREFIX + "practice";

    static final int MAX_SECTION = 3000;
    static final int MAX_HEADER = 150;
    static final int MAX_BUTTON = 75;
    static final int MAX_FALLBACK = 3000;
    static final int MAX_MESSAGE_BLOCKS = 50;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private BlockKit() {
    }

    static SlackMessage render(Reply reply) {
        return switch (reply) {
            case QuestionCard q ->
                    new SlackMessage(fallback(q.topicName() + ": " + q.prompt()), question(q), q.ephemeral());
            case AnswerCard a ->
                    new SlackMessage(fallback(Msg.ANSWER_TITLE.text(a.lang()) + ": " + RichText.proseOf(a.answer())), answer(a), a.ephemeral());
            case HintCard h -> {
                List<LayoutBlock> blocks = new ArrayList<>();
                String title = Msg.HINT_TITLE.text(h.lang(), h.number(), h.total());
                blocks.add(section(s -> s.text(markdownText(Mrkdwn.bold(Mrkdwn.escape(title)) + "  "
                        + Mrkdwn.escape(h.hint())))));
                buttons(h.actions()).ifPresent(blocks::add);
                yield new SlackMessage(fallback(title + ": " + h.hint()), blocks, true);
            }
            case Notice n -> {
                List<LayoutBlock> blocks = new ArrayList<>();
                String prefix = n.level() == Notice.Level.ERROR ? ":warning: " : "";
                for (String chunk : chunks(Mrkdwn.escape(n.text()), MAX_SECTION - prefix.length())) {
                    blocks.add(section(s -> s.text(markdownText(prefix + chunk))));
                }
                buttons(n.actions()).ifPresent(blocks::add);
                yield new SlackMessage(fallback(n.text()), blocks, n.ephemeral());
            }
            case TopicList t -> new SlackMessage(fallback(Msg.TOPICS_TITLE.text(t.lang())), topics(t), t.ephemeral());
            case HelpCard h -> new SlackMessage(fallback(Msg.HELP_TITLE.text(h.lang())), help(h), h.ephemeral());
            case ScheduleCard c -> new SlackMessage(fallback(c.headline()), schedules(c), c.ephemeral());
            // the file itself is uploaded apart (SlackFiles); this is the message beside it
            case FileReply f -> {
                List<LayoutBlock> blocks = new ArrayList<>();
                blocks.add(section(s -> s.text(markdownText(Mrkdwn.escape(f.caption())))));
                buttons(f.actions()).ifPresent(blocks::add);
                yield new SlackMessage(fallback(f.caption()), blocks, f.ephemeral());
            }
            case LeaderboardCard b -> new SlackMessage(fallback(b.title()), leaderboard(b), b.ephemeral());
        };
    }

    /** Members as mentions (<@U…>): Slack shows their names; in a private reply nobody is notified. */
    private static List<LayoutBlock> leaderboard(LeaderboardCard b) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.bold(Mrkdwn.escape(b.title()))))));
        StringBuilder rows = new StringBuilder();
        for (LeaderboardCard.Row r : b.rows()) {
            rows.append(Mrkdwn.bold(r.rank() + ".")).append(" <@").append(r.user()).append("> · ")
                    .append(Mrkdwn.escape(StudyMsg.LEADERBOARD_ROW.text(b.lang(), r.reviews(), r.goodOrEasy())))
                    .append('\n');
        }
        String text = b.rows().isEmpty() ? Mrkdwn.escape(StudyMsg.LEADERBOARD_EMPTY.text(b.lang())) : rows.toString();
        for (String chunk : chunks(text, MAX_SECTION)) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(Mrkdwn.escape(b.footer()))))));
        return blocks;
    }

    /** An answer revealed to everyone: Slack posts it in the question's thread rather than as a reply. */
    static boolean isPublicAnswer(Reply reply) {
        return switch (reply) {
            case AnswerCard a -> !a.ephemeral();
            case QuestionCard q -> false;
            case HintCard h -> false;
            case Notice n -> false;
            case TopicList t -> false;
            case HelpCard h -> false;
            case ScheduleCard c -> false;
            case FileReply f -> false;
            case LeaderboardCard b -> false;
        };
    }

    /** The text of a settings reply, for the App Home: none when it is an error (the store failed) or not a notice. */
    static Optional<String> settingsText(Reply reply) {
        return switch (reply) {
            case Notice n -> n.level() == Notice.Level.INFO ? Optional.of(n.text()) : Optional.empty();
            case QuestionCard q -> Optional.empty();
            case AnswerCard a -> Optional.empty();
            case HintCard h -> Optional.empty();
            case TopicList t -> Optional.empty();
            case HelpCard h -> Optional.empty();
            case ScheduleCard c -> Optional.empty();
            case FileReply f -> Optional.empty();
            case LeaderboardCard b -> Optional.empty();
        };
    }

    /** The schedules a reply lists: none unless it is a schedule card (a store failure answers with a notice). */
    static List<ScheduleCard.Entry> scheduleEntries(Reply reply) {
        return switch (reply) {
            case ScheduleCard c -> c.entries();
            case FileReply f -> List.of();
            case LeaderboardCard b -> List.of();
            case QuestionCard q -> List.of();
            case AnswerCard a -> List.of();
            case HintCard h -> List.of();
            case Notice n -> List.of();
            case TopicList t -> List.of();
            case HelpCard h -> List.of();
        };
    }

    /** A reply followed by the help (for text that could not be understood). */
    static SlackMessage withHelp(Reply reply, HelpCard help) {
        SlackMessage first = render(reply);
        List<LayoutBlock> blocks = new ArrayList<>(first.blocks());
        blocks.add(divider());
        blocks.addAll(help(help));
        return new SlackMessage(first.text(), limit(blocks), true);
    }

    /** The daily question as posted to a channel. */
    static SlackMessage dailyQuestion(DailyPost post) {
        QuestionCard q = post.question();
        String title = Msg.DAILY_TITLE_POST.text(q.lang(), post.localDate());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.bold(Mrkdwn.escape(title))))));
        blocks.addAll(question(q));
        return new SlackMessage(fallback(title + ": " + q.prompt()), blocks, false);
    }

    /** The previous day's answer, as a reply in that day's thread. */
    static SlackMessage dailyAnswer(AnswerCard a) {
        String title = Msg.DAILY_ANSWER_IN_THREAD.text(a.lang());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(context(c -> c.elements(List.of(markdownText(Mrkdwn.bold(Mrkdwn.escape(title)))))));
        blocks.addAll(answer(a));
        return new SlackMessage(fallback(title + ": " + RichText.proseOf(a.answer())), limit(blocks), false);
    }

    /**
     * The App Home tab: the user's language, a "Practice now" button, and the daily questions of
     * the user's channels ({@code entries} empty: none; {@code channelsKnown} false: could not list them).
     */
    static List<LayoutBlock> home(Lang lang, List<ScheduleCard.Entry> entries, boolean channelsKnown) {
        return home(lang, entries, channelsKnown, Optional.empty());
    }

    /** As above, with the member's settings as {@code /llmq settings} shows them, after the schedules. */
    static List<LayoutBlock> home(Lang lang, List<ScheduleCard.Entry> entries, boolean channelsKnown,
                                  Optional<String> settings) {
        List<LayoutBlock> blocks = homeTop(lang, entries, channelsKnown);
        settings.ifPresent(text -> {
            blocks.add(divider());
            for (String chunk : chunks(Mrkdwn.escape(text), MAX_SECTION)) {
                blocks.add(section(x -> x.text(markdownText(chunk))));
            }
        });
        return blocks;
    }

    private static List<LayoutBlock> homeTop(Lang lang, List<ScheduleCard.Entry> entries, boolean channelsKnown) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(plainClip(Msg.HELP_TITLE.text(lang), MAX_HEADER)))));
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.escape(
                SlackText.HOME_LANGUAGE.text(lang, SlackText.LANGUAGE_NAME.text(lang)))))));
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.escape(SlackText.HOME_PRACTICE.text(lang))))));
        String practice = new ActionId.Next(Optional.empty(), lang, OptionalInt.empty(), false).encode();
        blocks.add(actions(a -> a.elements(List.of(ButtonElement.builder()
                .actionId(PRACTICE_ACTION).value(practice).style("primary")
                .text(plainText(plainClip(SlackText.BUTTON_PRACTICE_NOW.text(lang), MAX_BUTTON))).build()))));
        blocks.add(divider());
        blocks.add(header(h -> h.text(plainText(plainClip(SlackText.HOME_SCHEDULES.text(lang), MAX_HEADER)))));
        if (!channelsKnown) {
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.escape(SlackText.HOME_CHANNELS_UNAVAILABLE.text(lang))))));
        } else if (entries.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.escape(SlackText.HOME_NO_SCHEDULES.text(lang))))));
        } else {
            for (ScheduleCard.Entry e : entries.subList(0, Math.min(entries.size(), 90))) {
                blocks.add(section(s -> s.text(markdownText(entry(lang, e)))));
            }
        }
        return blocks;
    }

    // ------------------------------------------------------------------ cards

    private static List<LayoutBlock> question(QuestionCard q) {
        List<LayoutBlock> blocks = new ArrayList<>();
        q.lead().ifPresent(lead -> blocks.add(section(s -> s.text(markdownText(clip(Mrkdwn.escape(lead), MAX_SECTION))))));
        blocks.add(header(h -> h.text(plainText(plainClip(q.topicName() + " · " + q.difficultyLabel(), MAX_HEADER)))));
        for (String chunk : chunks(Mrkdwn.escape(q.prompt()), MAX_SECTION)) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText("`" + Mrkdwn.escape(q.questionId()) + "`")))));
        buttons(q.actions()).ifPresent(blocks::add);
        return blocks;
    }

    private static List<LayoutBlock> answer(AnswerCard a) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(plainClip(Msg.ANSWER_TITLE.text(a.lang()) + " · " + a.topicName(),
                MAX_HEADER)))));
        if (a.ephemeral()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(Mrkdwn.escape(
                    Msg.ANSWER_PRIVATE_NOTE.text(a.lang())))))));
        }
        String quoted = a.prompt().strip().lines().map(l -> "> " + Mrkdwn.escape(l)).collect(Collectors.joining("\n"));
        for (String chunk : chunks(quoted, MAX_SECTION)) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        for (String part : answerSections(a.answer())) {
            blocks.add(section(s -> s.text(markdownText(part))));
        }
        if (!a.keyPoints().isEmpty()) {
            String points = Mrkdwn.bold(Mrkdwn.escape(Msg.KEY_POINTS.text(a.lang()))) + "\n"
                    + a.keyPoints().stream().map(p -> "• " + Mrkdwn.escape(p)).collect(Collectors.joining("\n"));
            for (String chunk : chunks(points, MAX_SECTION)) {
                blocks.add(section(s -> s.text(markdownText(chunk))));
            }
        }
        a.source().ifPresent(src -> blocks.add(context(c -> c.elements(List.of(markdownText(
                clip(Mrkdwn.escape(Msg.SOURCE.text(a.lang(), src)), MAX_SECTION)))))));
        buttons(a.actions()).ifPresent(blocks::add);
        return limit(blocks);
    }

    private static List<LayoutBlock> topics(TopicList t) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(plainClip(Msg.TOPICS_TITLE.text(t.lang()), MAX_HEADER)))));
        String lines = t.topics().stream().map(e -> {
            String line = "`" + Mrkdwn.escape(e.id()) + "`  " + Mrkdwn.escape(e.name()) + " ("
                    + Mrkdwn.escape(Msg.QUESTION_COUNT.text(t.lang(), e.questions())) + ")";
            return e.aliases().isEmpty() ? line : line + " · " + Mrkdwn.escape(String.join(", ", e.aliases()));
        }).collect(Collectors.joining("\n"));
        for (String chunk : chunks(lines, MAX_SECTION)) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        if (!t.topics().isEmpty()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(Mrkdwn.escape(
                    Msg.TOPICS_FOOTER.text(t.lang(), t.topics().get(0).id())))))));
        }
        return limit(blocks);
    }

    private static List<LayoutBlock> help(HelpCard h) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(b -> b.text(plainText(plainClip(Msg.HELP_TITLE.text(h.lang()), MAX_HEADER)))));
        String lines = h.lines().stream().map(l -> "`" + Mrkdwn.escape(l.usage()) + "`  " + Mrkdwn.escape(l.text()))
                .collect(Collectors.joining("\n"));
        for (String chunk : chunks(lines, MAX_SECTION)) {
            blocks.add(section(s -> s.text(markdownText(chunk))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(Mrkdwn.escape(Msg.DAILY_USAGE.text(h.lang())))))));
        return blocks;
    }

    private static List<LayoutBlock> schedules(ScheduleCard c) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.bold(Mrkdwn.escape(c.headline()))))));
        for (ScheduleCard.Entry e : c.entries()) {
            blocks.add(section(s -> s.text(markdownText(entry(c.lang(), e)))));
        }
        return limit(blocks);
    }

    /** One schedule: channel, time and zone, weekdays, topics, and the next post as a Slack date token. */
    static String entry(Lang lang, ScheduleCard.Entry e) {
        String topics = e.topics().isEmpty() ? Msg.ALL_TOPICS.text(lang) : String.join(", ", e.topics());
        String line = Mrkdwn.channel(e.channel()) + " · " + HH_MM.format(e.time()) + " " + Mrkdwn.escape(e.zone().getId())
                + " · " + Mrkdwn.escape(Weekdays.describe(e.weekdays(), lang)) + " · " + Mrkdwn.escape(topics) + "\n"
                + Msg.DAILY_NEXT.text(lang, Mrkdwn.date(e.next(), e.zone()));
        return clip(line, MAX_SECTION);
    }

    // ------------------------------------------------------------------ pieces

    /** The buttons of a reply as one actions block; empty when there are none. */
    static Optional<LayoutBlock> buttons(List<Action> actionList) {
        if (actionList.isEmpty()) {
            return Optional.empty();
        }
        Map<ActionKind, Integer> seen = new HashMap<>();
        List<BlockElement> elements = new ArrayList<>();
        for (Action a : actionList.subList(0, Math.min(actionList.size(), 25))) {
            int n = seen.merge(a.kind(), 1, Integer::sum);
            String actionId = actionIdFor(a.kind()) + (n > 1 ? "-" + n : "");
            ButtonElement.ButtonElementBuilder b = ButtonElement.builder()
                    .actionId(actionId)
                    .value(a.id())
                    .text(plainText(plainClip(a.label(), MAX_BUTTON)));
            if (a.kind() == ActionKind.REVEAL || a.kind() == ActionKind.REVIEW) {
                b.style("primary");
            } else if (a.kind() == ActionKind.FORGET) {
                b.style("danger");
            }
            elements.add(b.build());
        }
        return Optional.of(actions(x -> x.elements(elements)));
    }

    /** {@code llmq-reveal}, {@code llmq-hint}, {@code llmq-next}, {@code llmq-follow-up}. */
    static String actionIdFor(ActionKind kind) {
        return ACTION_PREFIX + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String fallback(String text) {
        return clip(Mrkdwn.escape(text.strip().replaceAll("\\s+", " ")), MAX_FALLBACK);
    }

    /**
     * A bank text as section texts of at most {@link #MAX_SECTION} characters: prose cut as
     * {@link #chunks} cuts it, and each code block fenced in sections of its own (Slack's fence
     * takes no language, and a fence cannot span two sections), cut at line ends when long.
     */
    static List<String> answerSections(String text) {
        List<String> out = new ArrayList<>();
        for (RichText.Segment segment : RichText.parse(text)) {
            switch (segment) {
                case RichText.Prose p -> out.addAll(chunks(Mrkdwn.escape(p.text()), MAX_SECTION));
                case RichText.Code c -> {
                    for (String piece : RichText.split(Mrkdwn.escape(c.code()), MAX_SECTION - CODE_FENCES.length())) {
                        out.add("```\n" + piece + "\n```");
                    }
                }
            }
        }
        return out.isEmpty() ? List.of(" ") : out;
    }

    /** The characters a Slack code block adds around its code. */
    private static final String CODE_FENCES = "```\n\n```";

    /** Cuts escaped text into pieces of at most {@code max} characters, at line ends where possible, never inside an entity. */
    static List<String> chunks(String text, int max) {
        List<String> out = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut < max / 2) {
                cut = rest.lastIndexOf(' ', max);
            }
            if (cut < max / 2) {
                cut = max;
            }
            int amp = rest.lastIndexOf('&', cut - 1);
            if (amp >= 0 && amp > cut - 5 && rest.indexOf(';', amp) >= cut) {
                cut = amp;
            }
            if (cut > 0 && Character.isHighSurrogate(rest.charAt(cut - 1))) {
                cut--;
            }
            out.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || out.isEmpty()) {
            out.add(rest.isEmpty() ? " " : rest);
        }
        return out;
    }

    /** Plain text (see {@link Mrkdwn#plain}) clipped to {@code max} characters. */
    static String plainClip(String text, int max) {
        return clip(Mrkdwn.plain(text), max);
    }

    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        int amp = text.lastIndexOf('&', cut - 1);
        if (amp >= 0 && amp > cut - 5 && text.indexOf(';', amp) >= cut) {
            cut = amp;
        }
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "…";
    }

    /** At most {@link #MAX_MESSAGE_BLOCKS} blocks; the buttons, when last, stay. */
    private static List<LayoutBlock> limit(List<LayoutBlock> blocks) {
        if (blocks.size() <= MAX_MESSAGE_BLOCKS) {
            return blocks;
        }
        LayoutBlock last = blocks.get(blocks.size() - 1);
        if (last instanceof ActionsBlock) {
            List<LayoutBlock> out = new ArrayList<>(blocks.subList(0, MAX_MESSAGE_BLOCKS - 1));
            out.add(last);
            return out;
        }
        return new ArrayList<>(blocks.subList(0, MAX_MESSAGE_BLOCKS));
    }
}
