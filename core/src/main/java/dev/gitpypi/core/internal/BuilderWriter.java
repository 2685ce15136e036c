package dev.gitpypi.core.internal;

import java.io.Writer;

/**
 * A {@link Writer} that appends to a {@link StringBuilder}: {@link java.io.StringWriter} without the lock that its
 * {@link StringBuffer} takes on every call, and without the substring that {@link Writer#append(CharSequence, int,
 * int)} makes. Writing never fails; {@link #flush()} and {@link #close()} do nothing. Not thread-safe, like the
 * builder.
 */
public final class BuilderWriter extends Writer {
    private final StringBuilder out;

    /** @param out the builder to append to */
    public BuilderWriter(StringBuilder out) {
        this.out = out;
    }

    @Override
    public void write(int c) {
        out.append((char) c);
    }

    @Override
    public void write(char[] chars, int off, int len) {
        out.append(chars, off, len);
    }

    @Override
    public void write(String s) {
        out.append(s);
    }

    @Override
    public void write(String s, int off, int len) {
        out.append(s, off, off + len);
    }

    @Override
    public BuilderWriter append(CharSequence s) {
        out.append(s);
        return this;
    }

    @Override
    public BuilderWriter append(CharSequence s, int start, int end) {
        out.append(s, start, end);
        return this;
    }

    @Override
    public BuilderWriter append(char c) {
        out.append(c);
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
