package dev.llmq.core.bank.load;

import dev.llmq.core.bank.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Bank files: paths to sources (a directory stands for its {@code *.yaml} and {@code *.yml}
 * files, in name order), and a source's bytes to text (at most {@link BankLoader#MAX_BYTES},
 * UTF-8 with or without a byte order mark, a bad byte located by line and column).
 */
final class Sources {
    private Sources() {
    }

    /** Reads every file the paths name; each one that cannot be read is a problem of its own. */
    static List<BankLoader.Source> read(List<Path> paths, List<Problem> problems) {
        List<BankLoader.Source> sources = new ArrayList<>();
        for (Path p : expand(paths, problems)) {
            try {
                long size = Files.size(p);
                if (size > BankLoader.MAX_BYTES) {
                    problems.add(fileProblem(p.toString(), "file is " + size + " bytes; the limit is " + BankLoader.MAX_BYTES));
                    continue;
                }
                sources.add(new BankLoader.Source(p.toString(), Files.readAllBytes(p)));
            } catch (IOException e) {
                problems.add(fileProblem(p.toString(), "cannot read the file: " + describe(e)));
            }
        }
        return sources;
    }

    private static List<Path> expand(List<Path> paths, List<Problem> problems) {
        List<Path> out = new ArrayList<>();
        if (paths.isEmpty()) {
            problems.add(fileProblem("(none)", "no question bank file was given"));
        }
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    List<Path> found = s.filter(Sources::isBankFile).sorted().toList();
                    if (found.isEmpty()) {
                        problems.add(fileProblem(p.toString(), "directory holds no .yaml or .yml file"));
                    }
                    out.addAll(found);
                } catch (IOException e) {
                    problems.add(fileProblem(p.toString(), "cannot list the directory: " + describe(e)));
                }
            } else if (!Files.exists(p)) {
                problems.add(fileProblem(p.toString(), "no such file"));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean isBankFile(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(f) && (n.endsWith(".yaml") || n.endsWith(".yml"));
    }

    /**
     * The source's text without a leading byte order mark (no copy: a view of the decoder's
     * buffer), or null after reporting why there is none.
     */
    static CharBuffer text(BankLoader.Source source, List<Problem> problems) {
        byte[] bytes = source.bytes();
        if (bytes.length > BankLoader.MAX_BYTES) {
            problems.add(fileProblem(source.name(), "file is " + bytes.length + " bytes; the limit is " + BankLoader.MAX_BYTES));
            return null;
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        out.flip();
        if (r.isError()) {
            problems.add(badByte(source.name(), bytes, in.position(), out));
            return null;
        }
        return out;
    }

    /** The bad byte at {@code offset}, located after the text decoded before it. */
    private static Problem badByte(String file, byte[] bytes, int offset, CharBuffer before) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new Problem(file, line, col, "(file)", String.format(Locale.ROOT,
                "not valid UTF-8 (byte 0x%02X at offset %d); save the file as UTF-8", bytes[offset] & 0xFF, offset));
    }

    private static Problem fileProblem(String file, String message) {
        return Loc.start(file).problem("(file)", message);
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
}
