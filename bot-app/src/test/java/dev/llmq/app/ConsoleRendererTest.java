package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.testing.LongAnswers;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17: a terminal has no length limit, so the console prints a code block whole, between
 * its fence lines, where a reader can copy it with its indentation.
 */
class ConsoleRendererTest {
    static Stream<LongAnswers.Answer> longAnswers() throws Exception {
        return Stream.concat(LongAnswers.shipped().stream(), Stream.of(LongAnswers.tooLong()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("longAnswers")
    void aCodeBlockIsPrintedWholeBetweenItsFences(LongAnswers.Answer a) {
        AnswerCard card = new AnswerCard(a.lang(), "q-long", "Topic", a.prompt(), a.text(), List.of("point"),
                Optional.empty(), false, List.of());
        String out = ConsoleRenderer.render(card, attachment -> "");
        assertTrue(out.contains(a.text()), a.name() + ": the answer is not printed as written");
        for (String code : LongAnswers.codeOf(a.text())) {
            assertTrue(out.contains("\n" + code + "\n```\n"), a.name() + ": the code block is not whole");
        }
    }
}
