package dev.llmq.app;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Msg;
import dev.llmq.core.port.in.Action;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.in.TextCommands;
import dev.llmq.core.quiz.Quizmaster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The console platform: the same core and command language as chat, in a terminal. Reads one
 * line at a time, so it works piped as well as interactively. Buttons are numbered; typing the
 * number presses the button.
 */
final class ConsoleAdapter {
    private final Quizmaster quizmaster;
    private final BufferedReader in;
    private final PrintStream out;
    private final boolean interactive;
    private final Origin origin;
    private List<Action> buttons = List.of();

    ConsoleAdapter(Quizmaster quizmaster, BufferedReader in, PrintStream out, boolean interactive,
                   Optional<Lang> sessionLang) {
        this.quizmaster = quizmaster;
        this.in = in;
        this.out = out;
        this.interactive = interactive;
        // The person at the terminal owns it: they may set the daily question.
        this.origin = new Origin(ConsolePublisher.PLATFORM, "local", "terminal", System.getProperty("user.name", "you"),
                null, sessionLang, true);
    }

    /** Runs until EOF or /quit; returns the process exit code. */
    int run() throws IOException {
        var bank = quizmaster.bank();
        out.printf("llmq console · %d questions in %d topics. Type /llmq help for commands, /quit to leave.%n",
                bank.size(), bank.topics().size());
        while (true) {
            if (interactive) {
                out.print("> ");
                out.flush();
            }
            String line = in.readLine();
            if (line == null) {
                return 0;
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("/quit") || line.equals("/exit") || line.equals("/q")) {
                return 0;
            }
            if (!interactive) {
                out.println("> " + line);
            }
            show(answer(line));
        }
    }

    private Reply answer(String line) {
        if (line.matches("[0-9]{1,3}")) {
            int n = Integer.parseInt(line);
            if (n >= 1 && n <= buttons.size()) {
                return quizmaster.press(origin, buttons.get(n - 1).id());
            }
            Lang lang = quizmaster.langFor(origin, Optional.empty());
            return Notice.error(lang, buttons.isEmpty() ? Msg.NO_BUTTONS.text(lang) : Msg.PICK_BUTTON.text(lang, buttons.size()));
        }
        if (line.startsWith("/") && !line.equals(TextCommands.PREFIX) && !line.startsWith(TextCommands.PREFIX + " ")) {
            // Another slash command: treat "/topics" or "/help" as the /llmq word, anything else as a topic.
            line = TextCommands.PREFIX + " " + line.substring(1);
        }
        return quizmaster.handle(origin, TextCommands.parse(line));
    }

    private void show(Reply reply) {
        if (!reply.actions().isEmpty()) {
            buttons = reply.actions();
        }
        out.print(ConsoleRenderer.render(reply));
        out.flush();
    }
}
