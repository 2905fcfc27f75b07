package dev.llmq.core.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads llmq's environment variables. A blank value counts as unset, and values are stripped.
 *
 * <p>Secrets ({@link #secret}) follow one rule everywhere: {@code X} holds the value, or
 * {@code X_FILE} names a file that holds it (a Docker or Kubernetes secret). Setting both is an
 * error rather than a silent preference, because the one that loses is usually the one the
 * operator just changed. A file that cannot be read is reported as such, naming {@code X_FILE}.
 */
public record Env(Map<String, String> vars) {
    public Env {
        vars = Map.copyOf(Objects.requireNonNull(vars, "vars").entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** The stripped value, or empty when unset or blank. */
    public Optional<String> get(String name) {
        String v = vars.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** True when {@code name} or {@code name_FILE} is set. */
    public boolean hasSecret(String name) {
        return get(name).isPresent() || get(name + "_FILE").isPresent();
    }

    /**
     * The secret from {@code name} or from the file {@code name_FILE} names; empty when neither is set.
     *
     * @throws StartupFailure (a setting) when both are set, or the file is unreadable or empty
     */
    public Optional<String> secret(String name) {
        String fileVar = name + "_FILE";
        Optional<String> direct = get(name);
        Optional<String> file = get(fileVar);
        if (direct.isPresent() && file.isPresent()) {
            throw StartupFailure.setting(name, "both " + name + " and " + fileVar + " are set",
                    "set only one of them");
        }
        if (file.isEmpty()) {
            return direct;
        }
        Path path = Path.of(file.get());
        String value;
        try {
            value = Files.readString(path, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw StartupFailure.setting(fileVar, "cannot read " + path + " (" + why(e) + ")",
                    "name a readable file that holds the value of " + name, e);
        }
        if (value.isEmpty()) {
            throw StartupFailure.setting(fileVar, path + " is empty", "put the value of " + name + " in it");
        }
        return Optional.of(value);
    }

    private static String why(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof MalformedInputException) {
            return "not UTF-8 text";
        }
        if (e.getMessage() != null && e.getMessage().contains("Is a directory")) {
            return "it is a directory";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
