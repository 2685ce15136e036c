package dev.gitpypi.validator.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Which host names are internal to a machine or network, for the fetch policy of remote pages (SECURITY). */
final class Hosts {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private Hosts() {
    }

    /**
     * Whether a host is {@code localhost}, or an IP literal of a loopback, private (RFC 1918, unique local),
     * link-local (cloud metadata services live there) or unspecified address. Names are not resolved: this stops
     * a page from pointing at such addresses literally; it is no defence against DNS that answers with them.
     *
     * @param host the host of a URL, or null
     * @return true for those hosts
     */
    static boolean isInternal(@Nullable String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        var m = IPV4.matcher(h);
        if (m.matches()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            return a == 127 || a == 10 || a == 0 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
                    || (a == 169 && b == 254) || (a == 100 && b >= 64 && b <= 127);
        }
        if (h.indexOf(':') >= 0) {
            return h.equals("::1") || h.equals("::") || h.startsWith("fe8") || h.startsWith("fe9")
                    || h.startsWith("fea") || h.startsWith("feb") || h.startsWith("fc") || h.startsWith("fd");
        }
        return false;
    }
}
