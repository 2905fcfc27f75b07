package dev.llmq.app.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar started as a user starts it, {@code java -jar llmq.jar ARGS}, in a process of
 * its own with only the environment the test gives (plus PATH and HOME). Its output is read as it
 * comes, each line stamped with when the test received it.
 */
final class LlmqProcess implements AutoCloseable {
    /** A line of output and when the test read it. */
    record Line(String text, long atNanos) {
    }

    private final Process process;
    private final List<Line> out = new CopyOnWriteArrayList<>();
    private final List<Line> err = new CopyOnWriteArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    private LlmqProcess(Process process) {
        this.process = process;
        this.outReader = reader(process.getInputStream(), out, "stdout");
        this.errReader = reader(process.getErrorStream(), err, "stderr");
    }

    static LlmqProcess start(Path java, Path jar, Map<String, String> env, Path workDir, String... args) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().put("HOME", workDir.toString());
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close(); // stdin: nothing to read
            return new LlmqProcess(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Thread reader(InputStream in, List<Line> into, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    into.add(new Line(line, System.nanoTime()));
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "llmq-it-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Waits for a stderr line matching {@code regex}; returns its match. */
    Matcher awaitErr(String regex, Duration timeout) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Line l : err) {
                Matcher m = p.matcher(l.text());
                if (m.find()) {
                    return m;
                }
            }
            if (!process.isAlive() && !errReader.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no stderr line matching " + regex + " within " + timeout.toSeconds() + " s; "
                + (process.isAlive() ? "still running" : "exited " + process.exitValue()) + "\nstderr:\n" + err()
                + "\nstdout:\n" + out());
    }

    /** Sends SIGTERM, as {@code docker stop} and systemd do, and waits for the exit code. */
    int sigterm(Duration timeout) throws InterruptedException {
        // Process.destroy() would also close our end of the pipes; the handle only signals.
        process.toHandle().destroy();
        return waitFor(timeout);
    }

    /** Sends SIGKILL: the process dies at once, with no shutdown hook, in the middle of whatever it does. */
    int sigkill(Duration timeout) throws InterruptedException {
        process.toHandle().destroyForcibly();
        return waitFor(timeout);
    }

    boolean alive() {
        return process.isAlive();
    }

    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("llmq did not exit within " + timeout.toSeconds() + " s\nstderr:\n" + err());
        }
        outReader.join(5_000);
        errReader.join(5_000);
        return process.exitValue();
    }

    List<Line> errLines() {
        return List.copyOf(err);
    }

    String err() {
        return String.join("\n", err.stream().map(Line::text).toList());
    }

    String out() {
        return String.join("\n", out.stream().map(Line::text).toList());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
