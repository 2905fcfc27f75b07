package dev.llmq.core.port.in;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Msg;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CommandParserTest {
    @Test
    void parsesTopicAndModifiers() {
        Command.Ask ask = assertInstanceOf(Command.Ask.class,
                CommandParser.parse("/llmq why decoder only lang:zh difficulty:3 public"));
        assertEquals(Optional.of("why decoder only"), ask.topic());
        assertEquals(Optional.of(Lang.ZH), ask.lang());
        assertEquals(OptionalInt.of(3), ask.difficulty());
        assertEquals(true, ask.publicReveal());
    }

    @Test
    void worksWithoutThePrefix() {
        assertEquals(Optional.of("architecture"), assertInstanceOf(Command.Ask.class, CommandParser.parse("architecture")).topic());
        assertEquals(Optional.empty(), assertInstanceOf(Command.Ask.class, CommandParser.parse("/llmq")).topic());
        assertEquals(Optional.empty(), assertInstanceOf(Command.Ask.class, CommandParser.parse("")).topic());
    }

    @Test
    void topicsAndHelpWords() {
        assertInstanceOf(Command.ShowTopics.class, CommandParser.parse("/llmq topics"));
        assertEquals(Optional.of(Lang.ZH), assertInstanceOf(Command.ShowHelp.class, CommandParser.parse("/llmq help lang=zh")).lang());
        assertInstanceOf(Command.ShowHelp.class, CommandParser.parse("帮助"));
    }

    @Test
    void badValuesAreMalformed() {
        assertEquals(Msg.BAD_LANG, assertInstanceOf(Command.Malformed.class, CommandParser.parse("arch lang:fr")).reason());
        assertEquals(Msg.BAD_DIFFICULTY, assertInstanceOf(Command.Malformed.class, CommandParser.parse("arch d:9")).reason());
    }

    @Test
    void askValidatesItself() {
        assertThrows(IllegalArgumentException.class,
                () -> new Command.Ask(Optional.empty(), Optional.empty(), OptionalInt.of(4), false));
        assertEquals(Optional.empty(), Command.Ask.topic("   ").topic());
    }
}
