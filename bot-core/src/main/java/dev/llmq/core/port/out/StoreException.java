package dev.llmq.core.port.out;

/**
 * The store could not do what was asked: the database is missing, corrupt, unwritable or out of
 * reach. The message names the database (its path or its URL without credentials), never a password.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
