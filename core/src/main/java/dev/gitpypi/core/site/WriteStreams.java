package dev.gitpypi.core.site;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Replays the writes of a build into a sink on two threads, one per part of the tree: the pages for people
 * ({@code project/}) on one, everything else ({@code simple/}, {@code files/}) on the other. Each part gets its
 * writes in the site's order from a single thread, because creating entries in one folder from several threads makes
 * them wait for each other in the kernel, while entries in different folders are created in parallel (measured:
 * two writers in two folders take half the time of one; two in the same folder, more than one).
 *
 * <p>{@link #submit} queues the writes of a run of projects (blocking when the writers are far behind, so memory
 * stays bounded; one hand-over per run, not per project, because each wakes a thread);
 * {@link #finish} waits for both writers and throws the failure of the earliest project, if any. The sink must take
 * calls for the two parts from two threads at once ({@link TreeWriter} does: each call touches only its own
 * path, and its counters are atomic).
 */
final class WriteStreams {
    private static final String PEOPLE_PREFIX = SiteLayout.PEOPLE + "/";
    private static final Object END = new Object();

    private final SiteSink sink;
    private final Writer[] writers = {new Writer("gitpypi-site-files"), new Writer("gitpypi-site-pages")};
    private long sequence;

    WriteStreams(SiteSink sink) {
        this.sink = sink;
        for (Writer w : writers) {
            w.start();
        }
    }

    /** Queues the writes of the next projects (each project's in a list, in site order), split by part of the tree. */
    void submit(List<List<SiteBuild.Op>> projects) throws IOException {
        List<Batch> files = new ArrayList<>(projects.size());
        List<Batch> pages = new ArrayList<>(projects.size());
        for (List<SiteBuild.Op> ops : projects) {
            List<SiteBuild.Op> f = new ArrayList<>(ops.size());
            List<SiteBuild.Op> p = new ArrayList<>(2);
            for (SiteBuild.Op op : ops) {
                (op.rel().startsWith(PEOPLE_PREFIX) ? p : f).add(op);
            }
            long seq = sequence++;
            files.add(new Batch(seq, f));
            pages.add(new Batch(seq, p));
        }
        writers[0].put(files);
        writers[1].put(pages);
    }

    /** Waits for every queued write; throws the earliest project's failure (in site order), if any. */
    void finish() throws IOException {
        for (Writer w : writers) {
            w.put(END);
        }
        join();
        Failure first = null;
        for (Writer w : writers) {
            if (w.failure != null && (first == null || w.failure.sequence < first.sequence)) {
                first = w.failure;
            }
        }
        if (first != null) {
            if (first.error instanceof IOException io) {
                throw io;
            } else if (first.error instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) first.error;
        }
    }

    /** Whether a write has failed already (the build can stop rendering). */
    boolean failed() {
        for (Writer w : writers) {
            if (w.failure != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops the writers without writing what is queued (after another failure), and waits until they have stopped,
     * so the caller can delete the tree they were writing.
     */
    void abandon() {
        for (Writer w : writers) {
            w.abandoned = true;
            w.interrupt();
        }
        join();
    }

    private void join() {
        boolean interrupted = false;
        for (Writer w : writers) {
            while (true) {
                try {
                    w.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One project's writes to one part of the tree. */
    private record Batch(long sequence, List<SiteBuild.Op> ops) {
    }

    private record Failure(long sequence, Throwable error) {
    }

    /** One writer thread: replays batches in order until the end marker; after a failure it only drains. */
    private final class Writer extends Thread {
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
        private volatile Failure failure;
        private volatile boolean abandoned;

        Writer(String name) {
            super(name);
            setDaemon(true);
        }

        void put(Object item) throws IOException {
            try {
                queue.put(item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing the site");
            }
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Object item = queue.take();
                    if (item == END) {
                        return;
                    }
                    @SuppressWarnings("unchecked")
                    List<Batch> batches = (List<Batch>) item;
                    for (Batch batch : batches) {
                        if (failure != null || abandoned) {
                            break;
                        }
                        try {
                            SiteBuild.replay(batch.ops(), sink);
                        } catch (IOException | RuntimeException | Error e) {
                            failure = new Failure(batch.sequence(), e);
                        }
                    }
                }
            } catch (InterruptedException e) {
                if (failure == null) {
                    failure = new Failure(Long.MAX_VALUE, new InterruptedIOException("interrupted while writing"
                            + " the site"));
                }
            }
        }
    }
}
