package dev.llmq.core.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LangPolicyTest {
    /** explicit, user locale, space default, configured default -> chosen. "-" means none. */
    @ParameterizedTest(name = "explicit={0} locale={1} space={2} configured={3} -> {4}")
    @CsvSource({
        "zh, en-US, en, en, ZH",
        "en, zh-CN, zh, zh, EN",
        "-,  zh-CN, en, en, ZH",
        "-,  zh-TW, en, en, ZH",
        "-,  en-GB, zh, zh, EN",
        "-,  fr,    zh, en, ZH",
        "-,  -,     zh, en, ZH",
        "-,  -,     -,  zh, ZH",
        "-,  de,    -,  zh, ZH",
        "-,  -,     -,  -,  EN",
        "-,  ja,    -,  -,  EN",
    })
    void fallbackOrder(String explicit, String locale, String space, String configured, Lang expected) {
        LangPolicy policy = new LangPolicy(lang(configured));
        assertEquals(expected, policy.choose(lang(explicit), "-".equals(locale) ? null : locale, lang(space)));
    }

    private static Optional<Lang> lang(String s) {
        return "-".equals(s) ? Optional.empty() : Optional.of(Lang.parse(s).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"en, EN", "EN, EN", "english, EN", "zh, ZH", "zh-CN, ZH", "zh_TW, ZH", "中文, ZH", "Chinese, ZH"})
    void parsesWhatUsersType(String text, Lang expected) {
        assertEquals(Optional.of(expected), Lang.parse(text));
    }

    @Test
    void unknownLanguagesAreEmpty() {
        assertFalse(Lang.parse("fr").isPresent());
        assertFalse(Lang.parse("").isPresent());
        assertFalse(Lang.parse(null).isPresent());
    }

    @ParameterizedTest
    @EnumSource(Msg.class)
    void everyMessageHasBothLanguagesWithTheSameArguments(Msg msg) {
        assertEquals(List.of(), dev.llmq.core.testing.Bilingual.problems(msg));
    }

}
