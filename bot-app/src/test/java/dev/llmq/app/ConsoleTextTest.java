package dev.llmq.app;

import dev.llmq.core.testing.Bilingual;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConsoleTextTest {
    @ParameterizedTest
    @EnumSource(ConsoleText.class)
    void everyTextHasBothLanguagesWithTheSameArguments(ConsoleText text) {
        Bilingual.check(text);
    }
}
