package dev.gitpypi.git.internal.metadata;

import dev.gitpypi.git.internal.metadata.PythonTokenizer.Line;
import dev.gitpypi.git.internal.metadata.PythonTokenizer.Token;
import dev.gitpypi.git.internal.metadata.PythonTokenizer.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses the logical lines of a Python module into a flat list of statements with expression trees — enough of
 * Python's grammar to find literal values, assignments, imports and calls, never to run anything. Expressions the
 * reader has no use for (comparisons, comprehensions, lambdas, slices, ...) become {@link Opaque} nodes that keep
 * their sub-expressions. A statement that does not parse (Python 2 {@code print}, syntax this parser does not
 * know) becomes a {@link Tainted} statement listing every name it mentions, so nothing it might bind is trusted.
 * Stateless and thread-safe.
 */
final class PythonParser {
    /** An expression. */
    sealed interface Node permits Name, Str, Num, Attr, Call, Starred, Subscript, Seq, Dict, BinOp, Opaque {
    }

    /** A name. */
    record Name(String id) implements Node {
    }

    /** A string literal (implicitly concatenated parts joined); value null for f-strings and bytes. */
    record Str(@Nullable String value) implements Node {
    }

    /** A number, as written. */
    record Num(String text) implements Node {
    }

    /** {@code target.name}. */
    record Attr(Node target, String name) implements Node {
    }

    /**
     * A keyword argument, or {@code **value} when name is null.
     *
     * @param name the keyword
     * @param value the value
     */
    record Keyword(@Nullable String name, Node value) {
    }

    /** {@code func(args, kwargs)}. */
    record Call(Node func, List<Node> args, List<Keyword> keywords) implements Node {
    }

    /** {@code *value} in a call or display. */
    record Starred(Node value) implements Node {
    }

    /** {@code target[index]}. */
    record Subscript(Node target, Node index) implements Node {
    }

    /** A list or tuple display. */
    record Seq(List<Node> items, boolean tuple) implements Node {
    }

    /** A dict display; a null key is a {@code **} spread of the value. */
    record Dict(List<@Nullable Node> keys, List<Node> values) implements Node {
    }

    /** A binary operator the reader evaluates ({@code +}, {@code /}, {@code %}). */
    record BinOp(String op, Node left, Node right) implements Node {
    }

    /** Anything else, with its sub-expressions. */
    record Opaque(List<Node> children) implements Node {
    }

    /** A statement, with its indentation and the function it is in (null at module level or in a class). */
    sealed interface Stmt permits Import, Assign, AugAssign, Expr, Def, Bind, Global, Return, Tainted {
    }

    /**
     * {@code import a.b as c} ({@code from} null) or {@code from a import b as c}; {@code level} counts leading dots.
     *
     * @param from the module imported from, or null for a plain import
     * @param level relative import level
     * @param names (name, alias) pairs; {@code *} for a star import
     */
    record Import(@Nullable String from, int level, List<String[]> names) implements Stmt {
    }

    /** {@code t1 = t2 = value}. */
    record Assign(List<Node> targets, Node value) implements Stmt {
    }

    /** {@code target op= value}. */
    record AugAssign(Node target, Node value) implements Stmt {
    }

    /** An expression statement, or the expressions of a compound header. */
    record Expr(List<Node> values) implements Stmt {
    }

    /** {@code def name(params):} with the statements of its body. */
    record Def(String name, List<String> params, List<Located> body) implements Stmt {
    }

    /**
     * Names bound by something other than an assignment: {@code with source as name} (source kept), {@code for},
     * {@code except ... as}, {@code class}, {@code del}, {@code global}.
     *
     * @param names the names
     * @param source for {@code with}, the context expression; else null
     */
    record Bind(List<String> names, @Nullable Node source) implements Stmt {
    }

    /** {@code global names} or {@code nonlocal names}. */
    record Global(List<String> names) implements Stmt {
    }

    /** {@code return value}. */
    record Return(@Nullable Node value) implements Stmt {
    }

    /** A statement that did not parse, with every name it mentions. */
    record Tainted(Set<String> names) implements Stmt {
    }

    /**
     * A statement with where it runs: the {@code if}, {@code elif}, {@code else}, {@code for}, {@code while} and
     * {@code except} blocks of its function or module that hold it, outermost first, each by a number unique in the
     * module (statements in {@code with}, {@code try} and {@code finally} blocks always run, in order). A statement
     * in no such block always runs; one in block {@code b} runs whenever a later statement in {@code b} (or in a
     * block inside {@code b}) runs.
     *
     * @param stmt the statement
     * @param blocks the conditional blocks that hold it
     */
    record Located(Stmt stmt, List<Integer> blocks) {
        /** @return whether it may not run */
        boolean conditional() {
            return !blocks.isEmpty();
        }
    }

    /** A statement that does not parse. */
    private static final class ParseError extends Exception {
        private static final long serialVersionUID = 1L;

        ParseError() {
            super(null, null, false, false);
        }
    }

    private static final int MAX_DEPTH = 200;
    private static final Set<String> COMPOUND = Set.of("if", "elif", "else", "while", "for", "try", "except", "finally",
            "with", "def", "class", "async");
    private static final Set<String> KEYWORDS = Set.of("if", "else", "for", "in", "and", "or", "not", "is", "lambda",
            "import", "from", "as", "return", "def", "class", "del", "pass", "yield", "while", "with", "try", "except",
            "finally", "raise", "global", "nonlocal", "assert", "break", "continue", "elif");
    private static final Set<String> COMPARISON = Set.of("<", ">", "==", ">=", "<=", "!=", "<>", "in", "not", "is");

    private static final Set<String> CONDITIONAL = Set.of("if", "elif", "else", "for", "while", "except");

    private List<Token> t = List.of();
    private int p;
    private int depth;
    /** The conditional blocks around the statement being parsed. */
    private List<Integer> blocks = List.of();
    private int nextBlock;
    /** The block number given to the last compound header parsed. */
    private int lastHeaderBlock;

    private PythonParser() {
    }

    /**
     * Parses a module.
     *
     * @param lines its logical lines
     * @return its statements; function bodies nested in {@link Def}
     */
    static List<Located> parse(List<Line> lines) {
        PythonParser parser = new PythonParser();
        List<Located> out = new ArrayList<>();
        parser.block(lines, 0, lines.size(), out);
        return out;
    }

    private void emit(List<Located> out, Stmt s) {
        out.add(new Located(s, blocks));
    }

    private static List<Integer> with(List<Integer> blocks, int block) {
        List<Integer> out = new ArrayList<>(blocks);
        out.add(block);
        return List.copyOf(out);
    }

    /** Parses lines [from, to) into {@code out}; a {@code def} takes the following more-indented lines as body. */
    private void block(List<Line> lines, int from, int to, List<Located> out) {
        java.util.ArrayDeque<int[]> headers = new java.util.ArrayDeque<>();
        List<Integer> outer = blocks;
        int i = from;
        while (i < to) {
            Line line = lines.get(i);
            while (!headers.isEmpty() && headers.peek()[0] >= line.indent()) {
                headers.pop();
            }
            List<Integer> here = new ArrayList<>(outer);
            java.util.Iterator<int[]> outermostFirst = headers.descendingIterator();
            while (outermostFirst.hasNext()) {
                int[] h = outermostFirst.next();
                if (h[1] >= 0) {
                    here.add(h[1]);
                }
            }
            blocks = List.copyOf(here);
            int end = i + 1;
            List<Token> tokens = line.tokens();
            Token first = tokens.get(0);
            if (first.is("def") || (first.is("async") && tokens.size() > 1 && tokens.get(1).is("def"))) {
                while (end < to && lines.get(end).indent() > line.indent()) {
                    end++;
                }
                List<Located> body = new ArrayList<>();
                List<Integer> around = blocks;
                blocks = List.of();
                Def def = def(tokens, body);
                if (def != null) {
                    block(lines, i + 1, end, body);
                }
                blocks = around;
                if (def == null) {
                    emit(out, new Tainted(names(tokens)));
                    block(lines, i + 1, end, out);
                } else {
                    emit(out, def);
                }
                i = end;
                continue;
            }
            statements(tokens, out);
            String keyword = first.is("async") && tokens.size() > 1 ? tokens.get(1).text() : first.text();
            if (first.type() == Type.NAME && COMPOUND.contains(keyword) && colonAtDepth0(tokens, 1) > 0) {
                headers.push(new int[] {line.indent(), CONDITIONAL.contains(keyword) ? lastHeaderBlock : -1});
            }
            i = end;
        }
        blocks = outer;
    }

    private @Nullable Def def(List<Token> tokens, List<Located> body) {
        int k = tokens.get(0).is("async") ? 2 : 1;
        if (k >= tokens.size() || tokens.get(k).type() != Type.NAME || k + 1 >= tokens.size()
                || !tokens.get(k + 1).is("(")) {
            return null;
        }
        String name = tokens.get(k).text();
        List<String> params = new ArrayList<>();
        int level = 0;
        boolean expectName = true;
        int i = k + 1;
        for (; i < tokens.size(); i++) {
            Token x = tokens.get(i);
            if (x.is("(") || x.is("[") || x.is("{")) {
                level++;
            } else if (x.is(")") || x.is("]") || x.is("}")) {
                level--;
                if (level == 0) {
                    break;
                }
            } else if (level == 1 && x.is(",")) {
                expectName = true;
            } else if (level == 1 && expectName && x.type() == Type.NAME) {
                params.add(x.text());
                expectName = false;
            }
        }
        int colon = colonAtDepth0(tokens, i + 1);
        if (colon < 0) {
            return null;
        }
        if (colon + 1 < tokens.size()) {
            statements(tokens.subList(colon + 1, tokens.size()), body);
        }
        return new Def(name, params, body);
    }

    /** Parses one logical line: simple statements separated by {@code ;}, or a compound header and its tail. */
    private void statements(List<Token> tokens, List<Located> out) {
        if (tokens.isEmpty()) {
            return;
        }
        Token first = tokens.get(0);
        if (first.type() == Type.NAME && COMPOUND.contains(first.text())) {
            int colon = colonAtDepth0(tokens, 1);
            if (colon > 0) {
                try {
                    header(tokens.subList(0, colon), out);
                } catch (ParseError e) {
                    emit(out, new Tainted(names(tokens.subList(0, colon))));
                }
                List<Integer> around = blocks;
                lastHeaderBlock = nextBlock++;
                if (CONDITIONAL.contains(first.text())) {
                    blocks = with(blocks, lastHeaderBlock);
                }
                int header = lastHeaderBlock;
                statements(tokens.subList(colon + 1, tokens.size()), out);
                blocks = around;
                lastHeaderBlock = header;
                return;
            }
        }
        int start = 0;
        int level = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            if (i < tokens.size()) {
                Token x = tokens.get(i);
                if (x.is("(") || x.is("[") || x.is("{")) {
                    level++;
                } else if (x.is(")") || x.is("]") || x.is("}")) {
                    level--;
                }
                if (!(level == 0 && x.is(";"))) {
                    continue;
                }
            }
            if (i > start) {
                List<Token> part = tokens.subList(start, i);
                try {
                    emit(out, simple(part));
                } catch (ParseError e) {
                    emit(out, new Tainted(names(part)));
                }
            }
            start = i + 1;
        }
    }

    private static int colonAtDepth0(List<Token> tokens, int from) {
        int level = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token x = tokens.get(i);
            if (x.is("(") || x.is("[") || x.is("{")) {
                level++;
            } else if (x.is(")") || x.is("]") || x.is("}")) {
                level--;
            } else if (level == 0 && x.is("lambda")) {
                return -1;
            } else if (level == 0 && x.is(":")) {
                return i;
            }
        }
        return -1;
    }

    private static Set<String> names(List<Token> tokens) {
        Set<String> names = new java.util.HashSet<>();
        for (Token x : tokens) {
            if (x.type() == Type.NAME) {
                names.add(x.text());
            }
        }
        return names;
    }

    private void header(List<Token> tokens, List<Located> out) throws ParseError {
        start(tokens.get(0).is("async") ? tokens.subList(1, tokens.size()) : tokens);
        String word = t.get(0).text();
        p = 1;
        switch (word) {
            case "if", "elif", "while" -> {
                emit(out, new Expr(List.of(test())));
                end();
            }
            case "else", "try", "finally" -> end();
            case "except" -> {
                List<String> names = new ArrayList<>();
                if (!atEnd()) {
                    if (peek("*")) {
                        p++;
                    }
                    Node type = test();
                    if (peek("as")) {
                        p++;
                        names.add(name());
                    }
                    emit(out, new Expr(List.of(type)));
                }
                end();
                emit(out, new Bind(names, null));
            }
            case "for" -> {
                List<String> names = new ArrayList<>();
                while (!peek("in")) {
                    if (atEnd()) {
                        throw new ParseError();
                    }
                    Token x = t.get(p++);
                    if (x.type() == Type.NAME) {
                        names.add(x.text());
                    }
                }
                p++;
                emit(out, new Bind(names, null));
                emit(out, new Expr(List.of(testList())));
                end();
            }
            case "with" -> {
                boolean parens = peek("(") && colonAtDepth0(t, p) < 0 && closes(p);
                if (parens) {
                    p++;
                }
                do {
                    Node source = test();
                    if (peek("as")) {
                        p++;
                        Node target = atomTrailers();
                        emit(out, new Bind(target instanceof Name n ? List.of(n.id()) : List.copyOf(targetNames(target)),
                                target instanceof Name ? source : null));
                    } else {
                        emit(out, new Expr(List.of(source)));
                    }
                } while (accept(",") && !(parens && peek(")")));
                if (parens) {
                    expect(")");
                }
                end();
            }
            case "class" -> {
                emit(out, new Bind(List.of(name()), null));
                if (peek("(")) {
                    emit(out, new Expr(List.of(atomTrailers())));
                }
            }
            default -> throw new ParseError();
        }
    }

    /** Whether the parenthesis at {@code open} closes at the end of the header (a parenthesized with-item list). */
    private boolean closes(int open) {
        int level = 0;
        for (int i = open; i < t.size(); i++) {
            if (t.get(i).is("(") || t.get(i).is("[") || t.get(i).is("{")) {
                level++;
            } else if (t.get(i).is(")") || t.get(i).is("]") || t.get(i).is("}")) {
                level--;
                if (level == 0) {
                    return i == t.size() - 1;
                }
            }
        }
        return false;
    }

    private Stmt simple(List<Token> tokens) throws ParseError {
        start(tokens);
        Token first = t.get(0);
        if (first.type() == Type.NAME) {
            switch (first.text()) {
                case "import" -> {
                    p = 1;
                    List<String[]> names = new ArrayList<>();
                    do {
                        String module = dotted();
                        String alias = accept("as") ? name() : null;
                        names.add(new String[] {module, alias});
                    } while (accept(","));
                    end();
                    return new Import(null, 0, names);
                }
                case "from" -> {
                    p = 1;
                    int level = 0;
                    while (peek(".") || peek("...")) {
                        level += t.get(p++).text().length();
                    }
                    String module = peek("import") ? "" : dotted();
                    expect("import");
                    List<String[]> names = new ArrayList<>();
                    boolean parens = accept("(");
                    do {
                        if (parens && peek(")")) {
                            break;
                        }
                        String n = accept("*") ? "*" : name();
                        names.add(new String[] {n, accept("as") ? name() : null});
                    } while (accept(","));
                    if (parens) {
                        expect(")");
                    }
                    end();
                    return new Import(module, level, names);
                }
                case "return" -> {
                    p = 1;
                    Node v = atEnd() ? null : testList();
                    end();
                    return new Return(v);
                }
                case "del", "global", "nonlocal" -> {
                    p = 1;
                    List<String> names = new ArrayList<>();
                    while (!atEnd()) {
                        Token x = t.get(p++);
                        if (x.type() == Type.NAME) {
                            names.add(x.text());
                        }
                    }
                    return first.is("del") ? new Bind(names, null) : new Global(names);
                }
                case "pass", "break", "continue" -> {
                    return new Expr(List.of());
                }
                case "raise", "assert" -> {
                    p = 1;
                    List<Node> values = new ArrayList<>();
                    while (!atEnd()) {
                        values.add(test());
                        if (!accept(",") && !accept("from")) {
                            break;
                        }
                    }
                    end();
                    return new Expr(values);
                }
                case "print", "exec" -> {
                    if (t.size() > 1 && (t.get(1).type() == Type.STRING || t.get(1).type() == Type.NAME)) {
                        throw new ParseError(); // Python 2 statement
                    }
                }
                default -> {
                    // an expression or assignment
                }
            }
        }
        if (first.is("@")) {
            p = 1;
            Node decorator = test();
            end();
            return new Expr(List.of(decorator));
        }
        p = 0;
        Node value = testList();
        if (atEnd()) {
            return new Expr(List.of(value));
        }
        if (peek(":")) {
            p++;
            Node annotation = test();
            if (atEnd()) {
                return new Expr(List.of(annotation));
            }
            expect("=");
            Node v = testList();
            end();
            return new Assign(List.of(value), v);
        }
        Token op = t.get(p);
        if (op.type() == Type.OP && op.text().length() >= 2 && op.text().endsWith("=")
                && !op.text().equals("==") && !op.text().equals("<=") && !op.text().equals(">=")
                && !op.text().equals("!=")) {
            p++;
            Node v = testList();
            end();
            return new AugAssign(value, v);
        }
        List<Node> targets = new ArrayList<>();
        targets.add(value);
        Node v = value;
        while (accept("=")) {
            v = peek("yield") ? opaqueRest() : testList();
            targets.add(v);
        }
        end();
        targets.remove(targets.size() - 1);
        return new Assign(targets, v);
    }

    /** The names a target binds ({@code a}, {@code a, b}, {@code [a, *b]}); attributes and subscripts bind none. */
    static List<String> targetNames(Node target) {
        List<String> out = new ArrayList<>();
        if (target instanceof Name n) {
            out.add(n.id());
        } else if (target instanceof Seq s) {
            for (Node i : s.items()) {
                out.addAll(targetNames(i));
            }
        } else if (target instanceof Starred s) {
            out.addAll(targetNames(s.value()));
        }
        return out;
    }

    // ---- expressions

    private void start(List<Token> tokens) {
        t = tokens;
        p = 0;
        depth = 0;
    }

    private boolean atEnd() {
        return p >= t.size();
    }

    private boolean peek(String s) {
        return p < t.size() && t.get(p).is(s) && t.get(p).type() != Type.STRING;
    }

    private boolean accept(String s) {
        if (peek(s)) {
            p++;
            return true;
        }
        return false;
    }

    private void expect(String s) throws ParseError {
        if (!accept(s)) {
            throw new ParseError();
        }
    }

    private void end() throws ParseError {
        if (!atEnd()) {
            throw new ParseError();
        }
    }

    private String name() throws ParseError {
        if (atEnd() || t.get(p).type() != Type.NAME) {
            throw new ParseError();
        }
        return t.get(p++).text();
    }

    private String dotted() throws ParseError {
        StringBuilder s = new StringBuilder(name());
        while (accept(".")) {
            s.append('.').append(name());
        }
        return s.toString();
    }

    private Node opaqueRest() {
        p = t.size();
        return new Opaque(List.of());
    }

    private Node testList() throws ParseError {
        Node first = peek("*") ? star() : test();
        if (!peek(",")) {
            return first;
        }
        List<Node> items = new ArrayList<>();
        items.add(first);
        while (accept(",")) {
            if (atEnd() || peek("=") || peek(")") || peek(":") || isAugmented()) {
                break;
            }
            items.add(peek("*") ? star() : test());
        }
        return new Seq(items, true);
    }

    private boolean isAugmented() {
        Token x = t.get(p);
        return x.type() == Type.OP && x.text().length() >= 2 && x.text().endsWith("=") && !x.text().equals("==");
    }

    private Node star() throws ParseError {
        expect("*");
        return new Starred(bitOr());
    }

    private Node test() throws ParseError {
        if (++depth > MAX_DEPTH) {
            throw new ParseError();
        }
        try {
            if (accept("lambda")) {
                while (!peek(":")) {
                    if (atEnd()) {
                        throw new ParseError();
                    }
                    p++;
                }
                p++;
                return new Opaque(List.of(test()));
            }
            if (accept("yield")) {
                accept("from");
                return new Opaque(atEnd() || peek(")") ? List.of() : List.of(testList()));
            }
            Node n = orTest();
            if (peek("if")) {
                p++;
                Node cond = orTest();
                expect("else");
                Node other = test();
                return new Opaque(List.of(n, cond, other));
            }
            if (peek(":=")) {
                p++;
                return new Opaque(List.of(n, test()));
            }
            return n;
        } finally {
            depth--;
        }
    }

    private Node orTest() throws ParseError {
        Node n = andTest();
        while (peek("or")) {
            p++;
            n = new Opaque(List.of(n, andTest()));
        }
        return n;
    }

    private Node andTest() throws ParseError {
        Node n = notTest();
        while (peek("and")) {
            p++;
            n = new Opaque(List.of(n, notTest()));
        }
        return n;
    }

    private Node notTest() throws ParseError {
        if (accept("not")) {
            return new Opaque(List.of(notTest()));
        }
        Node n = bitOr();
        while (!atEnd() && COMPARISON.contains(t.get(p).text()) && t.get(p).type() != Type.STRING) {
            String op = t.get(p++).text();
            if (op.equals("not")) {
                expect("in");
            } else if (op.equals("is")) {
                accept("not");
            }
            n = new Opaque(List.of(n, bitOr()));
        }
        return n;
    }

    private Node bitOr() throws ParseError {
        Node n = binary(0);
        return n;
    }

    private static final List<Set<String>> LEVELS = List.of(Set.of("|"), Set.of("^"), Set.of("&"), Set.of("<<", ">>"),
            Set.of("+", "-"), Set.of("*", "/", "//", "%", "@"));

    private Node binary(int level) throws ParseError {
        if (level == LEVELS.size()) {
            return factor();
        }
        Node n = binary(level + 1);
        while (!atEnd() && t.get(p).type() == Type.OP && LEVELS.get(level).contains(t.get(p).text())) {
            String op = t.get(p++).text();
            Node right = binary(level + 1);
            n = op.equals("+") || op.equals("/") || op.equals("%") ? new BinOp(op, n, right)
                    : new Opaque(List.of(n, right));
        }
        return n;
    }

    private Node factor() throws ParseError {
        if (peek("-") || peek("+") || peek("~")) {
            p++;
            return new Opaque(List.of(factor()));
        }
        if (accept("await")) {
            return new Opaque(List.of(factor()));
        }
        Node n = atomTrailers();
        if (accept("**")) {
            return new Opaque(List.of(n, factor()));
        }
        return n;
    }

    private Node atomTrailers() throws ParseError {
        if (++depth > MAX_DEPTH) {
            throw new ParseError();
        }
        try {
            Node n = atom();
            while (true) {
                if (accept(".")) {
                    n = new Attr(n, name());
                } else if (peek("(")) {
                    p++;
                    n = call(n);
                } else if (accept("[")) {
                    n = subscript(n);
                } else {
                    return n;
                }
            }
        } finally {
            depth--;
        }
    }

    private Node call(Node func) throws ParseError {
        List<Node> args = new ArrayList<>();
        List<Keyword> keywords = new ArrayList<>();
        while (!accept(")")) {
            if (accept("**")) {
                keywords.add(new Keyword(null, test()));
            } else if (peek("*")) {
                args.add(star());
            } else if (p + 1 < t.size() && t.get(p).type() == Type.NAME && t.get(p + 1).is("=")) {
                String k = t.get(p).text();
                p += 2;
                keywords.add(new Keyword(k, test()));
            } else {
                Node a = test();
                if (peek("for") || peek("async")) {
                    a = comprehension(a, ")");
                    expect(")");
                    args.add(a);
                    break;
                }
                args.add(a);
            }
            if (!accept(",")) {
                expect(")");
                break;
            }
        }
        return new Call(func, args, keywords);
    }

    private Node subscript(Node target) throws ParseError {
        List<Node> parts = new ArrayList<>();
        boolean slice = false;
        while (!accept("]")) {
            if (peek(":")) {
                slice = true;
                p++;
                continue;
            }
            parts.add(peek("*") ? star() : test());
            if (peek(":")) {
                continue;
            }
            if (!accept(",")) {
                expect("]");
                break;
            }
            slice = true;
        }
        if (slice || parts.size() != 1) {
            List<Node> children = new ArrayList<>(parts);
            children.add(0, target);
            return new Opaque(children);
        }
        return new Subscript(target, parts.get(0));
    }

    /** Skips a comprehension's clauses up to the closing bracket (not consumed); keeps the element. */
    private Node comprehension(Node element, String close) throws ParseError {
        int level = 0;
        while (!atEnd()) {
            Token x = t.get(p);
            if (x.is("(") || x.is("[") || x.is("{")) {
                level++;
            } else if (x.is(")") || x.is("]") || x.is("}")) {
                if (level == 0) {
                    if (!x.is(close)) {
                        throw new ParseError();
                    }
                    return new Opaque(List.of(element));
                }
                level--;
            }
            p++;
        }
        throw new ParseError();
    }

    private Node atom() throws ParseError {
        if (atEnd()) {
            throw new ParseError();
        }
        Token x = t.get(p);
        switch (x.type()) {
            case NAME -> {
                if (KEYWORDS.contains(x.text())) {
                    throw new ParseError();
                }
                p++;
                return new Name(x.text());
            }
            case NUMBER -> {
                p++;
                return new Num(x.text());
            }
            case STRING -> {
                StringBuilder s = new StringBuilder();
                boolean known = true;
                while (!atEnd() && t.get(p).type() == Type.STRING) {
                    String v = t.get(p++).value();
                    if (v == null) {
                        known = false;
                    } else {
                        s.append(v);
                    }
                }
                return new Str(known ? s.toString() : null);
            }
            default -> {
                // brackets and the ellipsis below
            }
        }
        if (accept("...")) {
            return new Opaque(List.of());
        }
        if (accept("(")) {
            if (accept(")")) {
                return new Seq(List.of(), true);
            }
            Node first = peek("*") ? star() : test();
            if (peek("for") || peek("async")) {
                Node c = comprehension(first, ")");
                expect(")");
                return c;
            }
            if (accept(")")) {
                return first;
            }
            List<Node> items = new ArrayList<>();
            items.add(first);
            while (accept(",")) {
                if (peek(")")) {
                    break;
                }
                items.add(peek("*") ? star() : test());
            }
            expect(")");
            return new Seq(items, true);
        }
        if (accept("[")) {
            List<Node> items = new ArrayList<>();
            while (!accept("]")) {
                Node item = peek("*") ? star() : test();
                if (peek("for") || peek("async")) {
                    Node c = comprehension(item, "]");
                    expect("]");
                    return c;
                }
                items.add(item);
                if (!accept(",")) {
                    expect("]");
                    break;
                }
            }
            return new Seq(items, false);
        }
        if (accept("{")) {
            List<Node> keys = new ArrayList<>();
            List<Node> values = new ArrayList<>();
            List<Node> setItems = new ArrayList<>();
            while (!accept("}")) {
                if (accept("**")) {
                    keys.add(null);
                    values.add(bitOr());
                } else {
                    Node k = peek("*") ? star() : test();
                    if (accept(":")) {
                        Node v = test();
                        if (peek("for") || peek("async")) {
                            Node c = comprehension(v, "}");
                            expect("}");
                            return c;
                        }
                        keys.add(k);
                        values.add(v);
                    } else {
                        if (peek("for") || peek("async")) {
                            Node c = comprehension(k, "}");
                            expect("}");
                            return c;
                        }
                        setItems.add(k);
                    }
                }
                if (!accept(",")) {
                    expect("}");
                    break;
                }
            }
            if (!setItems.isEmpty()) {
                setItems.addAll(values);
                return new Opaque(setItems);
            }
            return new Dict(keys, values);
        }
        throw new ParseError();
    }
}
