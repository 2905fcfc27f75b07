package dev.llmq.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.Topic;
import dev.llmq.core.bank.load.BankLoader;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.StudyMsg;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The stats card is drawn with the fonts in the jar, which cover every label and every topic name
 * of the shipped bank: Chinese is glyphs, never boxes, with no font installed. The cards drawn here
 * are kept in {@code target/stats-card/} to be looked at.
 */
class StatsImageTest {
    static final Path SHIPPED = Path.of("..", "questions.yaml");
    static final Font REGULAR = CardFonts.load(CardFonts.REGULAR);
    static final Font BOLD = CardFonts.load(CardFonts.BOLD);

    /** A member three weeks in: some topics mastered, a streak of 4 days. */
    static StudyStats sample(QuestionBank bank, Lang lang, boolean streak) {
        List<StudyStats.TopicMastery> topics = new ArrayList<>();
        int i = 0;
        for (Topic t : bank.topics()) {
            int n = bank.questionsOf(t.id()).size();
            topics.add(new StudyStats.TopicMastery(t.id(), t.name(lang), Math.min(n, (i * 7) % (n + 1)), n));
            i++;
        }
        List<Integer> days = new ArrayList<>();
        int total = 7 * (StudyStats.WEEKS - 1) + 2; // Monday 12 weeks ago to a Tuesday
        for (int d = 0; d < total; d++) {
            days.add(d < 50 ? 0 : (d * 37 % 11) % 9);
        }
        return new StudyStats(LocalDate.parse("2026-12-01"), ZoneId.of("Asia/Shanghai"), topics, days, 7, 23, 41,
                streak ? Optional.of(new Streak(4, 9)) : Optional.empty());
    }

    static boolean hasGlyphs(Font font, String text) {
        GlyphVector v = font.createGlyphVector(new FontRenderContext(null, true, true), text);
        for (int g = 0; g < v.getNumGlyphs(); g++) {
            if (v.getGlyphCode(g) == font.getMissingGlyphCode()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everyLabelHasItsGlyphsInBothFonts() {
        for (StudyMsg m : StudyMsg.values()) {
            for (Lang lang : Lang.values()) {
                String text = m.raw(lang).replaceAll("%[0-9$]*[a-z]", "");
                for (Font f : List.of(REGULAR, BOLD)) {
                    assertEquals(-1, f.canDisplayUpTo(text), m + " in " + lang + " with " + f.getFontName());
                    assertTrue(hasGlyphs(f, text), m + " " + lang);
                }
            }
        }
    }

    @Test
    void everyTopicNameOfTheShippedBankHasItsGlyphs() throws Exception {
        QuestionBank bank = BankLoader.load(SHIPPED);
        for (Topic t : bank.topics()) {
            for (Lang lang : Lang.values()) {
                assertEquals(-1, REGULAR.canDisplayUpTo(t.name(lang)),
                        "the card's font lacks a character of \"" + t.name(lang) + "\": run bin/subset-font");
            }
        }
    }

    @Test
    void aChineseCharacterIsAGlyphAndAMissingOneIsNot() {
        assertTrue(hasGlyphs(REGULAR, "学习统计"));
        assertTrue(!hasGlyphs(REGULAR, "\uD83D\uDD25"), "an emoji is not in the subset (the card never draws one)");
    }

    @Test
    void theCardIsAPngOfTheCardsSizeInBothLanguages() throws Exception {
        QuestionBank bank = BankLoader.load(SHIPPED);
        Path dir = Files.createDirectories(Path.of("target", "stats-card"));
        for (Lang lang : Lang.values()) {
            for (boolean streak : new boolean[] {true, false}) {
                byte[] png = StatsImage.png(sample(bank, lang, streak), lang);
                assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
                assertEquals(StatsImage.WIDTH, image.getWidth());
                assertTrue(image.getHeight() > 400, "height " + image.getHeight());
                Files.write(dir.resolve("stats-" + lang.code() + (streak ? "-streak" : "") + ".png"), png);
            }
        }
    }

    /** The title's pixels: drawn in the text colour on the background, so the text is really there. */
    @Test
    void theTitleIsDrawn() {
        QuestionBank bank = loadQuietly();
        BufferedImage zh = StatsImage.draw(sample(bank, Lang.ZH, false), Lang.ZH);
        int ink = 0;
        for (int x = 32; x < 300; x++) {
            for (int y = 30; y < 62; y++) {
                if (zh.getRGB(x, y) != StatsImage.BACKGROUND.getRGB()) {
                    ink++;
                }
            }
        }
        assertTrue(ink > 500, "ink in the title's box: " + ink);
    }

    @Test
    void theHeatmapLevelsGrowWithTheBusiestDay() {
        assertEquals(0, StatsImage.level(0, 10));
        assertEquals(1, StatsImage.level(1, 10));
        assertEquals(2, StatsImage.level(5, 10));
        assertEquals(4, StatsImage.level(10, 10));
        assertNotEquals(StatsImage.LEVELS[0], StatsImage.LEVELS[1]);
    }

    static QuestionBank loadQuietly() {
        try {
            return BankLoader.load(SHIPPED);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
