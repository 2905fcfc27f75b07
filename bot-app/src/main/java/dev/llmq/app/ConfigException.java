package dev.llmq.app;

/** A bad configuration value; the message is one line that names the variable and never holds a secret. */
final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
        super(message);
    }
}
