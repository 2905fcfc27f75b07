package dev.llmq.core.bank.load;

import dev.llmq.core.bank.Problem;
import org.yaml.snakeyaml.error.Mark;

/** A place in a bank file; lines and columns count from 1. Prints as {@code file:line:column}. */
record Loc(String file, int line, int column) {
    static Loc of(String file, Mark mark) {
        return mark == null ? start(file) : new Loc(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** The file's first character: for problems of the whole file. */
    static Loc start(String file) {
        return new Loc(file, 1, 1);
    }

    Problem problem(String field, String message) {
        return new Problem(file, line, column, field, message);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
