package dev.gitpypi.core.site;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs one task per input on a bounded pool and hands the results back in input order, at most a few tasks ahead
 * of the oldest; with one thread, everything runs on the calling thread. Because results are taken in order, the
 * first failure reported is the first failing input's, whatever the timing.
 */
final class OrderedPool {
    /** A task that may fail with an I/O error. */
    interface Task<I, O> {
        O run(I input) throws IOException;
    }

    /** Hears each result in input order; returns false to stop (tasks not yet taken are abandoned). */
    interface Consumer<I, O> {
        boolean accept(I input, O output) throws IOException;
    }

    private final int threads;

    OrderedPool(int threads) {
        this.threads = threads;
    }

    <I, O> void run(Iterable<I> inputs, Task<I, O> task, Consumer<I, O> consumer) throws IOException {
        if (threads == 1) {
            for (I input : inputs) {
                if (!consumer.accept(input, task.run(input))) {
                    return;
                }
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gitpypi-site-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<O>> running = new ArrayDeque<>();
            ArrayDeque<I> taken = new ArrayDeque<>();
            for (I input : inputs) {
                if (running.size() == 4 * threads && !consumer.accept(taken.removeFirst(),
                        result(running.removeFirst()))) {
                    return;
                }
                running.add(pool.submit(() -> task.run(input)));
                taken.add(input);
            }
            while (!running.isEmpty()) {
                if (!consumer.accept(taken.removeFirst(), result(running.removeFirst()))) {
                    return;
                }
            }
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The result of a task, its failure rethrown as it was thrown. */
    private static <T> T result(Future<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the site");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            } else if (cause instanceof RuntimeException r) {
                throw r;
            } else if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
