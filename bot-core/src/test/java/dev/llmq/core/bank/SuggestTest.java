package dev.llmq.core.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestTest {
    @Test
    void distances() {
        assertEquals(0, Suggest.distance("abc", "abc"));
        assertEquals(1, Suggest.distance("abc", "abd"));
        assertEquals(3, Suggest.distance("kitten", "sitting"));
        assertEquals(2, Suggest.distance("涌现能力", "涌现"));
    }

    @Test
    void closestWithinAThirdOfTheLength() {
        List<String> words = List.of("architecture", "objectives", "emergence", "arch");
        assertEquals(Optional.of("architecture"), Suggest.closest("archtecture", words));
        assertEquals(Optional.of("architecture"), Suggest.closest("ARCHITECTUER", words));
        assertEquals(Optional.of("arch"), Suggest.closest("arc", words));
        assertEquals(Optional.empty(), Suggest.closest("cooking", words));
        assertEquals(Optional.of("emergence"), Suggest.closest("emergance", words));
    }
}
