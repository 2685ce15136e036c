package dev.gitpypi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.cli.HttpService.Limits;
import dev.gitpypi.cli.HttpService.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link HttpService} on loopback: idle sockets, slow-loris heads and clients that never read cannot keep other
 * requests from being answered (issue "Security first", item 5), the time-outs and connection limits close what
 * they should, and the HTTP/1.1 framing is right (keep-alive, pipelining, HEAD, bad heads).
 */
class HttpServiceTest {
    /** Generous: only a server that stopped answering takes this long. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private final List<Socket> sockets = new ArrayList<>();
    private final List<HttpService.Exchange> logged = new CopyOnWriteArrayList<>();
    private HttpService server;

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static Limits limits(Duration header, Duration idle, Duration send, int perClient, int total) {
        return new Limits(4096, header, idle, send, perClient, total, 2);
    }

    private HttpService start(Limits limits) throws IOException {
        Path big = tmp.resolve("big.bin");
        if (!Files.exists(big)) {
            Files.write(big, new byte[8 << 20]);
        }
        server = HttpService.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), r -> {
            if (r.rawPath().equals("/big")) {
                return Response.file("application/octet-stream",
                        r.method().equals("HEAD") ? null : FileChannel.open(big, StandardOpenOption.READ),
                        Files.size(big));
            }
            if (!r.method().equals("GET") && !r.method().equals("HEAD")) {
                return Response.text(405, "no\n").header("Allow", "GET, HEAD");
            }
            return Response.text(200, "hello " + r.rawPath() + "\n");
        }, limits, logged::add);
        return server;
    }

    private int port() {
        return server.address().getPort();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port());
        s.setSoTimeout((int) PATIENCE.toMillis());
        sockets.add(s);
        return s;
    }

    /** Normal requests from a client that keeps its connections alive, as pip does. */
    private void normalRequestsAreAnswered(int count) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(PATIENCE).build();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port()
                    + "/simple/p" + i + "/")).timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("hello /simple/p" + i + "/\n");
        }
        // and on fresh connections, as curl does
        for (int i = 0; i < count; i++) {
            try (Socket s = connect()) {
                send(s, "GET /fresh" + i + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                assertThat(readAll(s)).startsWith("HTTP/1.1 200 OK\r\n").endsWith("hello /fresh" + i + "\n");
            }
        }
    }

    @ParameterizedTest(name = "at most {0} connections per client")
    @CsvSource({"16", "100000"})
    void idleSocketsAndSlowLorisHeadsDoNotStopOtherRequests(int perClient) throws Exception {
        start(limits(PATIENCE, PATIENCE, PATIENCE, perClient, 100_000));
        for (int i = 0; i < 300; i++) {
            connect(); // connects, says nothing
        }
        List<Socket> loris = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Socket s = connect();
            send(s, "GET /slow HTTP/1.1\r\nHost: x\r\nX-Slow: "); // a head that never ends
            loris.add(s);
        }
        normalRequestsAreAnswered(10);
        for (Socket s : loris) {
            try {
                send(s, "a"); // another trickled byte (the connection may have been closed for a newer one)
            } catch (IOException e) {
                // evicted
            }
        }
        normalRequestsAreAnswered(10);
    }

    @Test
    void clientsThatNeverReadTheirResponseDoNotStopOtherRequests() throws Exception {
        start(limits(PATIENCE, PATIENCE, PATIENCE, 100_000, 100_000));
        for (int i = 0; i < 20; i++) {
            Socket s = connect();
            s.setReceiveBufferSize(4096);
            send(s, "GET /big HTTP/1.1\r\nHost: x\r\n\r\n"); // 8 MiB each, never read
        }
        normalRequestsAreAnswered(5);
    }

    @Test
    void headerAndIdleTimeOutsCloseConnections() throws Exception {
        Duration shortTime = Duration.ofMillis(300);
        start(limits(shortTime, shortTime, PATIENCE, 100_000, 100_000));
        Socket idle = connect();
        Socket loris = connect();
        send(loris, "GET / HTTP/1.1\r\nHo");
        Socket kept = connect();
        send(kept, "GET /one HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(readResponse(kept.getInputStream())).endsWith("hello /one\n");
        // each is closed by the server: the read ends (or is reset) instead of waiting for PATIENCE
        assertThat(closedByServer(idle)).isTrue();
        assertThat(readAll(loris)).startsWith("HTTP/1.1 408").isNotEmpty();
        assertThat(closedByServer(kept)).isTrue();
        assertThat(logged).extracting(HttpService.Exchange::status).contains(200, 408);
    }

    @Test
    void aClientThatStopsReadingIsDroppedAfterTheSendTimeOut() throws Exception {
        start(limits(PATIENCE, PATIENCE, Duration.ofMillis(300), 100_000, 100_000));
        Socket s = connect();
        s.setReceiveBufferSize(4096);
        send(s, "GET /big HTTP/1.1\r\nHost: x\r\n\r\n");
        waitFor(() -> server.connections() == 0); // closed by the server, not by this client
    }

    @Test
    void aClientOverItsLimitLosesItsLeastRecentlyActiveConnection() throws Exception {
        start(limits(PATIENCE, PATIENCE, PATIENCE, 3, 100_000));
        Socket first = connect();
        connect();
        connect();
        Socket fourth = connect();
        send(fourth, "GET /four HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(readResponse(fourth.getInputStream())).endsWith("hello /four\n");
        assertThat(closedByServer(first)).isTrue();
        assertThat(server.connections()).isEqualTo(3);
    }

    @Test
    void theServerAsAWholeHasALimitToo() throws Exception {
        start(limits(PATIENCE, PATIENCE, PATIENCE, 100_000, 4));
        Socket first = connect();
        for (int i = 0; i < 3; i++) {
            connect();
        }
        Socket last = connect();
        send(last, "GET /last HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(readResponse(last.getInputStream())).endsWith("hello /last\n");
        assertThat(closedByServer(first)).isTrue();
    }

    @Test
    void keepAlivePipeliningAndHead() throws Exception {
        start(limits(PATIENCE, PATIENCE, PATIENCE, 100, 100));
        Socket s = connect();
        send(s, "GET /a HTTP/1.1\r\nHost: x\r\n\r\nHEAD /big HTTP/1.1\r\nHost: x\r\n\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n");
        String all = readAll(s);
        assertThat(all).containsSubsequence("HTTP/1.1 200 OK", "hello /a\n", "HTTP/1.1 200 OK",
                "Content-Length: 8388608", "HTTP/1.1 200 OK", "Connection: close", "hello /b\n");
        assertThat(all).hasSizeLessThan(4096); // HEAD sent no body
        assertThat(logged).extracting(HttpService.Exchange::requestLine).containsExactly("GET /a HTTP/1.1",
                "HEAD /big HTTP/1.1", "GET /b HTTP/1.1");
    }

    @Test
    void http10ClosesUnlessKeepAliveIsAsked() throws Exception {
        start(limits(PATIENCE, PATIENCE, PATIENCE, 100, 100));
        Socket s = connect();
        send(s, "GET /old HTTP/1.0\r\n\r\n");
        assertThat(readAll(s)).startsWith("HTTP/1.1 200 OK").contains("Connection: close").endsWith("hello /old\n");
        Socket k = connect();
        send(k, "GET /k HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        assertThat(readResponse(k.getInputStream())).contains("Connection: keep-alive").endsWith("hello /k\n");
        send(k, "GET /k2 HTTP/1.0\r\n\r\n");
        assertThat(readAll(k)).endsWith("hello /k2\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no version|GET /x\\r\\nHost: x\\r\\n\\r\\n|400",
        "HTTP/2|GET /x HTTP/2.0\\r\\nHost: x\\r\\n\\r\\n|505",
        "absolute target|GET http://h/x HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n|400",
        "no Host|GET /x HTTP/1.1\\r\\n\\r\\n|400",
        "space before colon|GET /x HTTP/1.1\\r\\nHost : x\\r\\n\\r\\n|400",
        "folded header|GET /x HTTP/1.1\\r\\nHost: x\\r\\n continued\\r\\n\\r\\n|400",
        "a body|GET /x HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 5\\r\\n\\r\\nhello|400",
        "chunked|GET /x HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n0\\r\\n\\r\\n|400",
        "POST with a body|POST /x HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 1\\r\\n\\r\\nx|405",
    })
    void badHeadsAreAnsweredAndTheConnectionClosed(String what, String head, int status) throws Exception {
        start(limits(PATIENCE, PATIENCE, PATIENCE, 100, 100));
        Socket s = connect();
        send(s, head.replace("\\r", "\r").replace("\\n", "\n"));
        assertThat(readAll(s)).startsWith("HTTP/1.1 " + status + " ").contains("Connection: close");
    }

    @Test
    void aHeadOverTheSizeLimitIs431() throws Exception {
        start(limits(PATIENCE, PATIENCE, PATIENCE, 100, 100));
        Socket s = connect();
        send(s, "GET /x HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(5000) + "\r\n\r\n");
        assertThat(readAll(s)).startsWith("HTTP/1.1 431 ");
        Socket many = connect();
        send(many, "GET /x HTTP/1.1\r\nHost: x\r\n" + "A: b\r\n".repeat(200) + "\r\n");
        assertThat(readAll(many)).startsWith("HTTP/1.1 431 ");
    }

    @Test
    void otherMethodsAreTheHandlersToRefuse() throws Exception {
        start(limits(PATIENCE, PATIENCE, PATIENCE, 100, 100));
        Socket s = connect();
        send(s, "DELETE /x HTTP/1.1\r\nHost: x\r\n\r\nGET /y HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(readAll(s)).startsWith("HTTP/1.1 405 ").contains("Allow: GET, HEAD").endsWith("hello /y\n");
    }

    // ---- helpers

    private static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Everything until the server closes the connection. */
    private static String readAll(Socket s) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            s.getInputStream().transferTo(b);
        } catch (java.net.SocketException e) {
            // reset by the server after it closed: what came before counts
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /** One response with a Content-Length body. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) c);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Content-Length: (\\d+)").matcher(head);
        int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
        return head + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    /** Whether a read ends because the server closed (not because PATIENCE ran out). */
    private static boolean closedByServer(Socket s) throws IOException {
        try {
            return s.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // reset
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + PATIENCE);
            }
            Thread.sleep(50);
        }
    }
}
