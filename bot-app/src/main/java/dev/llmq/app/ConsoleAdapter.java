package dev.llmq.app;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.ChatPlatform;
import dev.llmq.core.port.in.Action;
import dev.llmq.core.port.in.Attachment;
import dev.llmq.core.port.in.CommandParser;
import dev.llmq.core.port.in.Interactions;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.out.DailyPublisher;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The console as a {@link ChatPlatform}: the same core and command language as chat, in a terminal.
 * Reads one line at a time on its own thread, so it works piped as well as interactively, and
 * {@link #stopped()} completes at the end of input or {@code /quit}. Buttons are numbered; typing
 * the number presses the button. Daily posts print to the same terminal.
 */
final class ConsoleAdapter implements ChatPlatform {
    /** What ends the session: the commands, and the bare words people type at any prompt. */
    static final java.util.Set<String> QUIT_WORDS = java.util.Set.of("/quit", "/exit", "/q", "quit", "exit", "退出");

    /** How much of a piped line the transcript repeats. */
    static final int ECHO_MAX = 200;

    private final ConsoleLines lines;
    private final Origin origin;
    private final ConsolePublisher publisher;
    private final CompletableFuture<String> stopped = new CompletableFuture<>();
    private volatile Interactions quizmaster;
    private volatile boolean closed;
    /** Written by the reader thread and by the scheduler's (a daily post), read by the reader. */
    private volatile List<Action> buttons = List.of();
    private final ConsoleFiles files;

    /** @param files where the files of replies (the stats card, exports) are written */
    ConsoleAdapter(ConsoleLines lines, Optional<Lang> sessionLang, ConsoleFiles files) {
        this.files = files;
        this.lines = lines;
        // A daily post's buttons are the ones a number presses next, as a card's are.
        this.publisher = new ConsolePublisher(lines, this::offer);
        // The person at the terminal owns it: they may set the daily question. Their zone is the machine's.
        this.origin = new Origin(ConsolePublisher.PLATFORM, "local", "terminal", System.getProperty("user.name", "you"),
                null, sessionLang, true, Optional.of(java.time.ZoneId.systemDefault()));
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public DailyPublisher publisher() {
        return publisher;
    }

    /** Prints the banner and starts reading; returns at once. */
    @Override
    public synchronized void start(Interactions core) {
        if (quizmaster != null) {
            throw new IllegalStateException("already started");
        }
        this.quizmaster = Objects.requireNonNull(core);
        var bank = core.bank();
        Lang lang = core.langFor(origin, Optional.empty());
        lines.print(ConsoleText.BANNER.text(lang, bank.size(), bank.topics().size()) + "\n");
        Thread reader = new Thread(this::readUntilDone, "llmq-console");
        reader.setDaemon(true); // a blocked readLine must not keep the process alive after main returns
        reader.start();
    }

    private void readUntilDone() {
        try {
            stopped.complete(readLines());
        } catch (IOException | RuntimeException e) {
            stopped.completeExceptionally(e);
        }
    }

    /** Reads and answers lines until EOF or /quit; returns which of the two ended it. */
    private String readLines() throws IOException {
        while (!closed) {
            Optional<String> read = lines.readLine("> ");
            if (read.isEmpty()) {
                return "end of input";
            }
            String line = read.get();
            if (line.isEmpty()) {
                continue;
            }
            if (QUIT_WORDS.contains(line.toLowerCase(java.util.Locale.ROOT))) {
                return "quit";
            }
            if (!lines.interactive()) {
                // the transcript of piped input shows each line, a pasted page only in part
                lines.print("> " + (line.length() > ECHO_MAX ? line.substring(0, ECHO_MAX) + "…" : line) + "\n");
            }
            show(answer(line));
        }
        return "closed";
    }

    @Override
    public String describe() {
        return "this terminal";
    }

    @Override
    public List<String> notes() {
        return List.of();
    }

    @Override
    public boolean ready() {
        return quizmaster != null && !stopped.isDone();
    }

    @Override
    public CompletableFuture<String> stopped() {
        return stopped;
    }

    @Override
    public void close() {
        closed = true;
        lines.close();
    }

    private Reply answer(String line) {
        if (line.matches("[-+]?[0-9]+([.,][0-9]*)?")) { // a number, also -1 or 1.0: a button press, or a wrong one
            int n = line.matches("[0-9]{1,3}") ? Integer.parseInt(line) : 0;
            if (n >= 1 && n <= buttons.size()) {
                return quizmaster.press(origin, buttons.get(n - 1).id());
            }
            Lang lang = quizmaster.langFor(origin, Optional.empty());
            return Notice.error(lang, buttons.isEmpty() ? ConsoleText.NO_BUTTONS.text(lang) : ConsoleText.PICK_BUTTON.text(lang, buttons.size()));
        }
        if (line.startsWith("/") && !CommandParser.startsWithPrefix(line)) {
            // Another slash command: treat "/topics" or "/help" as the /llmq word, anything else as a topic.
            line = CommandParser.PREFIX + " " + line.substring(1);
        }
        return quizmaster.handle(origin, CommandParser.parse(line));
    }

    /** Writes a reply's file and says where; a failure to write is said instead, with the reason. */
    private String save(Attachment file) {
        try {
            return files.save(file).toString();
        } catch (IOException | RuntimeException e) {
            Lang lang = quizmaster.langFor(origin, Optional.empty());
            return ConsoleText.FILE_NOT_SAVED.text(lang, file.fileName(), e.getMessage());
        }
    }

    private void show(Reply reply) {
        offer(reply.actions());
        lines.print(ConsoleRenderer.render(reply, this::save));
    }

    /** The buttons a number presses from now on: the last card's that had any. */
    private void offer(List<Action> actions) {
        if (!actions.isEmpty()) {
            buttons = actions;
        }
    }
}
