package dev.llmq.core.port.in;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file a reply carries: a stats card image or an export. Each adapter sends it its own way
 * (a Discord attachment, a Slack upload, a file the console writes).
 *
 * @param fileName  a plain name, without folders ({@code llmq-stats-2026-12-01.png})
 * @param mediaType its MIME type ({@code image/png}, {@code text/plain; charset=utf-8})
 * @param bytes     the content
 */
public record Attachment(String fileName, String mediaType, byte[] bytes) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        if (!NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("not a plain file name: " + fileName);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public boolean isImage() {
        return mediaType.startsWith("image/");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a && a.fileName.equals(fileName) && a.mediaType.equals(mediaType)
                && Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, mediaType, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + mediaType + ", " + bytes.length + " bytes]";
    }
}
