package dev.llmq.slack;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersConversationsResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import com.slack.api.model.User;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the adapter asks Slack about users: their locale and whether they are a workspace admin or
 * owner ({@code users.info}, refreshed after a minute), and which channels they are in
 * ({@code users.conversations}, for the App Home).
 */
final class UserDirectory {
    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);
    private static final int MAX_CHANNEL_PAGES = 10;

    /**
     * A user as far as llmq cares: locale tag (may be null), admin or owner of the workspace, and the
     * time zone of their Slack profile ({@code tz}; empty when absent or not a zone Java knows).
     */
    record UserInfo(String locale, boolean workspaceAdmin, Optional<ZoneId> zone) {
        UserInfo(String locale, boolean workspaceAdmin) {
            this(locale, workspaceAdmin, Optional.empty());
        }
    }

    private static Optional<ZoneId> zone(String tz) {
        if (tz == null || tz.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(tz));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private final MethodsClient client;
    private final AsyncLoadingCache<String, Optional<UserInfo>> users;

    UserDirectory(MethodsClient client, Executor executor) {
        this.client = client;
        this.users = Caffeine.newBuilder()
                .maximumSize(50_000)
                // Fresh within a minute or so (refreshed in the background, the old answer served
                // meanwhile); forgotten after ten idle minutes.
                .refreshAfterWrite(Duration.ofMinutes(1))
                .expireAfterWrite(Duration.ofMinutes(10))
                .executor(executor)
                .buildAsync(this::fetch);
    }

    /** The user, waiting for Slack at most {@code wait}; empty when unknown or slow (the lookup goes on and is cached). */
    Optional<UserInfo> lookup(String userId, Duration wait) {
        CompletableFuture<Optional<UserInfo>> f = users.get(userId);
        try {
            return f.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Optional<UserInfo> fetch(String userId) {
        try {
            UsersInfoResponse r = client.usersInfo(q -> q.user(userId).includeLocale(true));
            if (!r.isOk() || r.getUser() == null) {
                log.warn("users.info for {} failed: {}", userId, r.getError());
                return Optional.empty();
            }
            User u = r.getUser();
            return Optional.of(new UserInfo(u.getLocale(), u.isAdmin() || u.isOwner() || u.isPrimaryOwner(),
                    zone(u.getTz())));
        } catch (IOException | SlackApiException e) {
            log.warn("users.info for {} failed: {}", userId, e.getMessage());
            // Not cached as a fact: the next request asks again.
            throw new IllegalStateException("users.info failed", e);
        }
    }

    /** The public and private channels the user is in (private ones only where the bot is too); empty on failure. */
    Optional<Set<String>> channelsOf(String userId) {
        Set<String> out = new HashSet<>();
        String cursor = null;
        try {
            for (int page = 0; page < MAX_CHANNEL_PAGES; page++) {
                String c = cursor;
                UsersConversationsResponse r = client.usersConversations(q -> q.user(userId).limit(200)
                        .types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))
                        .excludeArchived(true).cursor(c));
                if (!r.isOk()) {
                    log.warn("users.conversations for {} failed: {}", userId, r.getError());
                    return Optional.empty();
                }
                for (Conversation conv : r.getChannels()) {
                    out.add(conv.getId());
                }
                cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
                if (cursor == null || cursor.isEmpty()) {
                    break;
                }
            }
            return Optional.of(out);
        } catch (IOException | SlackApiException e) {
            log.warn("users.conversations for {} failed: {}", userId, e.getMessage());
            return Optional.empty();
        }
    }
}
