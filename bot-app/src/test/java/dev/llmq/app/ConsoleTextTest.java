package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmq.core.testing.Bilingual;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConsoleTextTest {
    @ParameterizedTest
    @EnumSource(ConsoleText.class)
    void everyTextHasBothLanguagesWithTheSameArguments(ConsoleText text) {
        assertEquals(List.of(), Bilingual.problems(text));
    }
}
