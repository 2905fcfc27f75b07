package dev.llmq.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import dev.llmq.core.port.in.FileReply;
import java.io.IOException;
import java.util.List;

/**
 * Sends the files of replies (the stats card, exports) with Slack's upload flow:
 * {@code files.getUploadURLExternal}, the bytes to the URL it gives, then
 * {@code files.completeUploadExternal} to share the file in a channel (scope {@code files:write}).
 * The SDK's {@code filesUploadV2} makes those three calls; llmq uses it rather than its own copy.
 * Slack has no private file in a channel, so a private one goes to the member's direct messages with
 * the app ({@code conversations.open}, scope {@code im:write}).
 */
final class SlackFiles {
    private final MethodsClient methods;

    SlackFiles(MethodsClient methods) {
        this.methods = methods;
    }

    /** The direct-message channel of the app with {@code user}. */
    String directChannel(String user) throws IOException {
        try {
            ConversationsOpenResponse r = methods.conversationsOpen(q -> q.users(List.of(user)));
            if (!r.isOk() || r.getChannel() == null) {
                throw new IOException("conversations.open: " + r.getError());
            }
            return r.getChannel().getId();
        } catch (SlackApiException e) {
            throw new IOException("conversations.open: " + e.getMessage(), e);
        }
    }

    /** Uploads the reply's file into {@code channel}, with its caption as the message. */
    void upload(String channel, FileReply f) throws IOException {
        try {
            FilesUploadV2Response r = methods.filesUploadV2(q -> q.channel(channel).filename(f.file().fileName())
                    .title(f.file().fileName()).fileData(f.file().bytes()).initialComment(f.caption()));
            if (!r.isOk()) {
                throw new IOException("file upload: " + r.getError());
            }
        } catch (SlackApiException e) {
            throw new IOException("file upload: " + e.getMessage(), e);
        } catch (SlackFilesUploadV2Exception e) {
            // the SDK reports a refused step (not_in_channel, missing_scope...) as this, not as a response
            throw new IOException("file upload: " + refusal(e), e);
        }
    }

    /** Slack's error of the step that refused the upload. */
    static String refusal(SlackFilesUploadV2Exception e) {
        if (e.getCompleteResponse() != null && e.getCompleteResponse().getError() != null) {
            return e.getCompleteResponse().getError();
        }
        if (e.getGetURLResponses() != null) {
            for (FilesGetUploadURLExternalResponse r : e.getGetURLResponses()) {
                if (r != null && r.getError() != null) {
                    return r.getError();
                }
            }
        }
        return "refused";
    }
}
