package dev.llmq.slack;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Slack's text format. Every piece of text that is not ours (user input, bank content) goes
 * through {@link #escape}, so nobody can make the bot mention {@code <!channel>}, {@code <!here>}
 * or anyone else, or forge a link.
 */
final class Mrkdwn {
    private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{2,}");
    private static final DateTimeFormatter FALLBACK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Mrkdwn() {
    }

    /** Escapes the three characters Slack treats as control sequences: {@code &}, {@code <}, {@code >}. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Text for a {@code plain_text} object (headers, button labels). Slack does not parse those for
     * mentions, but so that no control sequence such as {@code <!channel>} ever leaves the bot, the
     * angle brackets become the look-alike quotation marks ‹ and ›.
     */
    static String plain(String text) {
        return text == null ? "" : text.replace('<', '\u2039').replace('>', '\u203A');
    }

    /**
     * A date token that every reader sees in their own time zone, e.g. "Mon, Mar 2 at 09:00";
     * the fallback (for notifications) is the time in the schedule's zone.
     */
    static String date(Instant at, ZoneId zone) {
        String fallback = FALLBACK.format(at.atZone(zone)) + " " + zone.getId();
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + escape(fallback) + ">";
    }

    /** A channel mention for a channel id; anything that is not a channel id is shown as text. */
    static String channel(String id) {
        return CHANNEL_ID.matcher(id).matches() ? "<#" + id + ">" : "#" + escape(id);
    }

    static String bold(String escaped) {
        return escaped.isEmpty() ? "" : "*" + escaped + "*";
    }
}
