package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Sealed types are consumed by exhaustive pattern {@code switch}, so that a new reply, command or
 * button is a compile error wherever it must be handled. Two things would quietly drop that check,
 * and this test refuses both in every module's main code (bench and fakes included):
 * <ul>
 *   <li>{@code instanceof} against one of our sealed types or the records they permit;</li>
 *   <li>a {@code default} branch in a switch whose cases are patterns of our sealed types.</li>
 * </ul>
 * The sealed types are found in the sources themselves (every {@code sealed interface} or
 * {@code sealed class}, and whatever implements or extends one), so the rule grows with the code.
 */
class ExhaustiveSwitchRuleTest {
    private static final Path REPO = Path.of(System.getProperty("llmq.repo", "..")).toAbsolutePath().normalize();
    private static final Pattern SEALED = Pattern.compile("\\bsealed\\s+(?:interface|class)\\s+(\\w+)");
    private static final Pattern SUBTYPE = Pattern.compile(
            "\\b(?:record|class|interface)\\s+(\\w+)\\b[^{;]*?\\b(?:implements|extends)\\s+([\\w.,\\s<>]+?)\\s*\\{");
    private static final Pattern INSTANCEOF = Pattern.compile("\\binstanceof\\s+(?:final\\s+)?([\\w.]+)");
    private static final Pattern SWITCH = Pattern.compile("\\bswitch\\s*\\(");
    private static final Pattern CASE_TYPE = Pattern.compile("\\bcase\\s+([\\w.]+)\\s+\\w+\\s*(?:->|:|when\\b)");
    private static final Pattern DEFAULT = Pattern.compile("\\bdefault\\s*(?:->|:)");

    @Test
    void noInstanceofAndNoDefaultOverOurSealedTypes() {
        Map<Path, String> sources = mainSources();
        assertTrue(sources.size() > 80, "found " + sources.size() + " main sources under " + REPO);
        Set<String> sealed = sealedTypes(sources.values());
        assertTrue(sealed.containsAll(Set.of("Reply", "QuestionCard", "Command", "Daily", "DailySet", "ActionId",
                "NowClaim", "Outcome", "NowResult", "Resolution", "Found")), "sealed types seen: " + sealed);
        List<String> violations = new ArrayList<>();
        sources.forEach((path, text) -> violations.addAll(violations(REPO.relativize(path).toString(), text, sealed)));
        assertEquals(List.of(), violations);
    }

    @Test
    void theRuleCatchesAPlantedInstanceofAndAPlantedDefault() {
        String planted = """
                sealed interface Shape permits Circle, Square {}
                record Circle(double r) implements Shape {}
                record Square(double side) implements Shape {}
                class Uses {
                    double area(Shape s) {
                        if (s instanceof Circle c) { return c.r(); }
                        return switch (s) {
                            case Square q -> q.side();
                            default -> 0;
                        };
                    }
                    int fine(String word) {
                        return switch (word) { case "a" -> 1; default -> 0; };
                    }
                }
                """;
        Set<String> sealed = sealedTypes(List.of(planted));
        assertEquals(Set.of("Shape", "Circle", "Square"), sealed);
        List<String> found = violations("Planted.java", planted, sealed);
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).contains("Planted.java:6: instanceof Circle"), found.toString());
        assertTrue(found.get(1).contains("Planted.java:7: default branch"), found.toString());
    }

    static Set<String> sealedTypes(Iterable<String> sources) {
        Set<String> sealed = new TreeSet<>();
        Map<String, List<String>> supertypes = new LinkedHashMap<>();
        for (String text : sources) {
            String code = stripComments(text);
            Matcher m = SEALED.matcher(code);
            while (m.find()) {
                sealed.add(m.group(1));
            }
            Matcher sub = SUBTYPE.matcher(code);
            while (sub.find()) {
                List<String> names = Stream.of(sub.group(2).replaceAll("<[^>]*>", "").split(","))
                        .map(String::strip).map(n -> n.substring(n.lastIndexOf('.') + 1)).collect(Collectors.toList());
                supertypes.computeIfAbsent(sub.group(1), k -> new ArrayList<>()).addAll(names);
            }
        }
        boolean grew = true;
        while (grew) { // a subtype of a subtype (Command.DailySet through Command.Daily) is one too
            grew = false;
            for (Map.Entry<String, List<String>> e : supertypes.entrySet()) {
                if (!sealed.contains(e.getKey()) && e.getValue().stream().anyMatch(sealed::contains)) {
                    sealed.add(e.getKey());
                    grew = true;
                }
            }
        }
        return sealed;
    }

    static List<String> violations(String file, String text, Set<String> sealed) {
        String code = stripComments(text);
        List<String> out = new ArrayList<>();
        Matcher i = INSTANCEOF.matcher(code);
        while (i.find()) {
            String type = i.group(1).substring(i.group(1).lastIndexOf('.') + 1);
            if (sealed.contains(type)) {
                out.add(file + ":" + line(code, i.start()) + ": instanceof " + type
                        + " (use an exhaustive switch, so that a new case is a compile error here)");
            }
        }
        Matcher s = SWITCH.matcher(code);
        while (s.find()) {
            String body = block(code, s.end());
            String own = withoutNestedSwitches(body);
            Matcher c = CASE_TYPE.matcher(own);
            boolean overSealed = false;
            while (c.find()) {
                String type = c.group(1).substring(c.group(1).lastIndexOf('.') + 1);
                overSealed |= sealed.contains(type);
            }
            if (overSealed && DEFAULT.matcher(own).find()) {
                out.add(file + ":" + line(code, s.start()) + ": default branch in a switch over a sealed type"
                        + " (name every case instead)");
            }
        }
        return out;
    }

    /** The text of the braces that follow the switch's selector. */
    private static String block(String code, int from) {
        int open = code.indexOf('{', from);
        int depth = 0;
        for (int k = open; k < code.length(); k++) {
            char ch = code.charAt(k);
            if (ch == '{') {
                depth++;
            } else if (ch == '}' && --depth == 0) {
                return code.substring(open + 1, k);
            }
        }
        return code.substring(open + 1);
    }

    /** A switch's own cases: nested switches are checked on their own. */
    private static String withoutNestedSwitches(String body) {
        StringBuilder own = new StringBuilder(body);
        Matcher nested = SWITCH.matcher(body);
        List<int[]> cut = new ArrayList<>();
        while (nested.find()) {
            int open = body.indexOf('{', nested.end());
            int end = open + block(body, nested.end()).length() + 2;
            cut.add(new int[] {nested.start(), Math.min(end, body.length())});
        }
        for (int k = cut.size() - 1; k >= 0; k--) {
            int[] r = cut.get(k);
            own.replace(r[0], r[1], " ".repeat(r[1] - r[0]));
        }
        return own.toString();
    }

    /** Comments and string literals blanked out, keeping every offset (so line numbers stay right). */
    private static String stripComments(String text) {
        StringBuilder out = new StringBuilder(text);
        Matcher m = Pattern.compile("//[^\\n]*|/\\*(?s:.*?)\\*/|\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"").matcher(text);
        while (m.find()) {
            for (int k = m.start(); k < m.end(); k++) {
                if (out.charAt(k) != '\n') {
                    out.setCharAt(k, ' ');
                }
            }
        }
        return out.toString();
    }

    private static int line(String code, int offset) {
        return (int) code.substring(0, offset).chars().filter(ch -> ch == '\n').count() + 1;
    }

    private static Map<Path, String> mainSources() {
        Map<Path, String> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(REPO)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/")).sorted().toList()) {
                out.put(p, Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
