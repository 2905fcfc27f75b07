package dev.llmq.discord;

import dev.llmq.core.testing.Bilingual;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DiscordTextTest {
    @ParameterizedTest
    @EnumSource(DiscordText.class)
    void everyTextHasBothLanguagesWithTheSameArguments(DiscordText text) {
        Bilingual.check(text);
    }
}
