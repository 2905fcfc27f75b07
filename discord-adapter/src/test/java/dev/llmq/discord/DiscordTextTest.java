package dev.llmq.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmq.core.testing.Bilingual;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DiscordTextTest {
    @ParameterizedTest
    @EnumSource(DiscordText.class)
    void everyTextHasBothLanguagesWithTheSameArguments(DiscordText text) {
        assertEquals(List.of(), Bilingual.problems(text));
    }
}
