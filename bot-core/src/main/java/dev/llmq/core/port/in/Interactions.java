package dev.llmq.core.port.in;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.i18n.Lang;
import java.util.Optional;

/**
 * The inbound port: what a chat platform asks of the core. An adapter turns a platform event into
 * a {@link Command} or a raw button id, calls one of these, and renders the {@link Reply}. Every
 * method answers; none throws for bad input (a malformed command or a stale button gets a notice).
 */
public interface Interactions {
    /** Answers a command typed or chosen by {@code origin}. */
    Reply handle(Origin origin, Command command);

    /** Answers a button press; unknown, malformed or stale ids get a polite private notice. */
    Reply press(Origin origin, String rawActionId);

    /**
     * Whether answering this command may wait on the store (a write, or a read the core does not
     * cache). An adapter answers at once only when it is false; otherwise it first acknowledges the
     * platform (Discord: defer; Slack acks every envelope first anyway) and answers off the event
     * thread.
     */
    boolean waitsOnStore(Origin origin, Command command);

    /** As {@link #waitsOnStore(Origin, Command)}, for a button press. */
    boolean waitsOnStore(Origin origin, String rawActionId);

    /** The language for a request from {@code origin} with an optional explicit choice. */
    Lang langFor(Origin origin, Optional<Lang> explicit);

    /** The current bank (for autocomplete and banners); it may be replaced by a reload at any time. */
    QuestionBank bank();

    /** The help card, for platforms that show it beside an error. */
    HelpCard help(Lang lang);
}
