package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.BankStats;
import dev.llmq.core.bank.Question;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.load.BankLoader;
import dev.llmq.core.i18n.Lang;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the shipped questions.yaml valid and at the size and shape the project promises. */
class ShippedBankTest {
    static final Path BANK = Path.of("..", "questions.yaml");
    static QuestionBank bank;

    @BeforeAll
    static void load() throws Exception {
        bank = BankLoader.load(BANK);
    }

    @Test
    void minimums() {
        BankStats stats = new BankStats(bank);
        // issue 17: at least 450 questions in at least 30 topics, none with fewer than 10
        assertTrue(stats.questions() >= 450, "questions: " + stats.questions());
        assertTrue(stats.topics() >= 30, "topics: " + stats.topics());
        for (dev.llmq.core.bank.Topic t : bank.topics()) {
            assertTrue(bank.questionsOf(t.id()).size() >= 10, t.id() + " has " + bank.questionsOf(t.id()).size());
            for (int d = 1; d <= 3; d++) {
                int level = d;
                assertTrue(bank.questionsOf(t.id()).stream().anyMatch(q -> q.difficulty() == level),
                        t.id() + " has no question of difficulty " + d);
            }
        }
        assertTrue(stats.withFollowUps() >= 50, "with follow-ups: " + stats.withFollowUps());
        assertTrue(stats.withFollowUps() * 3 >= stats.questions(), "at least a third have follow-ups");
        for (int d = 1; d <= 3; d++) {
            assertTrue(stats.withDifficulty(d) >= stats.questions() / 10, "difficulty " + d + " is rare");
        }
        for (Lang l : Lang.values()) {
            assertEquals(stats.questions(), stats.translated(l), "translated into " + l);
            assertEquals(stats.questions(), stats.withKeyPoints(l), "key points in " + l);
        }
    }

    /** Issue 16: ids outlive merges: every id the bank ever shipped still finds a question. */
    @Test
    void everyShippedIdStillResolves() throws Exception {
        List<String> shipped = Files.readAllLines(Path.of("..", "docs", "shipped-question-ids.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        for (String id : shipped) {
            assertTrue(bank.question(id).isPresent(), id + " shipped once and no question replaces it");
        }
        Set<String> listed = new HashSet<>(shipped);
        for (Question q : bank.questions()) {
            assertTrue(listed.contains(q.id()), q.id() + " is not in docs/shipped-question-ids.txt: append it");
        }
    }

    /** Issue 16: the house style of docs/question-bank.md, as `validate --lint` checks it. */
    @Test
    void theBankFollowsTheHouseStyle() {
        List<dev.llmq.core.bank.lint.HouseStyle.Finding> findings = dev.llmq.core.bank.lint.HouseStyle.check(bank);
        assertEquals(List.of(), findings.stream().map(Object::toString).limit(40).toList(),
                findings.size() + " findings");
    }

    /** Issue 16: hints are their own field, apart from the key points that sum up the answer. */
    @Test
    void everyQuestionHasHintsApartFromItsKeyPoints() {
        for (Question q : bank.questions()) {
            for (Lang l : Lang.values()) {
                assertTrue(q.hints().get(l).size() >= 2, q.id() + " has no hints in " + l);
                assertTrue(!q.hints().get(l).equals(q.keyPoints().get(l)), q.id() + ": the hints are the key points");
            }
            assertEquals(q.hints().en().size(), q.hints().zh().size(), q.id() + ": hints differ in number");
        }
    }

    /**
     * Issue 16: no hint gives away a number the answer arrives at. A heuristic: the answer's results
     * are quantities (a number with a unit: GB, MiB, %, B, 倍, 亿...) right after "=", "≈", "→",
     * "about", "roughly", "约" or "大约"; a hint may not contain one of them with its unit, unless the
     * prompt gives it too (then it is an input). Results stated without such a marker or unit, in
     * words, or in other units are not caught.
     */
    @Test
    void noHintGivesAwayANumberTheAnswerArrivesAt() {
        java.util.regex.Pattern result = java.util.regex.Pattern.compile(
                "(?:=|≈|→|\\babout|\\broughly|约|大约)\\s*[~]?(\\d+(?:[.,]\\d+)*\\s*" + UNIT + ")");
        java.util.regex.Pattern number = java.util.regex.Pattern.compile(
                "(?<![A-Za-z0-9.,])\\d+(?:[.,]\\d+)*\\s*" + UNIT);
        List<String> leaks = new ArrayList<>();
        for (Question q : bank.questions()) {
            for (Lang l : Lang.values()) {
                Set<String> inPrompt = numbers(number, q.prompt().get(l), 0);
                Set<String> results = numbers(result, q.answer().get(l), 1);
                results.removeAll(inPrompt);
                for (String h : q.hints().get(l)) {
                    for (String n : numbers(number, h, 0)) {
                        if (results.contains(n)) {
                            leaks.add(q.id() + " " + l + ": " + n + " in \"" + h + "\"");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    /** Units of a result; a rate (TB/s, tokens/s) is a hardware figure the hints may give. */
    private static final String UNIT = "(?:GB|MB|GiB|MiB|TB|KB|%|倍|亿|万|B\\b|M\\b|bits?\\b|比特|bytes?\\b|字节|ms\\b)(?!/)";

    private static Set<String> numbers(java.util.regex.Pattern p, String text, int group) {
        Set<String> out = new HashSet<>();
        java.util.regex.Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(group).replaceAll("\\s+", ""));
        }
        return out;
    }

    /**
     * Issue 16: one regression check per error found in the full read: the wrong claim (as it read
     * before the fix) is in none of the question's texts, in either language.
     */
    @Test
    void theErrorsFoundInTheFullReadStayFixed() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> errors = new org.yaml.snakeyaml.Yaml().load(
                ShippedBankTest.class.getResourceAsStream("/fixed-bank-errors.yaml"));
        assertTrue(errors.size() >= 15, "the list of fixed errors is there: " + errors.size());
        for (Map.Entry<String, List<String>> e : errors.entrySet()) {
            Question q = bank.question(e.getKey()).orElseThrow(() -> new AssertionError("no question " + e.getKey()));
            String all = String.join("\n", q.prompt().en(), q.prompt().zh(), q.answer().en(), q.answer().zh(),
                    String.join("\n", q.keyPoints().en()), String.join("\n", q.keyPoints().zh()),
                    String.join("\n", q.hints().en()), String.join("\n", q.hints().zh()));
            for (String wrong : e.getValue()) {
                assertFalse(all.contains(wrong), e.getKey() + " says again: " + wrong);
            }
        }
    }

    /** Issue 16: chains like an interviewer's: no easy dead end, every harder question reachable. */
    @Test
    void followUpChainsHaveNoEasyDeadEndsAndReachEveryHarderQuestion() {
        BankStats stats = new BankStats(bank);
        assertEquals(List.of(), stats.easyDeadEnds(), "easy questions that lead nowhere");
        assertEquals(List.of(), stats.unreachable(), "medium or hard questions no follow-up leads to");
    }

    @Test
    void everyQuestionIsInterviewSized() {
        List<String> off = new ArrayList<>();
        for (Question q : bank.questions()) {
            int en = q.keyPoints().en().size();
            int zh = q.keyPoints().zh().size();
            if (en < 2 || en > 5 || en != zh) {
                off.add(q.id() + ": key points en " + en + ", zh " + zh);
            }
            long cjk = q.answer().zh().codePoints().filter(ShippedBankTest::isHan).count();
            if (cjk < 60) {
                off.add(q.id() + ": Chinese answer has " + cjk + " characters");
            }
            List<String> zhTexts = new ArrayList<>(q.keyPoints().zh());
            zhTexts.add(q.prompt().zh());
            zhTexts.add(q.answer().zh());
            if (zhTexts.stream().anyMatch(t -> t.matches("(?s).*(\\p{IsHan}[,:;?!]|[,:;?!]\\p{IsHan}).*"))) {
                off.add(q.id() + ": ASCII punctuation next to Chinese (use ，：；？！)");
            }
            if (q.answer().zh().matches("(?s).*\\p{IsHan} \\p{IsHan}.*")) {
                off.add(q.id() + ": a space between Chinese characters (a folded YAML line break?)");
            }
        }
        assertEquals(List.of(), off);
        assertEquals(java.util.Map.of(), new BankStats(bank).answersOutOfRange(), "English answers outside 60-200 words");
    }

    @Test
    void coversTheArticleAndTheSyllabus() {
        Set<String> sources = bank.questions().stream().flatMap(q -> q.source().stream()).collect(Collectors.toSet());
        for (int section = 1; section <= 6; section++) {
            String s = "§" + section;
            // the seed article is named in sources (issue 16): "vivida, LLM fundamentals interview-prep article (Chinese), §N"
            assertTrue(sources.stream().anyMatch(x -> x.contains("vivida") && x.contains(s)),
                    "no question from the article's " + s);
        }
        for (String topic : List.of("basics", "architecture", "objectives", "decoder-only", "emergence", "pros-cons",
                "tokenization", "attention", "positional-encoding", "normalization", "inference", "fine-tuning",
                "alignment", "scaling", "evaluation", "rag", "moe", "distributed")) {
            assertTrue(bank.questionsOf(topic).size() >= 6, topic + " has " + bank.questionsOf(topic).size());
        }
        String article = bank.questions().stream().filter(q -> q.source().isPresent())
                .map(q -> q.prompt().en() + " " + q.answer().en() + " " + String.join(" ", q.keyPoints().en()))
                .collect(Collectors.joining(" "));
        for (String fact : List.of("6B", "13B", "billion", "ChatGLM", "U-PaLM", "LLaMA", "T5", "Flan-T5", "BART",
                "GLM-130B", "zero-shot", "low-rank", "1.1%", "7%", "40%", "60%", "284", "300,000")) {
            assertTrue(article.contains(fact), "the article's '" + fact + "' is not in the seed questions");
        }
    }

    /** No run of 16 characters with 8+ Chinese ones is taken from the article (names and terms are fine). */
    @Test
    void noSentenceIsCopiedFromTheArticle() throws Exception {
        Path seed = Path.of("..", "..", "shared", "seed", "000_792ddc205ec9a0f3.txt");
        Assumptions.assumeTrue(Files.isRegularFile(seed), "the seed article is not beside this checkout: " + seed.toAbsolutePath());
        String article = Files.readString(seed, StandardCharsets.UTF_8).replaceAll("\\s+", "");
        int n = 16;
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + n <= article.length(); i++) {
            grams.add(article.substring(i, i + n));
        }
        List<String> copied = new ArrayList<>();
        for (Question q : bank.questions()) {
            for (String text : List.of(q.prompt().zh(), q.answer().zh())) {
                String t = text.replaceAll("\\s+", "");
                for (int i = 0; i + n <= t.length(); i++) {
                    String g = t.substring(i, i + n);
                    if (grams.contains(g) && g.codePoints().filter(ShippedBankTest::isHan).count() >= 8) {
                        copied.add(q.id() + ": " + g);
                        break;
                    }
                }
            }
        }
        assertEquals(List.of(), copied);
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /** Issue 17: every hands-on coding answer carries its code as a fenced block, in both languages. */
    @Test
    void everyCodingAnswerHasACodeBlockInBothLanguages() {
        List<dev.llmq.core.bank.Question> coding = bank.questionsOf("coding");
        assertTrue(coding.size() >= 10, "coding has " + coding.size());
        for (dev.llmq.core.bank.Question q : coding) {
            for (Lang l : Lang.values()) {
                assertTrue(dev.llmq.core.testing.LongAnswers.longestCode(q.answer().get(l)) > 0,
                        q.id() + " has no code block in " + l);
            }
        }
    }
}
