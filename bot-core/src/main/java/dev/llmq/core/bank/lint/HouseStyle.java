package dev.llmq.core.bank.lint;

import dev.llmq.core.bank.Question;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.RichText;
import dev.llmq.core.bank.Topic;
import dev.llmq.core.i18n.Lang;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bank's house style (docs/question-bank.md, "House style"), as checks: in Chinese text,
 * full-width punctuation (also next to digits and Latin letters), “” quotation marks, one space
 * between Chinese characters and Latin letters or digits and none next to full-width punctuation,
 * and the glossary's terms; in English text, American spelling. Code and formulas in backticks
 * ({@code `O(n^2)`}) or dollars ({@code $d_k$}) are skipped: ASCII is fine there.
 */
public final class HouseStyle {
    /** One place that breaks the style. */
    public record Finding(String where, String rule, String excerpt) {
        public Finding {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(excerpt, "excerpt");
        }

        @Override
        public String toString() {
            return where + ": " + rule + ": …" + excerpt + "…";
        }
    }

    /** Chinese terms the glossary replaces, with the term to use. */
    public static final Map<String, String> ZH_GLOSSARY = glossary(
            "缩放定律", "规模定律",
            "KV缓存", "KV cache",
            "KV 缓存", "KV cache",
            "下一个词", "下一个 token",
            "自一致性", "自洽性",
            "奖励黑客", "奖励投机（reward hacking）",
            "金标奖励", "金标准奖励模型（gold reward model）",
            "近因偏好", "近因偏差",
            "分离式部署", "PD 分离",
            "优势比", "几率比");

    /**
     * British spellings and their American forms: stems that take -ise/-isation (matched only with
     * such an ending, so "specialist" and "emphasis" pass), then whole words.
     */
    public static final Map<String, String> EN_SPELLING = glossary(
            "quantis", "quantiz", "optimis", "optimiz", "normalis", "normaliz", "summaris", "summariz",
            "specialis", "specializ", "tokenis", "tokeniz", "generalis", "generaliz", "regularis", "regulariz",
            "initialis", "initializ", "parallelis", "paralleliz", "minimis", "minimiz", "maximis", "maximiz",
            "memoris", "memoriz", "utilis", "utiliz", "vectoris", "vectoriz", "categoris", "categoriz",
            "prioritis", "prioritiz", "standardis", "standardiz", "stabilis", "stabiliz", "recognis", "recogniz",
            "emphasis", "emphasiz", "characteris", "characteriz", "penalis", "penaliz", "amortis", "amortiz",
            "discretis", "discretiz", "randomis", "randomiz", "synchronis", "synchroniz", "realis", "realiz",
            "organis", "organiz", "visualis", "visualiz", "finalis", "finaliz", "serialis", "serializ",
            "popularis", "populariz", "factoris", "factoriz", "personalis", "personaliz", "homogenis", "homogeniz");
    /** British words (and their inflections) with the American word. */
    public static final Map<String, String> EN_WORDS = glossary(
            "behaviour", "behavior", "colour", "color", "favour", "favor", "modelling", "modeling",
            "modelled", "modeled", "labelled", "labeled", "labelling", "labeling", "travelled", "traveled",
            "centre", "center", "analyse", "analyze", "analysed", "analyzed", "analysing", "analyzing",
            "artefact", "artifact", "neighbour", "neighbor", "licence", "license", "catalogue", "catalog",
            "favourite", "favorite", "favourable", "favorable", "practise", "practice", "practises", "practices", "distil", "distill", "distils", "distills");
    private static final Pattern STEM_ENDING = Pattern.compile("(e|ed|es|er|ers|ing|ation|ations|able)\\b");

    private static final String CJK = "\\p{IsHan}";
    /** The spelling checks' patterns, compiled once (the bank has thousands of texts). */
    private static final Map<String, Pattern> STEM_PATTERNS = patterns(EN_SPELLING,
            stem -> "\\b" + Pattern.quote(stem) + "(?=" + STEM_ENDING.pattern() + ")");
    private static final Map<String, Pattern> WORD_PATTERNS = patterns(EN_WORDS,
            word -> "\\b" + Pattern.quote(word) + "s?\\b");
    /** A fenced block (from a line that starts with three backticks to the next such line), inline code, a formula. */
    private static final Pattern CODE = Pattern.compile("(?m)^```[^\\n]*\\n[\\s\\S]*?^```|`[^`\\n]*`|\\$[^$\\n]+\\$");
    /**
     * A formula written with full-width brackets, outside backticks: a Latin name right before
     * （…） that holds no Chinese and either an operator or at most three characters
     * ("PE（pos + k）", "softmax（x）"), or an interval such as "[0，L]". It reads as prose, and the
     * checks cannot tell its ASCII from a mistake, so it goes in backticks.
     */
    private static final Pattern FORMULA = Pattern.compile(
            "[A-Za-z0-9_)\\]]（[^（）\\p{IsHan}]*[=+*/^<>…][^（）\\p{IsHan}]*）"
            + "|[A-Za-z_]（[^（）\\p{IsHan}]{1,3}）"
            + "|\\[[^\\]\\p{IsHan}\\n]{0,20}，[^\\]\\p{IsHan}\\n]{0,20}\\]");
    private static final Pattern ASCII_PUNCT = Pattern.compile("[,;?!]");
    private static final Pattern COLON = Pattern.compile("(?<![0-9]):|:(?![0-9])");
    /** Outside code and formulas (which go in backticks), a parenthesis in Chinese text is full-width. */
    private static final Pattern PAREN = Pattern.compile("[()]");
    private static final Pattern QUOTES = Pattern.compile("[「」『』\"]");
    private static final Pattern NO_SPACE = Pattern.compile(CJK + "[A-Za-z0-9`$%]|[A-Za-z0-9`$%]" + CJK);
    private static final Pattern SPACE_AT_PUNCT = Pattern.compile(" [，。：；？！、）」”]|[（“，。：；？！、] ");
    private static final Pattern DOUBLE_SPACE = Pattern.compile("  +");
    /** "The article" (文中, 该文) that the same text does not name: say whose (the seed is vivida's). */
    private static final Pattern UNNAMED_ZH = Pattern.compile("(?<![论下原])文中|该文");
    private static final Pattern UNNAMED_EN = Pattern.compile("\\bthe article\\b", Pattern.CASE_INSENSITIVE);
    /** How the bank names the seed article (docs/question-bank.md). */
    static final String SEED_AUTHOR = "vivida";

    private HouseStyle() {
    }

    /** Every finding in the bank's texts, in the bank's order. */
    public static List<Finding> check(QuestionBank bank) {
        List<Finding> out = new ArrayList<>();
        for (Topic t : bank.topics()) {
            out.addAll(chinese("topics[" + t.id() + "].name.zh", t.name(Lang.ZH)));
            out.addAll(english("topics[" + t.id() + "].name.en", t.name(Lang.EN)));
        }
        for (Question q : bank.questions()) {
            String at = "questions[" + q.id() + "]";
            out.addAll(chinese(at + ".prompt.zh", q.prompt().zh()));
            out.addAll(chinese(at + ".answer.zh", q.answer().zh()));
            out.addAll(english(at + ".prompt.en", q.prompt().en()));
            out.addAll(english(at + ".answer.en", q.answer().en()));
            fences(out, at + ".answer.zh", q.answer().zh());
            fences(out, at + ".answer.en", q.answer().en());
            list(out, at + ".key_points", q.keyPoints().zh(), q.keyPoints().en());
            list(out, at + ".hints", q.hints().zh(), q.hints().en());
            // A source quotes titles as published ("… Safety Behaviours …"): only the naming rule applies.
            q.source().ifPresent(s -> out.addAll(unnamedArticle(at + ".source", s)));
        }
        return out;
    }

    /** A code fence left open would swallow the rest of the card on Discord and Slack. */
    private static void fences(List<Finding> out, String where, String text) {
        if (RichText.hasUnclosedFence(text)) {
            int at = text.lastIndexOf("```");
            out.add(new Finding(where, "a code fence that is never closed (end the block with a line of ```)",
                    excerpt(text, at, 3)));
        }
    }

    private static void list(List<Finding> out, String at, List<String> zh, List<String> en) {
        for (int i = 0; i < zh.size(); i++) {
            out.addAll(chinese(at + ".zh[" + i + "]", zh.get(i)));
        }
        for (int i = 0; i < en.size(); i++) {
            out.addAll(english(at + ".en[" + i + "]", en.get(i)));
        }
    }

    /** The checks of a Chinese text. */
    public static List<Finding> chinese(String where, String text) {
        List<Finding> out = new ArrayList<>();
        String prose = masked(text);
        find(out, where, "ASCII punctuation in Chinese text (use ，；？！)", ASCII_PUNCT, prose, text);
        find(out, where, "ASCII colon in Chinese text (use ：; 09:00 and 1:1 may stay)", COLON, prose, text);
        find(out, where, "ASCII parenthesis in Chinese text (use （）, or put a formula in backticks)", PAREN, prose,
                text);
        find(out, where, "quotation marks: use “” in Chinese text", QUOTES, prose, text);
        find(out, where, "a formula outside backticks (write `PE(pos + k)`, not PE（pos + k）)", FORMULA, prose, text);
        find(out, where, "no space between Chinese and Latin letters or digits (put one)", NO_SPACE, prose, text);
        find(out, where, "a space next to full-width punctuation (remove it)", SPACE_AT_PUNCT, prose, text);
        find(out, where, "two spaces in a row", DOUBLE_SPACE, prose, text);
        if (!text.contains(SEED_AUTHOR)) {
            find(out, where, "an article that the text does not name (name it, or say it in the bank's voice)",
                    UNNAMED_ZH, prose, text);
        }
        for (Map.Entry<String, String> g : ZH_GLOSSARY.entrySet()) {
            int at = prose.indexOf(g.getKey());
            if (at >= 0) {
                out.add(new Finding(where, "glossary: write “" + g.getValue() + "”, not “" + g.getKey() + "”",
                        excerpt(text, at, g.getKey().length())));
            }
        }
        return out;
    }

    /** The one check of a source: an article it cites is named. */
    static List<Finding> unnamedArticle(String where, String text) {
        List<Finding> out = new ArrayList<>();
        if (!text.contains(SEED_AUTHOR)) {
            find(out, where, "an article that the text does not name (name it, or say it in the bank's voice)",
                    UNNAMED_EN, masked(text), text);
        }
        return out;
    }

    /** The checks of an English text: a named article, American spelling. */
    public static List<Finding> english(String where, String text) {
        List<Finding> out = unnamedArticle(where, text);
        String lower = masked(text).toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> s : EN_SPELLING.entrySet()) {
            Matcher m = STEM_PATTERNS.get(s.getKey()).matcher(lower);
            if (m.find()) {
                out.add(new Finding(where, "spelling: American English (" + s.getValue() + "…, not " + s.getKey() + "…)",
                        excerpt(text, m.start(), s.getKey().length())));
            }
        }
        for (Map.Entry<String, String> w : EN_WORDS.entrySet()) {
            Matcher m = WORD_PATTERNS.get(w.getKey()).matcher(lower);
            if (m.find()) {
                out.add(new Finding(where, "spelling: American English (" + w.getValue() + ", not " + w.getKey() + ")",
                        excerpt(text, m.start(), w.getKey().length())));
            }
        }
        return out;
    }

    /** The text with code and formulas replaced by Latin letters of the same length (so spacing still counts). */
    static String masked(String text) {
        Matcher m = CODE.matcher(text);
        StringBuilder b = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start() + 1; i < m.end() - 1; i++) {
                b.setCharAt(i, 'x');
            }
        }
        return b.toString();
    }

    private static void find(List<Finding> out, String where, String rule, Pattern p, String prose, String text) {
        Matcher m = p.matcher(prose);
        if (m.find()) {
            int count = 1;
            int first = m.start();
            int len = m.end() - m.start();
            while (m.find()) {
                count++;
            }
            out.add(new Finding(where, rule + (count > 1 ? " (" + count + " places)" : ""), excerpt(text, first, len)));
        }
    }

    private static String excerpt(String text, int at, int length) {
        int from = Math.max(0, at - 12);
        int to = Math.min(text.length(), at + length + 12);
        return text.substring(from, to).replace('\n', ' ');
    }

    private static Map<String, Pattern> patterns(Map<String, String> words,
                                                 java.util.function.UnaryOperator<String> regex) {
        Map<String, Pattern> m = new LinkedHashMap<>();
        words.keySet().forEach(w -> m.put(w, Pattern.compile(regex.apply(w))));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, String> glossary(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
