package dev.llmq.app.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * What the integration tests run: the packaged {@code llmq.jar} (failsafe passes its path), the
 * JDK's {@code java}, and the jlink-ed runtime of the Docker image, built once per build by the
 * same {@code docker/build-runtime.sh} the Dockerfile runs.
 */
final class Artifacts {
    private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();

    private Artifacts() {
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("llmq.jar", "target/llmq.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": the integration tests run after package");
        }
        return jar;
    }

    static Path repo() {
        return Path.of(System.getProperty("llmq.repo", "..")).toAbsolutePath().normalize();
    }

    static Path target() {
        return jar().getParent();
    }

    /** The JDK running the tests. */
    static Path jdkJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The Docker image's runtime: {@code docker/build-runtime.sh llmq.jar target/it-jre}, once. */
    static synchronized Path jlinkedJava() {
        return BUILT.computeIfAbsent("jre", k -> {
            Path out = target().resolve("it-jre");
            Path bin = out.resolve("bin").resolve("java");
            try {
                if (Files.isExecutable(bin) && Files.getLastModifiedTime(bin).compareTo(Files.getLastModifiedTime(jar())) > 0) {
                    return bin;
                }
                Path jdkBin = Path.of(System.getProperty("java.home"), "bin");
                ProcessBuilder pb = new ProcessBuilder("bash", repo().resolve("docker/build-runtime.sh").toString(),
                        jar().toString(), out.toString()).redirectErrorStream(true)
                        .redirectOutput(target().resolve("it-jre.log").toFile());
                // jdeps and jlink of the JDK that runs the tests, whatever is first on PATH
                pb.environment().put("PATH", jdkBin + java.io.File.pathSeparator + System.getenv("PATH"));
                Process p = pb.start();
                if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new IllegalStateException("docker/build-runtime.sh failed: "
                            + Files.readString(target().resolve("it-jre.log")));
                }
                return bin;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * A copy of the jar without the entries under {@code prefix}: the jar as it shipped when a
     * library was left out (Java-WebSocket, before the fix), for the missing-class test.
     */
    static synchronized Path jarWithout(String prefix) {
        return BUILT.computeIfAbsent("without:" + prefix, k -> {
            Path out = target().resolve("it-llmq-without-" + prefix.replaceAll("[^A-Za-z0-9]+", "_") + ".jar");
            Pattern skip = Pattern.compile("^" + Pattern.quote(prefix));
            try (InputStream in = Files.newInputStream(jar()); ZipInputStream zin = new ZipInputStream(in);
                 OutputStream os = Files.newOutputStream(out); ZipOutputStream zout = new ZipOutputStream(os)) {
                int removed = 0;
                for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                    if (skip.matcher(e.getName()).find()) {
                        removed++;
                        continue;
                    }
                    zout.putNextEntry(new ZipEntry(e.getName()));
                    zin.transferTo(zout);
                    zout.closeEntry();
                }
                if (removed == 0) {
                    throw new IllegalStateException("the jar has no entries under " + prefix + " to remove");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        });
    }
}
