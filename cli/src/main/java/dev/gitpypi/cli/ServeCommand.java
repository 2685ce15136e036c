package dev.gitpypi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gitpypi serve}: serves a built site with PEP 691 content negotiation. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Serves a built site over HTTP as a simple repository that pip and uv install from:",
            "PEP 691 content negotiation on Accept (q-values) and ?format=, the exact media types, Vary: Accept,",
            "ETag and Last-Modified, redirects to the trailing-slash and normalized-name URLs, 404 and 406.",
            "Only files inside the site folder are served (links out of it are not followed); idle and slow",
            "connections time out and cannot keep others from being answered.",
            "Runs until interrupted (Ctrl-C)."})
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR",
            description = "The site folder (holding simple/), or a simple root itself.")
    private Path dir;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8000",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    private String bind;

    @Option(names = "--access-log", negatable = true,
            description = "Print a line per request on standard output (combined log format and the Accept header;"
                    + " default: on when standard output is a terminal).")
    private @Nullable Boolean accessLog;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UsageException("port out of range: " + port);
        }
        if (!Files.isDirectory(dir)) {
            throw new UsageException("no such folder: " + dir);
        }
        if (!Files.isDirectory(dir.resolve("simple")) && !Files.isRegularFile(dir.resolve("index.html"))) {
            throw new UsageException("not a site: " + dir + " has neither simple/ nor index.html");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UsageException("cannot resolve --bind address '" + bind + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean logging = accessLog != null ? accessLog : System.console() != null;
        AccessLog log = logging ? new AccessLog(out) : null;
        SiteServer server;
        try {
            server = SiteServer.start(dir, new InetSocketAddress(address, port), HttpService.Limits.defaults(), log);
        } catch (BindException e) {
            if (log != null) {
                log.close();
            }
            throw bindFailure(e, address, port);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (log != null) {
                log.close();
            }
            stopped.countDown();
        }, "gitpypi-serve-stop"));
        String url = "http://" + server.host() + ":" + server.port() + "/simple/";
        out.println("serving " + dir + " at " + url);
        out.println("install with: pip install --index-url " + url + " NAME");
        out.println("press Ctrl-C to stop");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /** "Address already in use" and "Cannot assign requested address", said with the address and what to do. */
    private static IOException bindFailure(BindException e, InetAddress address, int port) {
        String where = (address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]"
                : address.getHostAddress()) + ":" + port;
        String why = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (why.contains("in use")) {
            return new IOException("cannot listen on " + where + ": port " + port + " is already in use (another"
                    + " server runs there); choose another --port, or --port 0 for a free one", e);
        }
        if (why.contains("assign") || why.contains("not available")) {
            return new IOException("cannot listen on " + where + ": " + address.getHostAddress() + " is not an"
                    + " address of this machine (--bind)", e);
        }
        if (why.contains("permission") || why.contains("denied")) {
            return new IOException("cannot listen on " + where + ": permission denied (ports below 1024 need"
                    + " privileges; choose another --port)", e);
        }
        return new IOException("cannot listen on " + where + ": " + e.getMessage(), e);
    }
}
