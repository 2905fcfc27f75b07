package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmq.core.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveBankTest {
    @Test
    void reloadsAValidChangeAndRefusesAnInvalidOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("questions.yaml");
        String fixture = new String(Fixtures.resource("fixture.yaml"), StandardCharsets.UTF_8);
        Files.writeString(file, fixture);
        BankLocation where = new BankLocation(List.of(file));
        LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (LiveBank bank = new LiveBank(where, where.load(), events::add)) {
            assertEquals(7, bank.get().size());

            String bigger = fixture + "  - id: added-later\n    topic: emergence\n    difficulty: 1\n"
                    + "    prompt: {en: \"New?\", zh: \"新题？\"}\n    answer: {en: \"Yes.\", zh: \"是的。\"}\n";
            Files.writeString(file, bigger);
            assertEquals("reloaded", events.poll(20, TimeUnit.SECONDS));
            assertEquals(8, bank.get().size());

            Files.writeString(file, bigger.replace("difficulty: 1\n    prompt: {en: \"New?\"", "difficulty: 7\n    prompt: {en: \"New?\""));
            assertEquals("refused", events.poll(20, TimeUnit.SECONDS));
            assertEquals(8, bank.get().size(), "the previous bank keeps serving");
            assertEquals("added-later", bank.get().question("added-later").orElseThrow().id());
        }
    }
}
