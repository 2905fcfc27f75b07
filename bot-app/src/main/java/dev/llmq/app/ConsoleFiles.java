package dev.llmq.app;

import dev.llmq.core.port.in.Attachment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the console writes the files replies carry (the stats card, an export): {@code LLMQ_FILES_DIR},
 * by default {@code data/files} beside the default database. A file of the same name (the same
 * day's card) is replaced.
 */
final class ConsoleFiles {
    static final String VARIABLE = "LLMQ_FILES_DIR";
    static final String DEFAULT = "data/files";

    private final Path dir;

    ConsoleFiles(Path dir) {
        this.dir = dir;
    }

    static ConsoleFiles from(java.util.Map<String, String> env) {
        String v = env.get(VARIABLE);
        return new ConsoleFiles(Path.of(v == null || v.isBlank() ? DEFAULT : v));
    }

    /** Writes the file and returns its absolute path. */
    Path save(Attachment file) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(file.fileName()).toAbsolutePath().normalize();
        Files.write(target, file.bytes(), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        return target;
    }
}
