package dev.gitpypi.cli;

import dev.gitpypi.core.internal.Redaction;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer that passes text on a line at a time (or at each flush) through {@link Redaction#text}: the last line of
 * defence for standard error, where messages of every command and library end up (issue "Security first", items 6
 * and 7: no credential in a URL, a header or a token shape reaches the terminal or a CI log). Commands that print
 * URLs redact them themselves; this catches what they did not write, such as an exception's message.
 */
final class RedactingWriter extends Writer {
    private final Writer out;
    private final StringBuilder pending = new StringBuilder();

    RedactingWriter(Writer out) {
        super(out);
        this.out = out;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        synchronized (lock) {
            pending.append(chars, offset, length);
            int newline = pending.lastIndexOf("\n");
            if (newline >= 0) {
                out.write(Redaction.text(pending.substring(0, newline + 1)));
                pending.delete(0, newline + 1);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            if (pending.length() > 0) {
                out.write(Redaction.text(pending.toString()));
                pending.setLength(0);
            }
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}
