package dev.llmq.core.stats;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.StudyMsg;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws a member's {@link StudyStats} as a PNG with Java2D: a header, the numbers (due today,
 * reviews this week, questions graded, the streak when they opted in), a GitHub-style heatmap of
 * 12 weeks of reviews, and a bar per topic for its share of mastered questions.
 *
 * <p>Java2D rather than a charting library: the card is bars, squares and text, which Java2D draws
 * in a few hundred lines with full control of the layout and the fonts; JFreeChart or XChart would
 * add a megabyte for axes and legends the card does not have.
 */
public final class StatsImage {
    /** The image could not be drawn here (no font support, a headless JDK without AWT...). */
    public static final class CannotDraw extends Exception {
        private static final long serialVersionUID = 1L;

        public CannotDraw(Throwable cause) {
            super(cause.toString(), cause);
        }
    }

    static final int WIDTH = 960;
    private static final int MARGIN = 32;
    private static final int CELL = 20;
    private static final int GAP = 4;
    private static final int BAR_ROW = 44;
    private static final int HEAT_TOP = 96;

    static final Color BACKGROUND = new Color(0x0D1117);
    static final Color PANEL = new Color(0x161B22);
    static final Color TEXT = new Color(0xE6EDF3);
    static final Color MUTED = new Color(0x8B949E);
    static final Color TRACK = new Color(0x21262D);
    static final Color ACCENT = new Color(0x58A6FF);
    static final Color FLAME = new Color(0xF78166);
    /** The heatmap's levels, from no review to the most (GitHub's greens on a dark page). */
    static final Color[] LEVELS = {new Color(0x161B22), new Color(0x0E4429), new Color(0x006D32),
            new Color(0x26A641), new Color(0x39D353)};

    static {
        // llmq draws into images only; never ask for a display (a server has none)
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private StatsImage() {
    }

    /** The card as PNG bytes. */
    public static byte[] png(StudyStats stats, Lang lang) throws CannotDraw {
        try {
            return encode(draw(stats, lang));
        } catch (IOException | RuntimeException | LinkageError | java.awt.AWTError e) {
            throw new CannotDraw(e);
        }
    }

    /**
     * PNG bytes, encoded in memory (ImageIO's default stream caches in a temporary file) at zlib
     * level 2 rather than the writer's 4: the card is flat colours, so the file grows by a tenth
     * and the encoding, most of a card's time, takes a third less (docs/benchmarks.md).
     */
    static byte[] encode(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(PNG_QUALITY);
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** ImageIO's PNG "quality": 0.75 is zlib level 2 (its default is 4, and 0 is 9). */
    private static final float PNG_QUALITY = 0.75f;

    static BufferedImage draw(StudyStats s, Lang lang) {
        int rows = (s.topics().size() + 1) / 2;
        int top = HEAT_TOP + 54 + 7 * (CELL + GAP) + 72; // below the heatmap and its legend
        int height = top + 44 + rows * BAR_ROW + 56;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, WIDTH, height);
            header(g, s, lang);
            int heatRight = heatmap(g, s, lang, MARGIN, HEAT_TOP);
            tiles(g, s, lang, heatRight + 48, HEAT_TOP + 30, WIDTH - MARGIN);
            mastery(g, s, lang, top);
            g.setFont(CardFonts.regular(13));
            g.setColor(MUTED);
            rightAligned(g, "/llmq stats · FSRS-6", WIDTH - MARGIN, height - 22);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void header(Graphics2D g, StudyStats s, Lang lang) {
        g.setColor(TEXT);
        g.setFont(CardFonts.bold(28));
        g.drawString(StudyMsg.STATS_TITLE.text(lang), MARGIN, 56);
        g.setFont(CardFonts.regular(16));
        g.setColor(MUTED);
        rightAligned(g, StudyMsg.STATS_AS_OF.text(lang, s.today(), s.zone().getId()), WIDTH - MARGIN, 56);
    }

    /** The 12-week heatmap with its heading, month and weekday labels and legend; returns its right edge. */
    private static int heatmap(Graphics2D g, StudyStats s, Lang lang, int x, int y) {
        g.setColor(TEXT);
        g.setFont(CardFonts.bold(17));
        g.drawString(StudyMsg.STATS_ACTIVITY.text(lang), x, y + 18);
        int gridX = x + 34;
        int gridY = y + 54;
        int step = CELL + GAP;
        g.setFont(CardFonts.regular(12));
        g.setColor(MUTED);
        g.drawString(StudyMsg.WEEKDAY_MON.text(lang), x, gridY + 14);
        g.drawString(StudyMsg.WEEKDAY_WED.text(lang), x, gridY + 2 * step + 14);
        g.drawString(StudyMsg.WEEKDAY_FRI.text(lang), x, gridY + 4 * step + 14);
        int max = s.days().stream().mapToInt(Integer::intValue).max().orElse(0);
        LocalDate first = s.firstDay();
        int lastMonthLabel = -10;
        for (int i = 0; i < s.days().size(); i++) {
            int week = i / 7;
            int day = i % 7;
            LocalDate date = first.plusDays(i);
            if (day == 0 && (i == 0 || date.getDayOfMonth() <= 7) && week - lastMonthLabel >= 3) {
                g.setColor(MUTED);
                g.drawString(StudyMsg.MONTH.text(lang, date, date.getMonthValue()), gridX + week * step, gridY - 8);
                lastMonthLabel = week;
            }
            g.setColor(LEVELS[level(s.days().get(i), max)]);
            g.fill(new RoundRectangle2D.Float(gridX + week * step, gridY + day * step, CELL, CELL, 5, 5));
        }
        int right = gridX + StudyStats.WEEKS * step - GAP;
        int legendY = gridY + 7 * step + 14;
        g.setColor(MUTED);
        g.drawString(StudyMsg.STATS_ACTIVITY_LINE.text(lang, s.reviewsShown(), s.activeDays()), gridX, legendY + 12);
        FontMetrics fm = g.getFontMetrics();
        String more = StudyMsg.STATS_MORE.text(lang);
        int lx = right - fm.stringWidth(more);
        g.drawString(more, lx, legendY + 12);
        lx -= 6 + LEVELS.length * 16;
        for (int k = 0; k < LEVELS.length; k++) {
            g.setColor(LEVELS[k]);
            g.fill(new RoundRectangle2D.Float(lx + k * 16, legendY + 1, 12, 12, 3, 3));
        }
        g.setColor(MUTED);
        String less = StudyMsg.STATS_LESS.text(lang);
        g.drawString(less, lx - 6 - fm.stringWidth(less), legendY + 12);
        return right;
    }

    /** 0 for no review, else 1 to 4 by the share of the busiest day. */
    static int level(int reviews, int max) {
        if (reviews <= 0 || max <= 0) {
            return 0;
        }
        return Math.min(LEVELS.length - 1, (int) Math.ceil(4.0 * reviews / max));
    }

    /** The numbers, as tiles in a row from {@code left} to {@code right}. */
    private static void tiles(Graphics2D g, StudyStats s, Lang lang, int left, int y, int right) {
        record Tile(String value, String label, String note, Color color) {
        }
        List<Tile> tiles = new ArrayList<>();
        tiles.add(new Tile(Integer.toString(s.due()), StudyMsg.STATS_DUE.text(lang), "", ACCENT));
        tiles.add(new Tile(Integer.toString(s.thisWeek()), StudyMsg.STATS_WEEK.text(lang), "", LEVELS[4]));
        tiles.add(new Tile(Integer.toString(s.reviewed()), StudyMsg.STATS_CARDS.text(lang), "", TEXT));
        s.streak().ifPresent(st -> tiles.add(new Tile(Integer.toString(st.current()), StudyMsg.STATS_STREAK.text(lang),
                StudyMsg.STATS_LONGEST.text(lang, st.longest()), FLAME)));
        int columns = 2;
        int gap = 16;
        int w = (right - left - gap) / columns;
        int h = 84;
        for (int i = 0; i < tiles.size(); i++) {
            Tile t = tiles.get(i);
            int tx = left + (i % columns) * (w + gap);
            int ty = y + (i / columns) * (h + gap);
            g.setColor(PANEL);
            g.fill(new RoundRectangle2D.Float(tx, ty, w, h, 14, 14));
            g.setColor(t.color());
            g.setFont(CardFonts.bold(34));
            g.drawString(t.value(), tx + 18, ty + 46);
            int valueWidth = g.getFontMetrics().stringWidth(t.value());
            g.setFont(CardFonts.regular(15));
            g.setColor(MUTED);
            if (!t.note().isEmpty()) {
                g.drawString(t.note(), tx + 18 + valueWidth + 12, ty + 44);
            }
            g.drawString(t.label(), tx + 18, ty + 70);
        }
    }

    /** A bar per topic, in two columns, in the bank's order. */
    private static void mastery(Graphics2D g, StudyStats s, Lang lang, int y) {
        g.setColor(TEXT);
        g.setFont(CardFonts.bold(17));
        g.drawString(StudyMsg.STATS_MASTERY.text(lang), MARGIN, y + 18);
        int gap = 40;
        int w = (WIDTH - 2 * MARGIN - gap) / 2;
        int rows = (s.topics().size() + 1) / 2;
        Font label = CardFonts.regular(15);
        for (int i = 0; i < s.topics().size(); i++) {
            StudyStats.TopicMastery t = s.topics().get(i);
            int x = MARGIN + (i / rows) * (w + gap);
            int ty = y + 44 + (i % rows) * BAR_ROW;
            g.setFont(label);
            g.setColor(TEXT);
            // a name the bundled font lacks a glyph for is shown by its id, never as boxes
            String name = label.canDisplayUpTo(t.name()) == -1 ? t.name() : t.id();
            g.drawString(name, x, ty + 14);
            g.setColor(MUTED);
            rightAligned(g, t.mastered() + " / " + t.questions(), x + w, ty + 14);
            g.setColor(TRACK);
            g.fill(new RoundRectangle2D.Float(x, ty + 22, w, 8, 8, 8));
            if (t.mastered() > 0) {
                g.setColor(LEVELS[4]);
                g.fill(new RoundRectangle2D.Float(x, ty + 22, Math.max(8, (float) (w * t.share())), 8, 8, 8));
            }
        }
        g.setStroke(new BasicStroke(1));
    }

    private static void rightAligned(Graphics2D g, String text, int right, int baseline) {
        g.drawString(text, right - g.getFontMetrics().stringWidth(text), baseline);
    }
}
