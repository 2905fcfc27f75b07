package dev.llmq.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process with piped stdin and captured stdout/stderr. */
record CliHarness(int exitCode, String out, String err) {
    /** The console's environment for a test: the fixture bank and an SQLite file, both in {@code dir}. */
    static Map<String, String> fixtureEnv(Path dir) throws IOException {
        Path bank = dir.resolve("questions.yaml");
        Files.write(bank, dev.llmq.core.testing.Fixtures.resource("fixture.yaml"));
        return Map.of("LLMQ_QUESTIONS", bank.toString(), "LLMQ_DB_URL", "jdbc:sqlite:" + dir.resolve("llmq.db"));
    }

    /** A fresh SQLite file per run, and a free HTTP port, unless the test names one, so that no test writes ./data/llmq.db. */
    static CliHarness run(Map<String, String> env, String stdin, String... args) {
        return run(Sources.SYSTEM, env, stdin, args);
    }

    /** As above, with the console's time and chance from {@code sources} (a fixed clock, a seed). */
    static CliHarness run(Sources sources, Map<String, String> env, String stdin, String... args) {
        if (!env.containsKey("LLMQ_HTTP_PORT")) {
            Map<String, String> anyPort = new HashMap<>(env);
            anyPort.put("LLMQ_HTTP_PORT", "0"); // never the fixed 8080 in tests
            env = anyPort;
        }
        if (!env.containsKey("LLMQ_DB_URL")) {
            Map<String, String> withDb = new HashMap<>(env);
            try {
                Path dir = Files.createTempDirectory("llmq-cli-test");
                dir.toFile().deleteOnExit();
                withDb.put("LLMQ_DB_URL", "jdbc:sqlite:" + dir.resolve("llmq.db"));
                // files the console writes (the stats card, exports) go beside the test's database
                withDb.putIfAbsent(ConsoleFiles.VARIABLE, dir.resolve("files").toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            env = withDb;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(new Main(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, sources), args);
        return new CliHarness(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
