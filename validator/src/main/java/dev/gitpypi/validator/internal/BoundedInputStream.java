package dev.gitpypi.validator.internal;

import dev.gitpypi.validator.PageReadException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with a {@link PageReadException} once more than a limit of bytes has been read. */
final class BoundedInputStream extends FilterInputStream {
    private final long limit;
    private final String resource;
    private long count;

    BoundedInputStream(InputStream in, long limit, String resource) {
        super(in);
        this.limit = limit;
        this.resource = resource;
    }

    private void add(long n) {
        if (n > 0) {
            count += n;
            if (count > limit) {
                throw new PageReadException("page " + dev.gitpypi.core.internal.Texts.quote(resource)
                        + " is too large: more than the limit of " + limit + " bytes");
            }
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        add(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        add(s);
        return s;
    }
}
