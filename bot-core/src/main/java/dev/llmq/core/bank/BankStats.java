package dev.llmq.core.bank;

import dev.llmq.core.i18n.Lang;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Review figures for a bank: counts per topic, difficulty and language, the follow-up chains,
 * questions that no chain reaches or leaves, and English answer lengths.
 */
public final class BankStats {
    /** The interview-sized range for English answers, in words. */
    public static final int MIN_WORDS = 60;
    public static final int MAX_WORDS = 200;

    private final QuestionBank bank;
    private final Map<String, int[]> perTopic = new LinkedHashMap<>();
    private final int[] perDifficulty = new int[Question.MAX_DIFFICULTY + 1];
    private final Map<Lang, Integer> translated = new LinkedHashMap<>();
    private final Map<Lang, Integer> withKeyPoints = new LinkedHashMap<>();
    private final Set<String> leading = new HashSet<>();
    private final Set<String> reached = new HashSet<>();
    private final Map<String, Integer> answerWords = new TreeMap<>();

    public BankStats(QuestionBank bank) {
        this.bank = bank;
        for (Topic t : bank.topics()) {
            perTopic.put(t.id(), new int[Question.MAX_DIFFICULTY + 1]);
        }
        for (Lang l : Lang.values()) {
            translated.put(l, 0);
            withKeyPoints.put(l, 0);
        }
        for (Question q : bank.questions()) {
            perTopic.get(q.topicId())[q.difficulty()]++;
            perDifficulty[q.difficulty()]++;
            for (Lang l : Lang.values()) {
                if (!q.prompt().get(l).isBlank() && !q.answer().get(l).isBlank()) {
                    translated.merge(l, 1, Integer::sum);
                }
                if (!q.keyPoints().get(l).isEmpty()) {
                    withKeyPoints.merge(l, 1, Integer::sum);
                }
            }
            if (!q.followUps().isEmpty()) {
                leading.add(q.id());
                reached.addAll(q.followUps());
            }
            answerWords.put(q.id(), words(q.answer().en()));
        }
    }

    public int questions() {
        return bank.size();
    }

    public int topics() {
        return bank.topics().size();
    }

    public int questionsIn(String topicId) {
        int[] d = perTopic.get(topicId);
        return d == null ? 0 : d[1] + d[2] + d[3];
    }

    public int withDifficulty(int d) {
        return perDifficulty[d];
    }

    public int translated(Lang lang) {
        return translated.get(lang);
    }

    public int withKeyPoints(Lang lang) {
        return withKeyPoints.get(lang);
    }

    public int withFollowUps() {
        return leading.size();
    }

    /** Questions that no follow-up chain reaches or leaves. */
    public List<String> isolated() {
        return bank.questions().stream().map(Question::id)
                .filter(id -> !leading.contains(id) && !reached.contains(id))
                .collect(Collectors.toList());
    }

    /** Questions whose English answer is outside {@link #MIN_WORDS}..{@link #MAX_WORDS} words. */
    public Map<String, Integer> answersOutOfRange() {
        Map<String, Integer> out = new TreeMap<>();
        answerWords.forEach((id, n) -> {
            if (n < MIN_WORDS || n > MAX_WORDS) {
                out.put(id, n);
            }
        });
        return out;
    }

    /** Questions with no follow-up: where an interviewer's chain stops. */
    public List<String> deadEnds() {
        return bank.questions().stream().filter(q -> q.followUps().isEmpty()).map(Question::id).toList();
    }

    /** Easy questions with no follow-up: an easy question should always lead on. */
    public List<String> easyDeadEnds() {
        return bank.questions().stream().filter(q -> q.followUps().isEmpty() && q.difficulty() == 1)
                .map(Question::id).toList();
    }

    /** Follow-up links to an easier question ({@code from → to}): chains should not step down unless they mean to. */
    public List<String> stepDowns() {
        List<String> out = new ArrayList<>();
        for (Question q : bank.questions()) {
            for (String f : q.followUps()) {
                bank.question(f).filter(next -> next.difficulty() < q.difficulty())
                        .ifPresent(next -> out.add(q.id() + " → " + next.id()));
            }
        }
        return out;
    }

    /**
     * Medium and hard questions that no follow-up leads to. Easy questions are where chains start
     * (a member asks for a topic); a harder one should be reached from an easier step.
     */
    public List<String> unreachable() {
        return bank.questions().stream().filter(q -> q.difficulty() > 1 && !reached.contains(q.id()))
                .map(Question::id).toList();
    }

    /** Chain roots: questions that lead somewhere and that nothing leads to (plus one entry per pure cycle). */
    public List<String> chainRoots() {
        List<String> roots = bank.questions().stream().map(Question::id)
                .filter(id -> leading.contains(id) && !reached.contains(id))
                .collect(Collectors.toList());
        Set<String> covered = new HashSet<>();
        for (String r : roots) {
            collect(r, covered);
        }
        for (Question q : bank.questions()) {
            if (leading.contains(q.id()) && !covered.contains(q.id())) {
                roots.add(q.id());
                collect(q.id(), covered);
            }
        }
        return roots;
    }

    private void collect(String id, Set<String> seen) {
        if (!seen.add(id)) {
            return;
        }
        bank.question(id).ifPresent(q -> q.followUps().forEach(f -> collect(f, seen)));
    }

    /** Words of prose: a code block in an answer is not what the 60-200 word range is about. */
    static int words(String text) {
        String t = RichText.proseOf(text);
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** The report printed by {@code llmq validate --stats}. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-22s %5s %5s %6s %5s%n", "topic", "total", "easy", "medium", "hard"));
        for (Map.Entry<String, int[]> e : perTopic.entrySet()) {
            int[] d = e.getValue();
            out.append(String.format(Locale.ROOT, "%-22s %5d %5d %6d %5d%n", e.getKey(), d[1] + d[2] + d[3], d[1], d[2], d[3]));
        }
        out.append(String.format(Locale.ROOT, "%-22s %5d %5d %6d %5d%n", "all", questions(),
                perDifficulty[1], perDifficulty[2], perDifficulty[3]));
        out.append('\n');
        for (Lang l : Lang.values()) {
            out.append(String.format(Locale.ROOT, "language %s: %d of %d questions have prompt and answer, %d have key points%n",
                    l.code(), translated(l), questions(), withKeyPoints(l)));
        }
        out.append(String.format(Locale.ROOT, "follow-ups: %d questions lead on, %d are reached from another%n",
                leading.size(), reached.size()));
        List<String> roots = chainRoots();
        out.append('\n').append("chains (").append(roots.size()).append("):\n");
        for (String r : roots) {
            tree(r, 1, new ArrayList<>(), out);
        }
        List<String> isolated = isolated();
        out.append('\n').append("no chain reaches or leaves (").append(isolated.size()).append(")")
                .append(isolated.isEmpty() ? "" : ": " + String.join(", ", isolated)).append('\n');
        out.append(listed("dead ends (no follow-up)", deadEnds(), false));
        out.append(listed("easy dead ends", easyDeadEnds(), true));
        out.append(listed("step-downs (a follow-up easier than its question)", stepDowns(), true));
        out.append(listed("unreachable (medium or hard, no follow-up leads here)", unreachable(), true));
        List<Integer> lengths = new ArrayList<>(answerWords.values());
        Collections.sort(lengths);
        if (!lengths.isEmpty()) {
            out.append(String.format(Locale.ROOT, "english answer words: min %d, median %d, max %d%n",
                    lengths.get(0), lengths.get(lengths.size() / 2), lengths.get(lengths.size() - 1)));
        }
        Map<String, Integer> off = answersOutOfRange();
        out.append("answers outside ").append(MIN_WORDS).append('-').append(MAX_WORDS).append(" words (")
                .append(off.size()).append(")")
                .append(off.isEmpty() ? "" : ": " + off.entrySet().stream()
                        .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")))
                .append('\n');
        return out.toString();
    }

    private static String listed(String what, List<String> items, boolean names) {
        return what + ": " + items.size() + (names && !items.isEmpty() ? " (" + String.join(", ", items) + ")" : "")
                + "\n";
    }

    private void tree(String id, int depth, List<String> path, StringBuilder out) {
        out.append("  ".repeat(depth)).append(depth > 1 ? "→ " : "").append(id);
        if (path.contains(id)) {
            out.append(" (loops back)\n");
            return;
        }
        out.append('\n');
        path.add(id);
        bank.question(id).ifPresent(q -> q.followUps().forEach(f -> tree(f, depth + 1, path, out)));
        path.remove(path.size() - 1);
    }
}
