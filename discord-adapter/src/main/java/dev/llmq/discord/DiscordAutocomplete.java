package dev.llmq.discord;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.Topic;
import dev.llmq.core.bank.TopicWords;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.in.DailyArgs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command.Choice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Completes what a member is typing in a slash command option: topics, time zones, weekdays, topic lists. */
final class DiscordAutocomplete {
    private static final Logger log = LoggerFactory.getLogger(DiscordAutocomplete.class);
    static final int MAX_CHOICES = 25;
    private static final List<String> WEEKDAY_SUGGESTIONS = List.of("daily", "weekdays", "weekends", "mon-fri",
            "mon,wed,fri", "tue,thu", "sat,sun");

    private final Supplier<QuestionBank> bank;

    DiscordAutocomplete(Supplier<QuestionBank> bank) {
        this.bank = bank;
    }

    /** Answers the event with at most 25 choices; an empty list when something fails (Discord then shows none). */
    void answer(CommandAutoCompleteInteractionEvent event, Lang lang) {
        try {
            String typed = event.getFocusedOption().getValue();
            List<Choice> choices = switch (event.getFocusedOption().getName()) {
                case DiscordCommands.TOPIC -> topicChoices(bank.get(), typed, lang);
                case DiscordCommands.ZONE -> strings(zoneChoices(typed));
                case DiscordCommands.WEEKDAYS -> strings(weekdayChoices(typed));
                case DiscordCommands.TOPICS_OPTION -> strings(topicListChoices(bank.get(), typed));
                default -> List.of();
            };
            event.replyChoices(choices).queue(null, e -> log.debug("autocomplete answer failed: {}", e.toString()));
        } catch (RuntimeException e) {
            log.error("autocomplete for /{} failed", event.getName(), e);
            event.replyChoices().queue(null, x -> { });
        }
    }

    /** Topics whose id, alias or English or Chinese name matches what was typed; "any topic" first when nothing is typed. */
    static List<Choice> topicChoices(QuestionBank bank, String typed, Lang lang) {
        String key = TopicWords.normalize(typed);
        List<Choice> out = new ArrayList<>();
        if (key.isEmpty()) {
            out.add(new Choice(DiscordText.ANY_TOPIC.text(lang),
                    DiscordCommands.ANY_TOPIC));
        }
        List<Topic> prefix = new ArrayList<>();
        List<Topic> inner = new ArrayList<>();
        for (Topic t : bank.topics()) {
            List<String> words = new ArrayList<>(List.of(t.id(), t.name(Lang.EN), t.name(Lang.ZH)));
            words.addAll(t.aliases());
            List<String> normalized = words.stream().map(TopicWords::normalize).collect(Collectors.toList());
            if (normalized.stream().anyMatch(w -> w.startsWith(key))) {
                prefix.add(t);
            } else if (normalized.stream().anyMatch(w -> w.contains(key))) {
                inner.add(t);
            }
        }
        prefix.addAll(inner);
        Lang other = lang == Lang.EN ? Lang.ZH : Lang.EN;
        for (Topic t : prefix) {
            if (out.size() == MAX_CHOICES) {
                break;
            }
            String name = t.name(lang) + " · " + t.name(other) + " (" + t.id() + ")";
            out.add(new Choice(DiscordRenderer.cut(name, 100), t.id()));
        }
        return out;
    }

    static List<String> zoneChoices(String typed) {
        String p = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        if ("utc".startsWith(p) && p.length() < 4) {
            out.add("UTC");
        }
        out.addAll(DailyArgs.zonesStartingWith(p, MAX_CHOICES - out.size()));
        return out;
    }

    static List<String> weekdayChoices(String typed) {
        String p = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        if (!p.isEmpty() && DailyArgs.weekdays(p).isPresent() && !WEEKDAY_SUGGESTIONS.contains(p)) {
            out.add(p);
        }
        WEEKDAY_SUGGESTIONS.stream().filter(s -> s.startsWith(p)).forEach(out::add);
        return out;
    }

    /** Completes the last word of a space-separated topic list with topic ids. */
    static List<String> topicListChoices(QuestionBank bank, String typed) {
        String text = typed == null ? "" : typed;
        int cut = Math.max(Math.max(text.lastIndexOf(' '), text.lastIndexOf(',')), -1);
        String head = text.substring(0, cut + 1);
        String key = TopicWords.normalize(text.substring(cut + 1));
        Set<String> already = Arrays.stream(head.split("[\\s,]+")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
        List<String> out = new ArrayList<>();
        for (Topic t : bank.topics()) {
            if (out.size() == MAX_CHOICES) {
                break;
            }
            boolean matches = TopicWords.normalize(t.id()).startsWith(key)
                    || t.aliases().stream().anyMatch(a -> TopicWords.normalize(a).startsWith(key))
                    || TopicWords.normalize(t.name(Lang.EN)).startsWith(key)
                    || TopicWords.normalize(t.name(Lang.ZH)).startsWith(key);
            String value = head + t.id();
            if (matches && !already.contains(t.id()) && value.length() <= 100) {
                out.add(value);
            }
        }
        return out;
    }

    private static List<Choice> strings(List<String> values) {
        return values.stream().limit(MAX_CHOICES)
                .map(v -> new Choice(v, v))
                .collect(Collectors.toList());
    }
}
