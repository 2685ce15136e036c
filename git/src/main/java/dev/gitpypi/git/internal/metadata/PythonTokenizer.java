package dev.gitpypi.git.internal.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Splits Python source into tokens and logical lines, as Python's {@code tokenize} module does for the parts that
 * matter to reading literals: comments are dropped, strings (every prefix, single, double and triple quotes,
 * f-strings with nested expressions and quotes as Python 3.12 allows) become one token with their decoded value,
 * brackets and backslashes join physical lines, and each logical line keeps the indentation of its first token.
 * No Python is run. Stateless and thread-safe.
 */
final class PythonTokenizer {
    /** What a token is. */
    enum Type {
        NAME, NUMBER, STRING, OP
    }

    /**
     * One token.
     *
     * @param type what it is
     * @param text its source text (for a string, the whole literal with prefix and quotes)
     * @param value for a plain or raw string literal, its decoded value; null for bytes and f-strings and for
     *              other tokens
     * @param line the 1-based line it starts on
     */
    record Token(Type type, String text, @Nullable String value, int line) {
        boolean is(String op) {
            return (type == Type.OP || type == Type.NAME) && text.equals(op);
        }
    }

    /**
     * A logical line: the tokens of one statement line (or of a compound statement's header and what follows the
     * colon on the same line).
     *
     * @param indent the column of its first token (tabs count to the next multiple of 8, as Python counts them)
     * @param tokens its tokens
     */
    record Line(int indent, List<Token> tokens) {
    }

    /** The source cannot be tokenized (an unterminated string). */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    private static final Set<String> PREFIXES = Set.of("r", "u", "b", "f", "br", "rb", "fr", "rf");
    private static final String[] OPERATORS = {"**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "==", "!=",
        "<=", ">=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "<<", ">>", "<>"};

    private final String src;
    private int pos;
    private int lineNo = 1;

    private PythonTokenizer(String src) {
        this.src = src;
    }

    /**
     * Tokenizes a module.
     *
     * @param source the source text
     * @return its logical lines
     * @throws SyntaxError if a string is not terminated
     */
    static List<Line> lines(String source) throws SyntaxError {
        return new PythonTokenizer(source).run();
    }

    private List<Line> run() throws SyntaxError {
        List<Line> lines = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        int indent = 0;
        boolean lineStart = true;
        int column = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f') {
                if (lineStart && current.isEmpty()) {
                    column = c == '\t' ? (column / 8 + 1) * 8 : c == '\f' ? 0 : column + 1;
                }
                pos++;
                continue;
            }
            if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                    pos++;
                }
                continue;
            }
            if (c == '\\' && pos + 1 < src.length() && (src.charAt(pos + 1) == '\n' || src.charAt(pos + 1) == '\r')) {
                pos++;
                newline();
                continue;
            }
            if (c == '\n' || c == '\r') {
                newline();
                if (depth == 0) {
                    if (!current.isEmpty()) {
                        lines.add(new Line(indent, current));
                        current = new ArrayList<>();
                    }
                    lineStart = true;
                    column = 0;
                }
                continue;
            }
            if (current.isEmpty() && lineStart) {
                indent = column;
                lineStart = false;
            }
            int start = pos;
            int startLine = lineNo;
            if (isIdentifierStart(c)) {
                while (pos < src.length() && isIdentifierPart(src.charAt(pos))) {
                    pos++;
                }
                String word = src.substring(start, pos);
                if (pos < src.length() && (src.charAt(pos) == '"' || src.charAt(pos) == '\'')
                        && PREFIXES.contains(word.toLowerCase(Locale.ROOT))) {
                    current.add(string(start, word.toLowerCase(Locale.ROOT), startLine));
                } else {
                    current.add(new Token(Type.NAME, word, null, startLine));
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                current.add(string(start, "", startLine));
                continue;
            }
            if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
                pos++;
                while (pos < src.length()) {
                    char d = src.charAt(pos);
                    if (Character.isLetterOrDigit(d) || d == '_' || d == '.') {
                        pos++;
                    } else if ((d == '+' || d == '-') && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E')
                            && !src.substring(start, pos).toLowerCase(Locale.ROOT).startsWith("0x")) {
                        pos++;
                    } else {
                        break;
                    }
                }
                current.add(new Token(Type.NUMBER, src.substring(start, pos), null, startLine));
                continue;
            }
            String op = String.valueOf(c);
            for (String o : OPERATORS) {
                if (src.startsWith(o, pos)) {
                    op = o;
                    break;
                }
            }
            pos += op.length();
            if (op.equals("(") || op.equals("[") || op.equals("{")) {
                depth++;
            } else if ((op.equals(")") || op.equals("]") || op.equals("}")) && depth > 0) {
                depth--;
            }
            current.add(new Token(Type.OP, op, null, startLine));
        }
        if (!current.isEmpty()) {
            lines.add(new Line(indent, current));
        }
        return lines;
    }

    private void newline() {
        if (src.charAt(pos) == '\r' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
            pos++;
        }
        pos++;
        lineNo++;
    }

    private static boolean isIdentifierStart(char c) {
        return c == '_' || Character.isLetter(c) || (c > 0x7f && Character.isUnicodeIdentifierStart(c));
    }

    private static boolean isIdentifierPart(char c) {
        return c == '_' || Character.isLetterOrDigit(c) || (c > 0x7f && Character.isUnicodeIdentifierPart(c));
    }

    /** Reads a string literal whose prefix (lower-case, possibly empty) starts at {@code start}. */
    private Token string(int start, String prefix, int startLine) throws SyntaxError {
        boolean raw = prefix.contains("r");
        boolean bytes = prefix.contains("b");
        boolean format = prefix.contains("f");
        char quote = src.charAt(pos);
        boolean triple = src.startsWith(String.valueOf(quote).repeat(3), pos);
        pos += triple ? 3 : 1;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw new SyntaxError("unterminated string starting at line " + startLine);
            }
            char c = src.charAt(pos);
            if (c == quote && (!triple || src.startsWith(String.valueOf(quote).repeat(3), pos))) {
                pos += triple ? 3 : 1;
                break;
            }
            if (!triple && (c == '\n' || c == '\r')) {
                throw new SyntaxError("unterminated string starting at line " + startLine);
            }
            if (c == '\n' || (c == '\r' && !(pos + 1 < src.length() && src.charAt(pos + 1) == '\n'))) {
                lineNo++;
            }
            if (format && c == '{') {
                if (pos + 1 < src.length() && src.charAt(pos + 1) == '{') {
                    pos += 2;
                } else {
                    skipReplacementField();
                }
                continue;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                if (raw) {
                    value.append(c).append(src.charAt(pos + 1));
                    if (src.charAt(pos + 1) == '\n') {
                        lineNo++;
                    }
                    pos += 2;
                } else {
                    escape(value);
                }
                continue;
            }
            value.append(c);
            pos++;
        }
        String text = src.substring(start, pos);
        return new Token(Type.STRING, text, bytes || format ? null : value.toString(), startLine);
    }

    /** Skips an f-string replacement field {@code {expr!r:spec}}, with nested brackets and strings. */
    private void skipReplacementField() throws SyntaxError {
        int depth = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '{' || c == '(' || c == '[') {
                depth++;
                pos++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
                pos++;
                if (depth == 0) {
                    return;
                }
            } else if (c == '"' || c == '\'') {
                string(pos, "", lineNo);
            } else {
                if (c == '\n') {
                    lineNo++;
                }
                pos++;
            }
        }
        throw new SyntaxError("unterminated f-string field");
    }

    /** Decodes one backslash escape of a non-raw string (Python's rules; unknown escapes are kept as written). */
    private void escape(StringBuilder out) {
        char e = src.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case '\n' -> lineNo++;
            case '\r' -> {
                if (pos < src.length() && src.charAt(pos) == '\n') {
                    pos++;
                }
                lineNo++;
            }
            case '\\', '\'', '"' -> out.append(e);
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000b');
            case 'x' -> hex(out, 2, "\\x");
            case 'u' -> hex(out, 4, "\\u");
            case 'U' -> hex(out, 8, "\\U");
            case 'N' -> {
                int close = src.indexOf('}', pos);
                if (pos < src.length() && src.charAt(pos) == '{' && close > 0) {
                    out.append("\\N").append(src, pos, close + 1);
                    pos = close + 1;
                } else {
                    out.append("\\N");
                }
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    int v = e - '0';
                    for (int k = 0; k < 2 && pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '7';
                            k++) {
                        v = v * 8 + (src.charAt(pos++) - '0');
                    }
                    out.appendCodePoint(v);
                } else {
                    out.append('\\').append(e);
                }
            }
        }
    }

    private void hex(StringBuilder out, int digits, String spelled) {
        if (pos + digits <= src.length()) {
            try {
                int cp = Integer.parseUnsignedInt(src.substring(pos, pos + digits), 16);
                if (Character.isValidCodePoint(cp)) {
                    out.appendCodePoint(cp);
                    pos += digits;
                    return;
                }
            } catch (NumberFormatException e) {
                // kept as written below
            }
        }
        out.append(spelled);
    }
}
