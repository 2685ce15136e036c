package dev.gitpypi.cli;

import dev.gitpypi.core.internal.Redaction;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code gitpypi serve}'s access log: one line per request in the "combined" format of Apache and nginx, followed
 * by the request's {@code Accept} header (what content negotiation answered to):
 *
 * <pre>
 * 127.0.0.1 - - [01/Dec/2026:14:43:40 +0000] "GET /simple/hello/ HTTP/1.1" 200 1234 "-" "pip/23.2.1 …" "application/vnd.pypi.simple.v1+json, …"
 * </pre>
 *
 * <p>Every value from the client is quoted with {@code "} and {@code \} escaped and control characters written as
 * {@code \xHH}, so a request cannot forge a line or send terminal escapes, and it goes through {@link Redaction} so
 * no credential in a URL or header value is printed. Lines are written by a thread of their own: a reader of the
 * log that falls behind never slows the server (past 10,000 waiting lines, lines are dropped and counted).
 */
final class AccessLog implements Consumer<HttpService.Exchange>, AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(10_000);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;

    AccessLog(PrintWriter out) {
        writer = new Thread(() -> {
            try {
                while (true) {
                    String line = lines.take();
                    out.println(line);
                    long lost = dropped.getAndSet(0);
                    if (lost > 0) {
                        out.println("gitpypi: access log: " + lost + " lines dropped (the log was not read fast enough)");
                    }
                    if (lines.isEmpty()) {
                        out.flush();
                    }
                }
            } catch (InterruptedException e) {
                for (String line; (line = lines.poll()) != null;) {
                    out.println(line);
                }
                out.flush();
            }
        }, "gitpypi-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void accept(HttpService.Exchange e) {
        if (!lines.offer(format(e))) {
            dropped.incrementAndGet();
        }
    }

    /** One line of the log. */
    static String format(HttpService.Exchange e) {
        HttpService.@Nullable Request r = e.request();
        StringBuilder b = new StringBuilder(200);
        b.append(e.client().getHostAddress()).append(" - - [").append(TIME.format(e.time())).append("] ");
        quote(b, e.requestLine());
        b.append(' ').append(e.status()).append(' ').append(e.bytes() == 0 ? "-" : Long.toString(e.bytes()))
                .append(' ');
        quote(b, r == null ? null : r.header("Referer"));
        b.append(' ');
        quote(b, r == null ? null : r.header("User-Agent"));
        b.append(' ');
        quote(b, r == null ? null : r.header("Accept"));
        return b.toString();
    }

    private static void quote(StringBuilder b, @Nullable String value) {
        if (value == null) {
            b.append("\"-\"");
            return;
        }
        String v = Redaction.text(value);
        b.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }

    @Override
    public void close() {
        writer.interrupt();
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
