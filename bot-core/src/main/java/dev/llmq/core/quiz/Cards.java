package dev.llmq.core.quiz;

import dev.llmq.core.bank.Question;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Msg;
import dev.llmq.core.port.in.Action;
import dev.llmq.core.port.in.ActionId;
import dev.llmq.core.port.in.ActionKind;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.QuestionCard;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Builds the question and answer cards with their buttons. */
public final class Cards {
    /** Most follow-up buttons on one answer. */
    public static final int MAX_FOLLOW_UPS = 3;
    /** How much of a follow-up's prompt its button shows (Discord labels hold 80 characters). */
    static final int LABEL_PROMPT_CHARS = 60;

    private Cards() {
    }

    /**
     * A question card: Reveal answer, Hint (when the question has key points), Next question.
     *
     * @param nextTopic the topic "Next question" draws from; empty means any topic
     */
    public static QuestionCard question(QuestionBank bank, Question q, Lang lang, boolean publicReveal,
                                        Optional<String> nextTopic, OptionalInt difficulty) {
        List<Action> actions = new ArrayList<>();
        actions.add(reveal(q, lang, difficulty, publicReveal));
        if (!q.hintsIn(lang).isEmpty()) {
            actions.add(hint(q, lang, 1, difficulty, publicReveal, Msg.BUTTON_HINT));
        }
        actions.add(new Action(ActionKind.NEXT,
                new ActionId.Next(nextTopic, lang, difficulty, publicReveal).encode(), Msg.BUTTON_NEXT.text(lang)));
        return new QuestionCard(lang, q.id(), q.topicId(), topicName(bank, q, lang), q.difficulty(),
                Msg.difficulty(q.difficulty()).text(lang), q.prompt().get(lang), actions);
    }

    /**
     * An answer card with up to {@link #MAX_FOLLOW_UPS} follow-up buttons and Next question, which
     * keep the ask's options: the difficulty filter and public reveals.
     */
    public static AnswerCard answer(QuestionBank bank, Question q, Lang lang, boolean publicReveal,
                                    OptionalInt difficulty) {
        return answer(bank, q, lang, publicReveal, difficulty, false);
    }

    /**
     * As above; with {@code grading}, the four grade buttons follow (Again, Hard, Good, Easy), last,
     * so that the other buttons keep their places.
     */
    public static AnswerCard answer(QuestionBank bank, Question q, Lang lang, boolean publicReveal,
                                    OptionalInt difficulty, boolean grading) {
        List<Action> actions = new ArrayList<>();
        for (String f : q.followUps()) {
            if (actions.size() == MAX_FOLLOW_UPS) {
                break;
            }
            bank.question(f).ifPresent(next -> actions.add(new Action(ActionKind.FOLLOW_UP,
                    new ActionId.Ask(f, lang, difficulty, publicReveal).encode(),
                    Msg.BUTTON_FOLLOW_UP.text(lang, shorten(next.prompt().get(lang), LABEL_PROMPT_CHARS)))));
        }
        actions.add(new Action(ActionKind.NEXT,
                new ActionId.Next(Optional.of(q.topicId()), lang, difficulty, publicReveal).encode(),
                Msg.BUTTON_NEXT.text(lang)));
        if (grading) {
            for (int g = 1; g <= 4; g++) {
                actions.add(new Action(ActionKind.GRADE, new ActionId.Graded(q.id(), lang, g, difficulty, publicReveal)
                        .encode(), gradeLabel(g).text(lang)));
            }
        }
        return new AnswerCard(lang, q.id(), topicName(bank, q, lang), q.prompt().get(lang), q.answer().get(lang),
                q.keyPoints().get(lang), q.source(), !publicReveal, actions);
    }

    /**
     * A question of a private review: Reveal answer and Hint, which carry the review's count; no Next
     * (the review decides what comes next).
     *
     * @param reviewed how many cards were graded in this review so far
     * @param lead     the line above the question
     */
    public static QuestionCard reviewQuestion(QuestionBank bank, Question q, Lang lang, int reviewed, String lead) {
        OptionalInt review = OptionalInt.of(Math.min(reviewed, ActionId.MAX_REVIEWED));
        List<Action> actions = new ArrayList<>();
        actions.add(new Action(ActionKind.REVEAL, new ActionId.Reveal(q.id(), lang, OptionalInt.empty(), review, false)
                .encode(), Msg.BUTTON_REVEAL.text(lang)));
        if (!q.hintsIn(lang).isEmpty()) {
            actions.add(new Action(ActionKind.HINT, new ActionId.Hint(q.id(), lang, 1, OptionalInt.empty(), review, false)
                    .encode(), Msg.BUTTON_HINT.text(lang)));
        }
        return new QuestionCard(lang, q.id(), q.topicId(), topicName(bank, q, lang), q.difficulty(),
                Msg.difficulty(q.difficulty()).text(lang), q.prompt().get(lang), actions, Optional.of(lead), true);
    }

    /** The answer in a private review: only the four grades, which carry the review's count. */
    public static AnswerCard reviewAnswer(QuestionBank bank, Question q, Lang lang, int reviewed) {
        OptionalInt review = OptionalInt.of(Math.min(reviewed, ActionId.MAX_REVIEWED));
        List<Action> actions = new ArrayList<>();
        for (int g = 1; g <= 4; g++) {
            actions.add(new Action(ActionKind.GRADE, new ActionId.Graded(q.id(), lang, g, OptionalInt.empty(), review,
                    false).encode(), gradeLabel(g).text(lang)));
        }
        return new AnswerCard(lang, q.id(), topicName(bank, q, lang), q.prompt().get(lang), q.answer().get(lang),
                q.keyPoints().get(lang), q.source(), true, actions);
    }

    /** The button's word for grade {@code g} (1 to 4): Again, Hard, Good, Easy (重来, 困难, 良好, 简单). */
    public static Msg gradeLabel(int g) {
        return switch (g) {
            case 1 -> Msg.BUTTON_AGAIN;
            case 2 -> Msg.BUTTON_HARD;
            case 3 -> Msg.BUTTON_GOOD;
            case 4 -> Msg.BUTTON_EASY;
            default -> throw new IllegalArgumentException("grade " + g);
        };
    }

    static Action reveal(Question q, Lang lang, OptionalInt difficulty, boolean publicReveal) {
        return new Action(ActionKind.REVEAL, new ActionId.Reveal(q.id(), lang, difficulty, publicReveal).encode(),
                Msg.BUTTON_REVEAL.text(lang));
    }

    static Action hint(Question q, Lang lang, int number, OptionalInt difficulty, boolean publicReveal, Msg label) {
        return new Action(ActionKind.HINT, new ActionId.Hint(q.id(), lang, number, difficulty, publicReveal).encode(),
                label.text(lang));
    }

    public static String topicName(QuestionBank b, Question q, Lang lang) {
        return b.topic(q.topicId()).map(t -> t.name(lang)).orElse(q.topicId());
    }

    static String shorten(String text, int max) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.codePointCount(0, t.length()) <= max) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
    }
}
