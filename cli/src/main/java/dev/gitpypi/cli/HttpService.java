package dev.gitpypi.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A small HTTP/1.1 server for {@code GET} and {@code HEAD} that slow or idle clients cannot stop (issue "Security
 * first", item 5): one selector thread reads requests and writes responses without blocking, so a connection that
 * sends nothing, trickles its headers a byte at a time (slow loris) or never reads its response costs a socket and a
 * little memory, never a thread; only a request whose headers are complete reaches a worker, which computes the
 * response (a few file-system calls) and hands it back.
 *
 * <p>Bounds ({@link Limits}): the request head has a size limit (431) and a time limit from its first byte (and from
 * accepting the connection); an idle keep-alive connection is closed after its idle time-out; a response that makes
 * no progress for the send time-out is abandoned; each client address (and the server as a whole) has a connection
 * limit, and a client over its limit loses its least recently active connection, so a host that opens many idle
 * sockets only displaces its own. Requests with a body are answered and the connection closed; other methods than
 * {@code GET} and {@code HEAD} get 405 from the handler.
 *
 * <p>Thread-safe; {@link #close()} stops it.
 */
final class HttpService implements AutoCloseable {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final int MAX_HEADERS = 100;
    private static final int FIRST_BUFFER = 2048;
    private static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /**
     * How much a client may hold and for how long.
     *
     * @param maxHeadBytes the largest request line plus headers
     * @param headerTimeout from a connection's start, or a request's first byte, to the end of its headers
     * @param idleTimeout how long a keep-alive connection may wait for its next request
     * @param sendTimeout how long a response may make no progress (a client that does not read)
     * @param maxConnectionsPerClient open connections from one address
     * @param maxConnections open connections in all
     * @param workers threads that compute responses
     */
    record Limits(int maxHeadBytes, Duration headerTimeout, Duration idleTimeout, Duration sendTimeout,
            int maxConnectionsPerClient, int maxConnections, int workers) {
        /** @return the limits {@code gitpypi serve} uses */
        static Limits defaults() {
            return new Limits(16 * 1024, Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(60), 128,
                    4096, 8);
        }
    }

    /** Computes the response to a request; called on a worker thread, never with a body to read. */
    interface Handler {
        Response handle(Request request) throws IOException;
    }

    /**
     * A request: method, target as sent, protocol version and headers.
     *
     * @param method the method, such as {@code GET}
     * @param target the request target as sent ({@code /simple/x/?format=…})
     * @param version {@code HTTP/1.1} or {@code HTTP/1.0}
     * @param headers name (lower-case) and value pairs, in the order received
     * @param client the client's address
     */
    record Request(String method, String target, String version, List<String[]> headers, InetAddress client) {
        /** @return the first value of a header, or null */
        @Nullable String header(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            for (String[] h : headers) {
                if (h[0].equals(n)) {
                    return h[1];
                }
            }
            return null;
        }

        /** @return the path part of the target, still percent-encoded */
        String rawPath() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        /** @return the query part of the target, or null */
        @Nullable String rawQuery() {
            int q = target.indexOf('?');
            return q < 0 ? null : target.substring(q + 1);
        }
    }

    /**
     * A response: status, headers, and a body of bytes or of a file region that the selector thread sends. A
     * {@code HEAD} request gets the headers only, with the length the body would have.
     */
    static final class Response {
        final int status;
        final List<String[]> headers = new ArrayList<>();
        final byte[] body;
        final @Nullable FileChannel file;
        final long length;
        boolean close;

        private Response(int status, byte[] body, @Nullable FileChannel file, long length) {
            this.status = status;
            this.body = body;
            this.file = file;
            this.length = length;
        }

        static Response bytes(int status, String contentType, byte[] body) {
            return new Response(status, body, null, body.length).header("Content-Type", contentType);
        }

        static Response text(int status, String text) {
            return bytes(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
        }

        /** A response without a body ({@code 304}, or a status whose body does not matter). */
        static Response empty(int status) {
            return new Response(status, new byte[0], null, 0);
        }

        /** A file of {@code length} bytes; the channel (null to answer {@code HEAD}) is closed by the server. */
        static Response file(String contentType, @Nullable FileChannel file, long length) {
            return new Response(200, new byte[0], file, length).header("Content-Type", contentType);
        }

        Response header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        @Nullable String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        private boolean bodyless() {
            return status == 304 || status == 204 || status < 200;
        }
    }

    /**
     * What the access log hears about one request.
     *
     * @param request the request, or null when the head could not be parsed
     * @param requestLine the request line as received, or {@code -}
     * @param status the status sent
     * @param bytes body bytes sent
     * @param time when the request was complete
     */
    record Exchange(@Nullable Request request, InetAddress client, String requestLine, int status, long bytes,
            Instant time) {
    }

    private enum State {
        READING, WORKING, WRITING,
        /** Sent a last response, output shut down: reading what the client still sends, then closing. */
        DRAINING
    }

    /** How long a connection that ends after its response is drained, so unread input cannot reset the response. */
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int DRAIN_BYTES = 64 * 1024;

    /** One connection; touched by the selector thread only. */
    private final class Conn {
        final SocketChannel channel;
        final InetAddress client;
        @Nullable SelectionKey key;
        State state = State.READING;
        ByteBuffer in = ByteBuffer.allocate(FIRST_BUFFER);
        int scanned;
        boolean sawBytes;
        long deadline;
        long lastActive;
        // the response being written
        @Nullable ByteBuffer out;
        @Nullable FileChannel file;
        long filePosition;
        long fileEnd;
        boolean closeAfter;
        @Nullable Request request;
        String requestLine = "-";
        int status;
        long bodyBytes;
        Instant requestTime = Instant.EPOCH;
        boolean open = true;

        Conn(SocketChannel channel, InetAddress client) {
            this.channel = channel;
            this.client = client;
        }
    }

    /** A response computed by a worker, waiting for the selector thread. */
    private record Done(Conn conn, Request request, Response response) {
    }

    private final ServerSocketChannel server;
    private final Selector selector;
    private final Handler handler;
    private final Limits limits;
    private final @Nullable Consumer<Exchange> accessLog;
    private final ExecutorService workers;
    private final Thread loop;
    private final ConcurrentLinkedQueue<Done> done = new ConcurrentLinkedQueue<>();
    private final Set<Conn> connections = new LinkedHashSet<>();
    private final Map<InetAddress, Set<Conn>> byClient = new HashMap<>();
    private volatile boolean running = true;
    private volatile int connectionCount;

    private HttpService(ServerSocketChannel server, Selector selector, Handler handler, Limits limits,
            @Nullable Consumer<Exchange> accessLog) {
        this.server = server;
        this.selector = selector;
        this.handler = handler;
        this.limits = limits;
        this.accessLog = accessLog;
        this.workers = Executors.newFixedThreadPool(limits.workers(), r -> {
            Thread t = new Thread(r, "gitpypi-serve-worker");
            t.setDaemon(true);
            return t;
        });
        this.loop = new Thread(this::run, "gitpypi-serve-io");
        loop.setDaemon(true);
    }

    /**
     * Binds and starts serving.
     *
     * @param address where to listen (port 0 picks a free one)
     * @param handler computes responses
     * @param limits the bounds
     * @param accessLog hears about every answered request (on the selector thread: must not block), or null
     * @return the running server
     * @throws BindException if the address is in use or not this machine's
     * @throws IOException if the server cannot be opened
     */
    static HttpService start(InetSocketAddress address, Handler handler, Limits limits,
            @Nullable Consumer<Exchange> accessLog) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        Selector selector = null;
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(address, 256);
            server.configureBlocking(false);
            selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            server.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
        HttpService s = new HttpService(server, selector, handler, limits, accessLog);
        s.loop.start();
        return s;
    }

    /** @return the bound address */
    InetSocketAddress address() {
        try {
            return (InetSocketAddress) server.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("server closed", e);
        }
    }

    // ---- the selector thread

    private void run() {
        long nextSweep = System.nanoTime() + SWEEP_NANOS;
        try {
            while (running) {
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextSweep - System.nanoTime())));
                for (Done d; (d = done.poll()) != null;) {
                    respond(d.conn(), d.request(), d.response());
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey k = keys.next();
                    keys.remove();
                    if (!k.isValid()) {
                        continue;
                    }
                    if (k.isAcceptable()) {
                        accept();
                    } else if (k.attachment() instanceof Conn c) {
                        try {
                            if (k.isReadable() && c.state == State.DRAINING) {
                                drain(c);
                            } else if (k.isReadable()) {
                                read(c);
                            } else if (k.isWritable()) {
                                write(c);
                            }
                        } catch (RuntimeException e) {
                            // one broken connection (such as a key cancelled under it) must not stop the server
                            close(c);
                        }
                    }
                }
                long now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    sweep(now);
                    nextSweep = now + SWEEP_NANOS;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (running) {
                System.getLogger(HttpService.class.getName()).log(System.Logger.Level.ERROR,
                        "the server stopped: " + e);
            }
        } finally {
            for (Conn c : new ArrayList<>(connections)) {
                close(c);
            }
            for (Done d; (d = done.poll()) != null;) {
                closeQuietly(d.response().file);
            }
        }
    }

    private void accept() {
        while (true) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (IOException e) {
                // out of file descriptors, most likely: free one (the least recently active connection) and go on
                if (!evict(connections)) {
                    return;
                }
                continue;
            }
            if (ch == null) {
                return;
            }
            try {
                accept(ch);
            } catch (IOException e) {
                closeQuietly(ch); // reset before it could be set up
            }
        }
    }

    private void accept(SocketChannel ch) throws IOException {
        InetAddress client = ((InetSocketAddress) ch.getRemoteAddress()).getAddress();
        Set<Conn> mine = byClient.get(client);
        if (mine != null && mine.size() >= limits.maxConnectionsPerClient() && !evict(mine)
                || connections.size() >= limits.maxConnections() && !evict(connections)) {
            closeQuietly(ch);
            return;
        }
        ch.configureBlocking(false);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        Conn c = new Conn(ch, client);
        long now = System.nanoTime();
        c.deadline = now + limits.headerTimeout().toNanos();
        c.lastActive = now;
        c.key = ch.register(selector, SelectionKey.OP_READ, c);
        connections.add(c);
        byClient.computeIfAbsent(client, a -> new LinkedHashSet<>()).add(c);
        connectionCount = connections.size();
    }

    /** Closes the least recently active connection of a set that is not being answered; false if none is. */
    private boolean evict(Set<Conn> set) {
        Conn oldest = null;
        for (Conn c : set) {
            if (c.state != State.WORKING && (oldest == null || c.lastActive - oldest.lastActive < 0)) {
                oldest = c;
            }
        }
        if (oldest == null) {
            return false;
        }
        close(oldest);
        return true;
    }

    private void sweep(long now) {
        for (Conn c : new ArrayList<>(connections)) {
            if (c.state != State.WORKING && now - c.deadline > 0) {
                if (c.state == State.READING && c.sawBytes) {
                    fail(c, 408, "request timeout: the request head did not arrive in time\n");
                } else {
                    close(c);
                }
            }
        }
    }

    private void read(Conn c) {
        int n;
        try {
            if (!c.in.hasRemaining()) {
                // a full buffer is a head over the limit, answered in parse()
                parse(c);
                return;
            }
            n = c.channel.read(c.in);
        } catch (IOException e) {
            close(c);
            return;
        }
        if (n < 0) {
            close(c);
            return;
        }
        if (n == 0) {
            return;
        }
        long now = System.nanoTime();
        c.lastActive = now;
        if (!c.sawBytes) {
            c.sawBytes = true;
            c.deadline = now + limits.headerTimeout().toNanos();
        }
        parse(c);
    }

    /** Looks for a complete head in the buffer; dispatches it, answers a bad one, or waits for more. */
    private void parse(Conn c) {
        ByteBuffer in = c.in;
        int end = in.position();
        byte[] a = in.array();
        int start = 0;
        while (start < end && (a[start] == '\r' || a[start] == '\n')) {
            start++; // empty lines before a request line are ignored (RFC 9112 section 2.2)
        }
        int headEnd = -1;
        int bodyStart = -1;
        for (int i = Math.max(start, c.scanned); i < end; i++) {
            if (a[i] == '\n') {
                if (i + 1 < end && a[i + 1] == '\n') {
                    headEnd = i;
                    bodyStart = i + 2;
                    break;
                }
                if (i + 2 < end && a[i + 1] == '\r' && a[i + 2] == '\n') {
                    headEnd = i;
                    bodyStart = i + 3;
                    break;
                }
            }
        }
        if (headEnd < 0) {
            c.scanned = Math.max(start, end - 3);
            if (end - start >= limits.maxHeadBytes()) {
                fail(c, 431, "request header fields too large\n");
            } else if (!in.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.min(in.capacity() * 2, limits.maxHeadBytes() + 4));
                in.flip();
                in.position(start);
                bigger.put(in);
                c.in = bigger;
                c.scanned = Math.max(0, c.scanned - start);
            }
            return;
        }
        int textEnd = headEnd > start && a[headEnd - 1] == '\r' ? headEnd - 1 : headEnd;
        String head = new String(a, start, textEnd - start, StandardCharsets.ISO_8859_1);
        // keep what follows (a pipelined request) at the front of the buffer
        in.flip();
        in.position(bodyStart);
        in.compact();
        c.scanned = 0;
        c.requestTime = Instant.now();
        Request request;
        try {
            request = request(head, c);
        } catch (BadRequest e) {
            fail(c, e.status, e.getMessage());
            return;
        }
        c.request = request;
        String length = request.header("content-length");
        if (request.header("transfer-encoding") != null || length != null && !length.strip().equals("0")) {
            // no method this server answers has a body: answer, then close rather than read it
            fail(c, request.method().equals("GET") || request.method().equals("HEAD") ? 400 : 405,
                    "a request body is not accepted here\n");
            return;
        }
        dispatch(c, request);
    }

    private void dispatch(Conn c, Request request) {
        c.state = State.WORKING;
        Objects.requireNonNull(c.key).interestOps(0);
        try {
            workers.execute(() -> {
                Response r;
                try {
                    r = handler.handle(request);
                } catch (IOException | RuntimeException e) {
                    System.getLogger(HttpService.class.getName()).log(System.Logger.Level.WARNING,
                            "cannot answer " + request.method() + " " + request.target() + ": " + e);
                    r = Response.text(500, "internal error\n");
                }
                done.add(new Done(c, request, r));
                selector.wakeup();
            });
        } catch (RejectedExecutionException e) {
            close(c);
        }
    }

    /** Answers a request that could not be parsed or is refused, then closes the connection. */
    private void fail(Conn c, int status, String message) {
        c.state = State.WORKING;
        Request r = c.request;
        Response response = Response.text(status, message);
        response.close = true;
        if (r == null) {
            r = new Request("-", "-", "HTTP/1.1", List.of(), c.client);
            c.requestTime = Instant.now();
        }
        respond(c, r, response);
    }

    private static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private Request request(String head, Conn c) throws BadRequest {
        String[] lines = head.split("\r?\n", -1);
        String line = lines[0];
        c.requestLine = line;
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !token(parts[0])) {
            throw new BadRequest(400, "bad request line\n");
        }
        String version = parts[2];
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw new BadRequest(version.startsWith("HTTP/") ? 505 : 400, "only HTTP/1.0 and HTTP/1.1 are served\n");
        }
        String target = parts[1];
        if (target.charAt(0) != '/') {
            throw new BadRequest(400, "the request target must be a path\n");
        }
        for (int i = 0; i < target.length(); i++) {
            char ch = target.charAt(i);
            if (ch <= ' ' || ch >= 0x7f) {
                throw new BadRequest(400, "bad request target\n");
            }
        }
        if (lines.length - 1 > MAX_HEADERS) {
            throw new BadRequest(431, "too many header fields\n");
        }
        List<String[]> headers = new ArrayList<>(lines.length - 1);
        for (int i = 1; i < lines.length; i++) {
            String h = lines[i];
            int colon = h.indexOf(':');
            if (colon <= 0 || !token(h.substring(0, colon))) {
                // also a folded line or a space before the colon (RFC 9112 section 5.1)
                throw new BadRequest(400, "bad header field\n");
            }
            headers.add(new String[] {h.substring(0, colon).toLowerCase(Locale.ROOT), h.substring(colon + 1).strip()});
        }
        Request r = new Request(parts[0], target, version, List.copyOf(headers), c.client);
        if (version.equals("HTTP/1.1") && r.header("host") == null) {
            throw new BadRequest(400, "an HTTP/1.1 request needs a Host header\n");
        }
        return r;
    }

    private static boolean token(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean ok = ch > ' ' && ch < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(ch) < 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean keepAlive(Request r) {
        String connection = r.header("connection");
        String tokens = connection == null ? "" : "," + connection.toLowerCase(Locale.ROOT).replace(" ", "") + ",";
        return r.version().equals("HTTP/1.1") ? !tokens.contains(",close,") : tokens.contains(",keep-alive,");
    }

    private void respond(Conn c, Request request, Response response) {
        if (!c.open) {
            closeQuietly(response.file);
            return;
        }
        boolean head = request.method().equals("HEAD");
        boolean keep = !response.close && keepAlive(request) && running;
        StringBuilder h = new StringBuilder(256);
        h.append("HTTP/1.1 ").append(response.status).append(' ').append(reason(response.status)).append("\r\n");
        h.append("Date: ").append(HTTP_DATE.format(Instant.now())).append("\r\n");
        h.append("Server: gitpypi\r\n");
        for (String[] header : response.headers) {
            h.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        if (!response.bodyless()) {
            h.append("Content-Length: ").append(response.length).append("\r\n");
        }
        if (!keep) {
            h.append("Connection: close\r\n");
        } else if (request.version().equals("HTTP/1.0")) {
            h.append("Connection: keep-alive\r\n");
        }
        h.append("\r\n");
        byte[] headBytes = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        boolean sendBody = !head && !response.bodyless();
        byte[] body = sendBody ? response.body : new byte[0];
        ByteBuffer out = ByteBuffer.allocate(headBytes.length + body.length);
        out.put(headBytes).put(body).flip();
        c.out = out;
        c.file = sendBody ? response.file : null;
        if (!sendBody) {
            closeQuietly(response.file);
        }
        c.filePosition = 0;
        c.fileEnd = c.file == null ? 0 : response.length;
        c.closeAfter = !keep;
        c.request = request;
        c.status = response.status;
        c.bodyBytes = sendBody ? response.length : 0;
        c.state = State.WRITING;
        long now = System.nanoTime();
        c.lastActive = now;
        c.deadline = now + limits.sendTimeout().toNanos();
        write(c);
    }

    private void write(Conn c) {
        try {
            ByteBuffer out = Objects.requireNonNull(c.out);
            while (true) {
                long n;
                if (out.hasRemaining()) {
                    n = c.channel.write(out);
                } else if (c.file != null && c.filePosition < c.fileEnd) {
                    n = c.file.transferTo(c.filePosition, Math.min(c.fileEnd - c.filePosition, 1 << 20), c.channel);
                    if (n == 0 && c.file.size() <= c.filePosition) {
                        close(c); // the file shrank while it was sent
                        return;
                    }
                    c.filePosition += n;
                } else {
                    finished(c);
                    return;
                }
                if (n == 0) {
                    Objects.requireNonNull(c.key).interestOps(SelectionKey.OP_WRITE);
                    return;
                }
                long now = System.nanoTime();
                c.lastActive = now;
                c.deadline = now + limits.sendTimeout().toNanos();
            }
        } catch (IOException e) {
            close(c);
        }
    }

    private void finished(Conn c) {
        log(c);
        closeQuietly(c.file);
        c.file = null;
        c.out = null;
        c.request = null;
        if (c.closeAfter) {
            lingeringClose(c);
            return;
        }
        c.state = State.READING;
        c.requestLine = "-";
        c.sawBytes = c.in.position() > 0;
        long now = System.nanoTime();
        c.deadline = now + (c.sawBytes ? limits.headerTimeout() : limits.idleTimeout()).toNanos();
        Objects.requireNonNull(c.key).interestOps(SelectionKey.OP_READ);
        if (c.sawBytes) {
            parse(c); // a pipelined request already read
        }
    }

    /**
     * Ends a connection after its last response without losing that response: closing a socket with unread input
     * makes the kernel send a reset, which can discard the response before the client reads it. So output is shut
     * down (the client sees the end), and input is read and dropped until the client closes, for a short time.
     */
    private void lingeringClose(Conn c) {
        try {
            c.channel.shutdownOutput();
        } catch (IOException e) {
            close(c);
            return;
        }
        c.state = State.DRAINING;
        c.bodyBytes = 0;
        c.in = ByteBuffer.allocate(4096);
        c.deadline = System.nanoTime() + DRAIN_NANOS;
        Objects.requireNonNull(c.key).interestOps(SelectionKey.OP_READ);
    }

    private void drain(Conn c) {
        try {
            c.in.clear();
            int n = c.channel.read(c.in);
            c.bodyBytes += Math.max(0, n);
            if (n < 0 || c.bodyBytes > DRAIN_BYTES) {
                close(c);
            }
        } catch (IOException e) {
            close(c);
        }
    }

    private void log(Conn c) {
        if (accessLog != null) {
            try {
                accessLog.accept(new Exchange(c.request, c.client, c.requestLine, c.status, c.bodyBytes,
                        c.requestTime));
            } catch (RuntimeException e) {
                // a broken log must not stop the server
            }
        }
    }

    private void close(Conn c) {
        if (!c.open) {
            return;
        }
        c.open = false;
        connections.remove(c);
        connectionCount = connections.size();
        Set<Conn> mine = byClient.get(c.client);
        if (mine != null) {
            mine.remove(c);
            if (mine.isEmpty()) {
                byClient.remove(c.client);
            }
        }
        if (c.key != null) {
            c.key.cancel();
        }
        closeQuietly(c.file);
        closeQuietly(c.channel);
    }

    private static void closeQuietly(java.io.@Nullable Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 301 -> "Moved Permanently";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 408 -> "Request Timeout";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status " + status;
        };
    }

    /** @return the number of open connections (for tests) */
    int connections() {
        return connectionCount;
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            loop.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        closeQuietly(server);
        closeQuietly(selector);
    }
}
