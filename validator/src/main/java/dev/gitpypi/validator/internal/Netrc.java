package dev.gitpypi.validator.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code .netrc} file, read as pip reads it (through requests and Python's {@code netrc}): {@code machine HOST
 * login USER password PASSWORD} entries, {@code account} ignored, {@code macdef} bodies skipped. Its
 * {@code default} entry is used for the index's own host only, never for another host a page links to (requests
 * would send it to any host).
 */
public final class Netrc {
    /** A login. */
    record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[" + user + ", ***]";
        }
    }

    private final Map<String, Login> machines;
    private final @Nullable Login fallback;

    private Netrc(Map<String, Login> machines, @Nullable Login fallback) {
        this.machines = Map.copyOf(machines);
        this.fallback = fallback;
    }

    /** An empty file. */
    public static final Netrc EMPTY = new Netrc(Map.of(), null);

    /**
     * The file pip reads: {@code $NETRC}, else {@code ~/.netrc}; empty when there is none or it cannot be read.
     *
     * @return the file's entries
     */
    public static Netrc ofUser() {
        String env = System.getenv("NETRC");
        Path file = env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".netrc");
        try {
            return Files.isRegularFile(file) ? parse(Files.readString(file, StandardCharsets.UTF_8)) : EMPTY;
        } catch (IOException | RuntimeException e) {
            return EMPTY;
        }
    }

    /**
     * Reads a file.
     *
     * @param file the file
     * @return its entries
     * @throws IOException if it cannot be read
     */
    public static Netrc of(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    static Netrc parse(String text) {
        List<String> tokens = new ArrayList<>();
        boolean inMacro = false;
        for (String line : text.split("\r?\n", -1)) {
            if (inMacro) {
                if (line.isBlank()) {
                    inMacro = false;
                }
                continue;
            }
            String l = line.strip();
            if (l.startsWith("#")) {
                continue;
            }
            String[] words = l.split("\\s+");
            for (int i = 0; i < words.length; i++) {
                if (words[i].isEmpty()) {
                    continue;
                }
                if (words[i].equals("macdef")) {
                    inMacro = true;
                    break;
                }
                tokens.add(words[i]);
            }
        }
        Map<String, Login> machines = new HashMap<>();
        Login fallback = null;
        int i = 0;
        while (i < tokens.size()) {
            String t = tokens.get(i++);
            String host;
            if (t.equals("machine") && i < tokens.size()) {
                host = tokens.get(i++).toLowerCase(Locale.ROOT);
            } else if (t.equals("default")) {
                host = null;
            } else {
                continue;
            }
            String user = "";
            String password = "";
            while (i < tokens.size() && !tokens.get(i).equals("machine") && !tokens.get(i).equals("default")) {
                String key = tokens.get(i++);
                String value = i < tokens.size() ? tokens.get(i++) : "";
                switch (key) {
                    case "login" -> user = value;
                    case "password" -> password = value;
                    default -> {
                    }
                }
            }
            Login login = new Login(user, password);
            if (host == null) {
                fallback = login;
            } else {
                machines.putIfAbsent(host, login);
            }
        }
        return new Netrc(machines, fallback);
    }

    /**
     * The login for a host.
     *
     * @param host the host
     * @param indexHost whether it is the index's own host (only then does the {@code default} entry apply)
     * @return the login, if any
     */
    Optional<Login> login(@Nullable String host, boolean indexHost) {
        if (host == null) {
            return Optional.empty();
        }
        Login l = machines.get(host.toLowerCase(Locale.ROOT));
        if (l == null && indexHost) {
            l = fallback;
        }
        return Optional.ofNullable(l);
    }
}
