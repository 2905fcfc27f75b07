package dev.llmq.core.quiz;

import dev.llmq.core.bank.Question;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.Topic;
import dev.llmq.core.bank.TopicResolver;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.i18n.Msg;
import dev.llmq.core.port.in.Action;
import dev.llmq.core.port.in.ActionId;
import dev.llmq.core.port.in.ActionKind;
import dev.llmq.core.port.in.CommandParser;
import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.DailyDesk;
import dev.llmq.core.port.in.HelpCard;
import dev.llmq.core.port.in.HintCard;
import dev.llmq.core.port.in.Interactions;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.in.TopicList;
import dev.llmq.core.port.out.ProgressStore;
import dev.llmq.core.port.in.StudyDesk;
import dev.llmq.core.port.out.QuizObserver;
import dev.llmq.core.port.out.SpaceSettings;
import dev.llmq.core.port.out.UserSettings;
import dev.llmq.core.settings.Preferences;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform-neutral bot: answers commands and button presses with {@link Reply} records.
 * It holds no platform types; adapters translate events into {@link Command}s and action ids.
 * Reveal, hint and follow-up presses need only the id in the button, so they work after a
 * restart and on any replica.
 */
public final class Quizmaster implements Interactions {
    private static final Logger log = LoggerFactory.getLogger(Quizmaster.class);
    private final Supplier<QuestionBank> bank;
    private final Decks decks;
    private final LangPolicy langPolicy;
    private final Optional<DailyDesk> daily;
    private final Optional<ProgressStore> progress;
    private final Clock clock;
    private volatile TopicResolver resolver;
    private volatile QuizObserver observer = QuizObserver.NONE;

    /**
     * @param bank       the current bank (a supplier, so that a reloaded bank is picked up)
     * @param decks      per-channel decks
     * @param langPolicy how a request's language is chosen
     */
    public Quizmaster(Supplier<QuestionBank> bank, Decks decks, LangPolicy langPolicy) {
        this(bank, decks, langPolicy, Optional.empty());
    }

    /** @param daily handles the daily-question commands; empty where the platform has none */
    public Quizmaster(Supplier<QuestionBank> bank, Decks decks, LangPolicy langPolicy, Optional<DailyDesk> daily) {
        this(bank, decks, langPolicy, daily, Optional.empty(), Clock.systemUTC());
    }

    /**
     * @param progress where each user's reveals are recorded; a failure to record is logged and
     *                 never spoils the reveal
     * @param clock    the time of the records
     */
    public Quizmaster(Supplier<QuestionBank> bank, Decks decks, LangPolicy langPolicy, Optional<DailyDesk> daily,
                      Optional<ProgressStore> progress, Clock clock) {
        this.bank = Objects.requireNonNull(bank);
        this.decks = Objects.requireNonNull(decks);
        this.langPolicy = Objects.requireNonNull(langPolicy);
        this.daily = Objects.requireNonNull(daily);
        this.progress = Objects.requireNonNull(progress);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public QuestionBank bank() {
        return bank.get();
    }

    /** The resolver for the current bank (rebuilt when the bank is replaced). */
    public TopicResolver resolver() {
        QuestionBank b = bank.get();
        TopicResolver r = resolver;
        if (r == null || r.bank() != b) {
            r = new TopicResolver(b);
            resolver = r;
        }
        return r;
    }

    /**
     * The language for a request from {@code origin} with an optional explicit choice. It never waits
     * on the store: settings count once cached, which {@link #handle} and {@link #press} see to.
     */
    @Override
    public Lang langFor(Origin origin, Optional<Lang> explicit) {
        Optional<UserSettings> mine = preferences.flatMap(p -> p.userIfCached(origin));
        Optional<Lang> spaceDefault = preferences.flatMap(p -> p.spaceIfCached(origin))
                .flatMap(SpaceSettings::defaultLang).or(origin::spaceLang);
        return langPolicy.choose(explicit, mine.flatMap(UserSettings::lang), origin.userLocale(), spaceDefault);
    }

    /** Tells {@code o} about every command and press from now on; returns this quizmaster. */
    private volatile UserLimits limits = UserLimits.defaults();

    public Quizmaster observedBy(QuizObserver o) {
        this.observer = Objects.requireNonNull(o);
        return this;
    }

    @Override
    public Reply handle(Origin origin, Command command) {
        long start = System.nanoTime();
        readSettings(origin, waitsOnStore(origin, command));
        Reply reply = limited(origin, command).orElseGet(() -> answer(origin, command));
        notify(() -> observer.handled(origin, command, reply, System.nanoTime() - start));
        return reply;
    }

    /** Answers a button press. Unknown, malformed or stale ids get a polite private notice. */
    @Override
    public Reply press(Origin origin, String rawActionId) {
        long start = System.nanoTime();
        readSettings(origin, waitsOnStore(origin, rawActionId));
        Reply reply = limits.allow(origin) ? answerPress(origin, rawActionId) : slowDown(langFor(origin, Optional.empty()));
        notify(() -> observer.pressed(origin, rawActionId, reply, System.nanoTime() - start));
        return reply;
    }

    /**
     * Reads the member's and server's settings into the cache before the reply, when the reply
     * waits on the store anyway (the adapter has deferred it, or runs it off its event thread).
     * Otherwise (help, topics, a hint) it never waits: the reply uses what is cached, and the
     * settings are read in the background for the next one.
     */
    private void readSettings(Origin origin, boolean mayWait) {
        preferences.ifPresent(p -> {
            if (mayWait) {
                p.load(origin);
            } else {
                p.loadLater(origin);
            }
        });
    }

    /** Asks (and topics, help, text that did not parse) count towards the user's limit; daily commands do not. */
    private Optional<Reply> limited(Origin origin, Command command) {
        boolean counts = switch (command) {
            case Command.Daily d -> false;
            case Command.Ask a -> true;
            case Command.ShowTopics t -> true;
            case Command.ShowHelp h -> true;
            case Command.Malformed m -> true;
            case Command.Review r -> true;
            case Command.Settings s -> true;
            case Command.ForgetMe f -> true;
            case Command.Stats st -> true;
            case Command.Leaderboard b -> true;
            case Command.Export e -> true;
        };
        return counts && !limits.allow(origin) ? Optional.of(slowDown(langFor(origin, command.lang()))) : Optional.empty();
    }

    private static Reply slowDown(Lang lang) {
        return Notice.error(lang, Msg.SLOW_DOWN.text(lang));
    }

    /** Sets the per-user limit on asks and presses (the default: {@link UserLimits#defaults()}); returns this. */
    public Quizmaster limitedBy(UserLimits l) {
        this.limits = Objects.requireNonNull(l);
        return this;
    }

    private volatile Optional<StudyDesk> study = Optional.empty();
    private volatile Optional<Preferences> preferences = Optional.empty();

    /**
     * Answers get grade buttons; grades, reviews, settings and "forget me" go to {@code desk}; replies
     * follow each member's and server's settings in {@code prefs}. Returns this.
     */
    public Quizmaster studiedWith(StudyDesk desk, Preferences prefs) {
        this.study = Optional.of(desk);
        this.preferences = Optional.of(prefs);
        return this;
    }

    private static void notify(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // An observer's failure never costs the user an answer.
        }
    }

    /** What was not understood, quoted at most once and cut when long (a pasted page is not echoed back). */
    static String malformed(Command.Malformed bad, Lang lang) {
        String word = CommandParser.echo(bad.word());
        return bad.reason().raw(lang).contains("%s") ? bad.reason().text(lang, word)
                : Msg.BAD_OPTION.text(lang, word, bad.reason().text(lang));
    }

    private Reply answer(Origin origin, Command command) {
        Lang lang = langFor(origin, command.lang());
        return switch (command) {
            case Command.Ask ask -> ask(origin, ask, lang);
            case Command.ShowTopics t -> topics(lang, true);
            case Command.ShowHelp h -> help(lang);
            case Command.Daily d -> daily(origin, d, lang);
            case Command.Malformed bad -> Notice.error(lang, malformed(bad, lang));
            case Command.Review r -> study.<Reply>map(s -> s.review(origin, lang)).orElseGet(() -> noStudy(lang));
            case Command.Settings s -> study.<Reply>map(d -> d.settings(origin, s, langFor(origin, s.lang())))
                    .orElseGet(() -> noStudy(lang));
            case Command.ForgetMe f -> study.<Reply>map(s -> s.forgetMe(origin, lang)).orElseGet(() -> noStudy(lang));
            case Command.Stats st -> study.<Reply>map(s -> s.stats(origin, lang, false)).orElseGet(() -> noStudy(lang));
            case Command.Leaderboard b -> study.<Reply>map(s -> s.leaderboard(origin, lang))
                    .orElseGet(() -> noStudy(lang));
            case Command.Export e -> study.<Reply>map(s -> s.export(origin, e, lang)).orElseGet(() -> noStudy(lang));
        };
    }

    private static Reply noStudy(Lang lang) {
        return Notice.error(lang, Msg.STUDY_UNAVAILABLE.text(lang));
    }

    private Reply daily(Origin origin, Command.Daily command, Lang lang) {
        if (daily.isEmpty()) {
            return Notice.error(lang, Msg.DAILY_UNAVAILABLE.text(lang));
        }
        boolean changes = switch (command) {
            case Command.DailyStatus s -> false;
            case Command.DailySet s -> true;
            case Command.DailyOff o -> true;
            case Command.DailyNow n -> true;
        };
        if (changes && !origin.admin()) {
            return Notice.error(lang, Msg.adminOnly(origin.platform(), false).text(lang));
        }
        return daily.get().handle(origin, command, lang);
    }

    /** The daily and study commands use the store, and so do asks when the decks live there. */
    @Override
    public boolean waitsOnStore(Origin origin, Command command) {
        return switch (command) {
            case Command.Daily d -> daily.isPresent();
            case Command.Ask a -> decks.persistent();
            case Command.ShowTopics t -> false;
            case Command.ShowHelp h -> false;
            case Command.Malformed m -> false;
            case Command.Review r -> study.isPresent();
            case Command.Stats st -> study.isPresent();
            case Command.Leaderboard b -> study.isPresent();
            case Command.Export e -> study.isPresent();
            case Command.Settings s -> study.isPresent();
            case Command.ForgetMe f -> false;
        };
    }

    /** A reveal records the user's progress in the store; Next draws from the channel's deck; a grade writes the card. */
    @Override
    public boolean waitsOnStore(Origin origin, String rawActionId) {
        return ActionId.parse(rawActionId).map(id -> switch (id) {
            case ActionId.Reveal r -> progress.isPresent();
            case ActionId.Hint h -> false;
            case ActionId.Next n -> decks.persistent();
            case ActionId.Ask a -> false;
            case ActionId.Graded g -> study.isPresent();
            case ActionId.Forget f -> study.isPresent();
            case ActionId.StartReview r -> study.isPresent();
            case ActionId.ShareStats s -> study.isPresent();
        }).orElse(false);
    }


    private Reply answerPress(Origin origin, String rawActionId) {
        Optional<ActionId> parsed = ActionId.parse(rawActionId);
        if (parsed.isEmpty()) {
            Lang lang = langFor(origin, Optional.empty());
            return Notice.error(lang, Msg.BAD_BUTTON.text(lang));
        }
        ActionId id = parsed.get();
        Lang lang = id.lang();
        QuestionBank b = bank.get();
        return switch (id) {
            case ActionId.Reveal r -> b.question(r.questionId())
                    .<Reply>map(found -> {
                        recordReveal(origin, found.id());
                        if (r.review().isPresent() && study.isPresent()) {
                            return Cards.reviewAnswer(b, found, lang, r.review().getAsInt());
                        }
                        return Cards.answer(b, found, lang, r.publicReveal(), r.difficulty(),
                                study.isPresent());
                    })
                    .orElseGet(() -> stale(lang));
            case ActionId.Hint h -> b.question(h.questionId())
                    .<Reply>map(q -> hint(q, lang, h))
                    .orElseGet(() -> stale(lang));
            case ActionId.Ask a -> b.question(a.questionId())
                    .<Reply>map(q -> a.review().isPresent()
                            ? Cards.reviewQuestion(b, q, lang, a.review().getAsInt(), Msg.REVIEW_NEW.text(lang))
                            : card(b, q, lang, a.publicReveal(), a.difficulty(), true))
                    .orElseGet(() -> stale(lang));
            case ActionId.Forget f -> study.<Reply>map(s -> s.forget(origin, lang)).orElseGet(() -> noStudy(lang));
            // from a reminder in the member's direct messages: the review of their cards in the id's space
            case ActionId.StartReview r -> study.<Reply>map(s -> s.review(r.space().map(origin::inSpace).orElse(origin),
                    lang)).orElseGet(() -> noStudy(lang));
            // Share: the presser's own card, drawn again now, for the whole channel
            case ActionId.ShareStats s -> study.<Reply>map(d -> d.stats(origin, lang, true)).orElseGet(() -> noStudy(lang));
            case ActionId.Next n -> draw(origin, b, n.topicId().flatMap(b::topic), lang, n.difficulty(),
                    n.publicReveal());
            case ActionId.Graded g -> b.question(g.questionId())
                    .<Reply>map(q -> grade(origin, q, lang, g))
                    .orElseGet(() -> stale(lang));
        };
    }

    /** Keeps the member's grade in their card (the study desk does); without study, says grades are not kept. */
    private Reply grade(Origin origin, Question q, Lang lang, ActionId.Graded g) {
        return study.<Reply>map(s -> s.grade(origin, q, g))
                .orElseGet(() -> Notice.error(lang, Msg.GRADING_UNAVAILABLE.text(lang)));
    }

    /** The server's setting "answers are public by default" (false when unknown). */
    private boolean publicByDefault(Origin origin) {
        return preferences.flatMap(p -> p.spaceIfCached(origin)).map(SpaceSettings::publicReveals).orElse(false);
    }

    private void recordReveal(Origin origin, String questionId) {
        if (progress.isEmpty()) {
            return;
        }
        try {
            progress.get().recordReveal(origin.platform(), origin.space(), origin.user(), questionId, clock.instant());
        } catch (RuntimeException e) {
            log.warn("reveal of {} by {} not recorded: {}", questionId, origin.user(), e.toString());
        }
    }

    // ------------------------------------------------------------------ commands

    private Reply ask(Origin origin, Command.Ask ask, Lang lang) {
        QuestionBank b = bank.get();
        // the server's default; an ask can make its reveals public, not private (Discord's option is a flag)
        boolean pub = ask.publicReveal() || publicByDefault(origin);
        if (ask.topic().isEmpty()) {
            return draw(origin, b, Optional.empty(), lang, ask.difficulty(), pub);
        }
        String allTopics = b.topics().stream().map(Topic::id).collect(Collectors.joining(", "));
        return switch (resolver().resolve(ask.topic().get())) {
            case TopicResolver.Found found ->
                    draw(origin, b, Optional.of(found.topic()), lang, ask.difficulty(), pub);
            case TopicResolver.Ambiguous amb -> {
                String names = amb.candidates().stream().map(Topic::id).collect(Collectors.joining(", "));
                yield Notice.error(lang, Msg.AMBIGUOUS_TOPIC.text(lang, CommandParser.echo(amb.input()), names) + " "
                        + Msg.TOPICS_ARE.text(lang, allTopics));
            }
            case TopicResolver.Unknown unknown -> {
                StringBuilder text = new StringBuilder(Msg.UNKNOWN_TOPIC.text(lang, CommandParser.echo(unknown.input())));
                if (!unknown.suggestions().isEmpty()) {
                    text.append(' ').append(Msg.DID_YOU_MEAN.text(lang, unknown.suggestions().stream()
                            .map(Topic::id).collect(Collectors.joining(", "))));
                }
                text.append(' ').append(Msg.TOPICS_ARE.text(lang, allTopics));
                yield Notice.error(lang, text.toString());
            }
        };
    }

    private Reply draw(Origin origin, QuestionBank b, Optional<Topic> topic, Lang lang, OptionalInt difficulty,
                       boolean publicReveal) {
        List<Question> pool = topic.map(t -> b.questionsOf(t.id())).orElseGet(b::questions);
        if (difficulty.isPresent()) {
            int d = difficulty.getAsInt();
            pool = pool.stream().filter(q -> q.difficulty() == d).collect(Collectors.toList());
        }
        // One deck per channel, whatever the ask filters by: the filter picks the candidates.
        Optional<Question> q = decks.draw(origin.channelRef(), pool);
        if (q.isEmpty()) {
            String what = topic.map(t -> t.name(lang)).orElse("llmq");
            return Notice.error(lang, Msg.NO_QUESTIONS.text(lang, what));
        }
        return card(b, q.get(), lang, publicReveal, difficulty, topic.isPresent());
    }

    private QuestionCard card(QuestionBank b, Question q, Lang lang, boolean publicReveal, OptionalInt difficulty,
                              boolean sameTopicNext) {
        return Cards.question(b, q, lang, publicReveal, sameTopicNext ? Optional.of(q.topicId()) : Optional.empty(),
                difficulty);
    }

    /**
     * Hint number {@code h.number()} (the question's hints, or its key points where it has none),
     * with Next hint and Reveal buttons that keep the ask's options.
     */
    private Reply hint(Question q, Lang lang, ActionId.Hint h) {
        List<String> points = q.hintsIn(lang);
        int number = h.number();
        if (points.isEmpty()) {
            return Notice.info(lang, Msg.NO_HINTS.text(lang));
        }
        Action reveal = h.review().isPresent()
                ? new Action(ActionKind.REVEAL, new ActionId.Reveal(q.id(), lang, h.difficulty(), h.review(), false)
                        .encode(), Msg.BUTTON_REVEAL.text(lang))
                : Cards.reveal(q, lang, h.difficulty(), h.publicReveal());
        if (number > points.size()) {
            return new Notice(lang, Notice.Level.INFO, Msg.NO_MORE_HINTS.text(lang), true, List.of(reveal));
        }
        List<Action> actions = new ArrayList<>();
        if (number < points.size()) {
            actions.add(new Action(ActionKind.HINT, new ActionId.Hint(q.id(), lang, number + 1, h.difficulty(), h.review(),
                    h.publicReveal()).encode(), Msg.BUTTON_NEXT_HINT.text(lang)));
        }
        actions.add(reveal);
        return new HintCard(lang, q.id(), number, points.size(), points.get(number - 1), actions);
    }

    private static Notice stale(Lang lang) {
        return Notice.error(lang, Msg.STALE_BUTTON.text(lang));
    }

    /** The topic list, with question counts. */
    public TopicList topics(Lang lang, boolean ephemeral) {
        QuestionBank b = bank.get();
        List<TopicList.Entry> entries = b.topics().stream()
                .map(t -> new TopicList.Entry(t.id(), t.name(lang), t.aliases(), b.questionsOf(t.id()).size()))
                .collect(Collectors.toList());
        return new TopicList(lang, entries, ephemeral);
    }

    @Override
    public HelpCard help(Lang lang) {
        String example = bank.get().topics().isEmpty() ? "architecture" : bank.get().topics().get(0).id();
        return new HelpCard(lang, List.of(
                new HelpCard.Line(lang == Lang.ZH ? "/llmq <主题>" : "/llmq <topic>", Msg.HELP_ASK.text(lang) + " (/llmq " + example + ")"),
                new HelpCard.Line("/llmq", Msg.HELP_RANDOM.text(lang)),
                new HelpCard.Line("/llmq topics", Msg.HELP_TOPICS.text(lang)),
                new HelpCard.Line("/llmq help", Msg.HELP_HELP.text(lang)),
                new HelpCard.Line("/llmq review", Msg.HELP_REVIEW.text(lang)),
                new HelpCard.Line("/llmq stats", Msg.HELP_STATS.text(lang)),
                new HelpCard.Line("/llmq leaderboard", Msg.HELP_LEADERBOARD.text(lang)),
                new HelpCard.Line("/llmq export [misses|all] [csv]", Msg.HELP_EXPORT.text(lang)),
                new HelpCard.Line("/llmq settings", Msg.HELP_SETTINGS.text(lang)),
                new HelpCard.Line("/llmq forget-me", Msg.HELP_FORGET_ME.text(lang)),
                new HelpCard.Line("lang:zh  difficulty:2  public", Msg.HELP_MODIFIERS.text(lang))), true);
    }
}
