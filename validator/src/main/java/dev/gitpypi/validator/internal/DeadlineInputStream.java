package dev.gitpypi.validator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP body as an input stream that gives up at a deadline: a server that trickles bytes forever ends in a
 * {@link java.net.http.HttpTimeoutException} (an {@link IOException}) instead of a hang. Subscribes to the client's body publisher one batch at a time.
 */
final class DeadlineInputStream extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {
    private static final List<ByteBuffer> END = List.of();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4);
    private final long deadlineNanos;
    private final String resource;
    private volatile Flow.@org.jspecify.annotations.Nullable Subscription subscription;
    private @org.jspecify.annotations.Nullable ByteBuffer current;
    private List<ByteBuffer> batch = List.of();
    private int batchIndex;
    private boolean done;
    private boolean closed;

    DeadlineInputStream(long deadlineNanos, String resource) {
        this.deadlineNanos = deadlineNanos;
        this.resource = resource;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.offer(item);
    }

    @Override
    public void onError(Throwable throwable) {
        queue.offer(throwable);
    }

    @Override
    public void onComplete() {
        queue.offer(END);
    }

    private boolean fill() throws IOException {
        while (current == null || !current.hasRemaining()) {
            if (batchIndex < batch.size()) {
                current = batch.get(batchIndex++);
                continue;
            }
            if (done) {
                return false;
            }
            Object next;
            try {
                long wait = deadlineNanos - System.nanoTime();
                next = wait <= 0 ? null : queue.poll(wait, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                throw new IOException("interrupted while reading " + resource, e);
            }
            if (next == null) {
                cancel();
                throw new java.net.http.HttpTimeoutException("reading " + dev.gitpypi.core.internal.Texts.quote(resource)
                        + " did not finish within the time-out");
            }
            if (next instanceof Throwable t) {
                done = true;
                throw new IOException("reading " + resource + " failed: " + t.getMessage(), t);
            }
            @SuppressWarnings("unchecked")
            List<ByteBuffer> list = (List<ByteBuffer>) next;
            if (list == END) {
                done = true;
                return false;
            }
            batch = list;
            batchIndex = 0;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.request(1);
            }
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        ByteBuffer c = current;
        int n = Math.min(len, c.remaining());
        c.get(b, off, n);
        return n;
    }

    private void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        done = true;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (!done) {
                cancel();
            }
        }
    }
}
