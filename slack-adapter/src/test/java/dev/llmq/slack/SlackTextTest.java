package dev.llmq.slack;

import dev.llmq.core.testing.Bilingual;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SlackTextTest {
    @ParameterizedTest
    @EnumSource(SlackText.class)
    void everyTextHasBothLanguagesWithTheSameArguments(SlackText text) {
        Bilingual.check(text);
    }
}
