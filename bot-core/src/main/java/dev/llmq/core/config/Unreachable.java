package dev.llmq.core.config;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Optional;

/**
 * Tells a network failure from a refusal. A platform SDK often wraps "the host does not resolve"
 * in the same exception as "the token is invalid"; telling a user that a DNS failure is a bad
 * token sends them to regenerate a token that was fine.
 */
public final class Unreachable {
    private Unreachable() {
    }

    /**
     * What went wrong on the network, in words for the user, when {@code error} or one of its
     * causes is a network failure; empty otherwise.
     *
     * @param host the host llmq tried to reach, for the message
     */
    public static Optional<String> why(Throwable error, String host) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException) {
                return Optional.of("cannot resolve the host " + host);
            }
            if (t instanceof NoRouteToHostException) {
                return Optional.of("no route to " + host);
            }
            if (t instanceof ConnectException) {
                return Optional.of("cannot connect to " + host + " (connection refused)");
            }
            if (t instanceof SocketTimeoutException || t instanceof HttpConnectTimeoutException) {
                return Optional.of("no answer from " + host + " (timed out)");
            }
            String m = t.getMessage();
            if (m != null && (m.contains("Name or service not known") || m.contains("nodename nor servname")
                    || m.contains("Temporary failure in name resolution") || m.contains("No address associated"))) {
                return Optional.of("cannot resolve the host " + host);
            }
        }
        return Optional.empty();
    }
}
