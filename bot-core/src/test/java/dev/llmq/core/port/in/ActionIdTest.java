package dev.llmq.core.port.in;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.i18n.Lang;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActionIdTest {
    @Test
    void roundTrips() {
        ActionId[] ids = {
            new ActionId.Reveal("arch-families", Lang.EN, OptionalInt.empty(), false),
            new ActionId.Reveal("arch-families", Lang.ZH, OptionalInt.of(3), true),
            new ActionId.Hint("obj-lm", Lang.ZH, 3, OptionalInt.empty(), false),
            new ActionId.Hint("obj-lm", Lang.EN, 12, OptionalInt.of(1), true),
            new ActionId.Next(Optional.of("architecture"), Lang.EN, OptionalInt.of(2), true),
            new ActionId.Next(Optional.empty(), Lang.ZH, OptionalInt.empty(), false),
            new ActionId.Ask("q-1", Lang.EN, OptionalInt.empty(), false),
            new ActionId.Ask("q-1", Lang.EN, OptionalInt.of(2), true),
        };
        for (ActionId id : ids) {
            assertEquals(Optional.of(id), ActionId.parse(id.encode()), id.encode());
            assertTrue(id.encode().length() <= ActionId.MAX_LENGTH);
        }
    }

    @Test
    void longestIdFitsDiscordsLimit() {
        String longest = "a".repeat(64);
        assertTrue(new ActionId.Next(Optional.of(longest), Lang.EN, OptionalInt.of(3), true).encode().length() <= 100);
        assertTrue(new ActionId.Hint(longest, Lang.EN, 999, OptionalInt.of(3), true).encode().length() <= 100);
    }

    @Test
    void idsFromOlderMessagesStillParse() {
        assertEquals(Optional.of(new ActionId.Hint("obj-lm", Lang.EN, 2, OptionalInt.empty(), false)),
                ActionId.parse("hint:obj-lm:en:2"));
        assertEquals(Optional.of(new ActionId.Reveal("q", Lang.EN, OptionalInt.empty(), true)),
                ActionId.parse("reveal:q:en:pub"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "reveal:", "reveal:q", "reveal:q:xx", "hint:q:en", "hint:q:en:0", "hint:q:en:pub",
                            "next:t:en:d4", "ask:*:en", "Reveal:q:en", "reveal:q:en:extra", "reveal:q:en:2",
                            "next:t:en:3", "hint:q:en:2:pub:d1", "reveal:q:en:d0"})
    void rejectsMalformed(String raw) {
        assertEquals(Optional.empty(), ActionId.parse(raw));
    }

    @Test
    void recordsValidateTheirArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> new ActionId.Reveal("Bad Id", Lang.EN, OptionalInt.empty(), false));
        assertThrows(IllegalArgumentException.class, () -> new ActionId.Hint("q", Lang.EN, 0, OptionalInt.empty(), false));
        assertThrows(IllegalArgumentException.class, () -> new ActionId.Next(Optional.empty(), Lang.EN, OptionalInt.of(4),
                false));
    }
}
