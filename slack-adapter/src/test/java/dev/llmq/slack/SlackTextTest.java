package dev.llmq.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmq.core.testing.Bilingual;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SlackTextTest {
    @ParameterizedTest
    @EnumSource(SlackText.class)
    void everyTextHasBothLanguagesWithTheSameArguments(SlackText text) {
        assertEquals(List.of(), Bilingual.problems(text));
    }
}
