package dev.llmq.discord;

/** The bot could not start; the message says why in words fit for the person running it (never the token). */
public final class DiscordStartException extends Exception {
    private static final long serialVersionUID = 1L;

    public DiscordStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
