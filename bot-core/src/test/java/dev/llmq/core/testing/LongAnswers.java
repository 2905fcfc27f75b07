package dev.llmq.core.testing;

import dev.llmq.core.bank.Question;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.RichText;
import dev.llmq.core.bank.load.BankLoader;
import dev.llmq.core.i18n.Lang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The answers that test each platform's length limits: the shipped bank's longest answer and its
 * longest code block in each language, and a made-up answer too long for any message part.
 */
public final class LongAnswers {
    /** An answer of one language: where it came from (for messages) and its text. */
    public record Answer(String name, Lang lang, String prompt, String text) {
    }

    private LongAnswers() {
    }

    /** The shipped bank, {@code questions.yaml} at the repository root, seen from a module's directory. */
    public static QuestionBank shippedBank() throws Exception {
        Path bank = Path.of("..", "questions.yaml");
        if (!Files.isRegularFile(bank)) {
            throw new IllegalStateException("the shipped bank is not at " + bank.toAbsolutePath());
        }
        return BankLoader.load(List.of(bank));
    }

    /** The longest answer, and the answer with the longest code block, in each language. */
    public static List<Answer> shipped() throws Exception {
        QuestionBank bank = shippedBank();
        List<Answer> out = new ArrayList<>();
        for (Lang lang : Lang.values()) {
            Question longest = bank.questions().stream()
                    .max(Comparator.comparingInt(q -> q.answer().get(lang).length())).orElseThrow();
            out.add(new Answer("longest " + lang + " answer (" + longest.id() + ")", lang, longest.prompt().get(lang),
                    longest.answer().get(lang)));
            bank.questions().stream()
                    .filter(q -> longestCode(q.answer().get(lang)) > 0)
                    .max(Comparator.comparingInt(q -> longestCode(q.answer().get(lang))))
                    .ifPresent(q -> out.add(new Answer("longest " + lang + " code (" + q.id() + ")", lang,
                            q.prompt().get(lang), q.answer().get(lang))));
        }
        return out;
    }

    /** Prose, then 200 numbered lines of code (about 9,000 characters), then prose again. */
    public static Answer tooLong() {
        StringBuilder code = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            code.append("x_").append(i).append(" = softmax(q @ k.T / d ** 0.5) & mask  # <line ").append(i).append(">\n");
        }
        return new Answer("made-up 9,000-character code answer", Lang.EN, "Write it out?",
                "Here is the code:\n```python\n" + code.toString().strip() + "\n```\nAnd the prose after it.");
    }

    /** The length of the text's longest code block, 0 when it has none. */
    public static int longestCode(String text) {
        return codeOf(text).stream().mapToInt(String::length).max().orElse(0);
    }

    /** The code blocks of a text, in order. */
    public static List<String> codeOf(String text) {
        List<String> out = new ArrayList<>();
        for (RichText.Segment s : RichText.parse(text)) {
            switch (s) {
                case RichText.Code c -> out.add(c.code());
                case RichText.Prose p -> {
                }
            }
        }
        return out;
    }
}
