package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18: a reply in Chinese is Chinese throughout: banner, labels, the daily card, the help. */
class OneLanguageConsoleTest {
    @TempDir
    Path dir;
    Map<String, String> env;

    @BeforeEach
    void bank() throws Exception {
        env = CliHarness.fixtureEnv(dir);
    }

    private static void noEnglish(String out, List<String> words) {
        for (String w : words) {
            assertFalse(out.contains(w), "English \"" + w + "\" in a Chinese session:\n" + out);
        }
    }

    @Test
    void withLangZhTheBannerTheLabelsAndTheDailyCardAreChinese() {
        // the one easy question of the topic has key points (its hints): hint, then reveal
        CliHarness r = CliHarness.run(env, "/llmq arch difficulty:1\n2\n2\n/llmq daily set 09:00 Asia/Shanghai\n/llmq help\n",
                "--lang", "zh", "console");
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("llmq 控制台 · "), out);
        assertTrue(out.contains("提示 1/"), out);
        assertTrue(out.contains("要点：\n"), out);
        assertTrue(out.contains("每天"), out);
        assertTrue(out.contains("下次：") && out.contains("（Asia/Shanghai）"), out);
        assertTrue(out.contains("/llmq <主题>"), out);
        noEnglish(out, List.of("questions in", "Hint ", "Key points", "every day", "next:", "<topic>", "Reveal answer"));
        assertFalse(out.contains("提示 1/4: ") || out.contains("要点:"), "half-width colons after Chinese labels");
    }

    @Test
    void aChineseTopicWordIsAnsweredInChinese() {
        CliHarness r = CliHarness.run(env, "/llmq 架构 difficulty:1\n1\n", "console");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("── 主流架构 · "), r.out());
        assertTrue(r.out().contains("显示答案"), r.out());
        assertTrue(r.out().contains("── 参考答案 · ") && r.out().contains("要点："), r.out());
        CliHarness en = CliHarness.run(env, "/llmq 架构 lang:en\n", "console");
        assertTrue(en.out().contains("── Architectures · "), "an explicit lang: comes first:\n" + en.out());
    }
}
