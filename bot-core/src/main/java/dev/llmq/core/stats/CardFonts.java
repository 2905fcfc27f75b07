package dev.llmq.core.stats;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The stats card's fonts: subsets of Noto Sans CJK SC (SIL OFL 1.1) in the jar, so that Chinese is
 * drawn as glyphs on any machine, with no font installed (bin/subset-font makes them). Loaded once,
 * on first use.
 */
final class CardFonts {
    static final String REGULAR = "NotoSansSC-Regular-llmq.otf";
    static final String BOLD = "NotoSansSC-Bold-llmq.otf";

    private CardFonts() {
    }

    /** Holds the fonts: loading them reads the jar, so it waits for the first card. */
    private static final class Loaded {
        static final Font REGULAR_FONT = load(REGULAR);
        static final Font BOLD_FONT = load(BOLD);
    }

    static Font regular(float size) {
        return Loaded.REGULAR_FONT.deriveFont(size);
    }

    static Font bold(float size) {
        return Loaded.BOLD_FONT.deriveFont(size);
    }

    static Font load(String name) {
        try (InputStream in = CardFonts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the font " + name + " is not in the jar");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            // on Linux the JDK reads a font file only with the fontconfig library: without it, this
            throw new UncheckedIOException("cannot read the font " + name + ": " + e.getMessage()
                    + " (on Linux the JDK needs the fontconfig library: apt-get install libfontconfig1)", e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the font " + name + " is not readable: " + e.getMessage(), e);
        }
    }
}
