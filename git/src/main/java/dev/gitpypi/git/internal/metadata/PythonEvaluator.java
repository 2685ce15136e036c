package dev.gitpypi.git.internal.metadata;

import dev.gitpypi.git.internal.metadata.PythonParser.Assign;
import dev.gitpypi.git.internal.metadata.PythonParser.AugAssign;
import dev.gitpypi.git.internal.metadata.PythonParser.Bind;
import dev.gitpypi.git.internal.metadata.PythonParser.Call;
import dev.gitpypi.git.internal.metadata.PythonParser.Def;
import dev.gitpypi.git.internal.metadata.PythonParser.Expr;
import dev.gitpypi.git.internal.metadata.PythonParser.Import;
import dev.gitpypi.git.internal.metadata.PythonParser.Keyword;
import dev.gitpypi.git.internal.metadata.PythonParser.Located;
import dev.gitpypi.git.internal.metadata.PythonParser.Node;
import dev.gitpypi.git.internal.metadata.PythonParser.Return;
import dev.gitpypi.git.internal.metadata.PythonParser.Stmt;
import dev.gitpypi.git.internal.metadata.PythonParser.Tainted;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Works out the values a Python module would give its names — for literals and the few indirections real
 * {@code setup.py} files use — by reading the source, never by running it. A name has a value only when every
 * place that binds it agrees: one assignment (or several that give the same value), no loop variable, parameter,
 * {@code del} or augmented assignment, and no mutation other than those modelled for dicts ({@code d[k] = v},
 * {@code d.update(...)}, {@code exec(code, d)}). Everything else is {@link Unknown}, so a value this class returns
 * is one the module really has whenever the statements that give it run.
 *
 * <p>Modelled: string literals and {@code +}; lists, tuples and dicts of them ({@code dict(...)} too); names bound
 * by assignment or import; {@code __file__}, {@code os.path.join/dirname/abspath/realpath/normpath},
 * {@code pathlib.Path} with {@code /} and {@code .parent}; {@code open(p).read()}, {@code io.open},
 * {@code codecs.open}, {@code with open(p) as f: f.read()}, {@code Path.read_text()}, {@code .decode()},
 * {@code .strip()}, {@code .splitlines()}; {@code exec(open(p).read(), d)} (and without {@code d}) filling
 * {@code d} with the constants of {@code p}; {@code from pkg import __version__} and {@code import pkg} for modules
 * of the tree; {@code functools.partial(setup, ...)}; and two heuristics for helper functions defined in the file:
 * a call with string arguments to a function whose body mentions {@code __version__} reads {@code __version__}
 * from the file those arguments name (or from the one {@code .py} file the body names), and one whose body reads a
 * file gives that file's text.
 *
 * <p>Bounded: at most {@value #MAX_STEPS} evaluation steps, {@value #MAX_FILES} files, modules nested
 * {@value #MAX_NESTING} deep and strings of {@value #MAX_STRING} characters; past a bound the value is unknown. Not
 * thread-safe: one instance per project folder.
 */
final class PythonEvaluator {
    static final int MAX_STEPS = 200_000;
    static final int MAX_FILES = 32;
    static final int MAX_NESTING = 4;
    static final int MAX_STRING = 4 << 20;

    /** A value. */
    sealed interface Value permits Str, Bytes, Num, Const, Seq, Dict, PathV, FileV, Module, ProjectModule, Func,
            Method, Partial, LocalFunc, Unknown {
    }

    /** A string. */
    record Str(String s) implements Value {
    }

    /** Bytes read from a file opened in binary mode, as Latin-1 text (decoded by {@code .decode()}). */
    record Bytes(byte[] data) implements Value {
        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Bytes b && java.util.Arrays.equals(b.data, data);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Bytes[" + data.length + "]";
        }
    }

    /** A number, as written. */
    record Num(String text) implements Value {
    }

    /** {@code True}, {@code False} or {@code None}. */
    record Const(String name) implements Value {
    }

    /** A list or tuple. */
    record Seq(List<Value> items, boolean tuple) implements Value {
    }

    /** A dict with string keys. */
    record Dict(Map<String, Value> entries) implements Value {
    }

    /**
     * A path relative to the project folder (the folder {@code setup.py} runs in), normalized; {@code ""} is the
     * folder, leading {@code ..} components leave it.
     */
    record PathV(String path) implements Value {
    }

    /** A file opened with {@code open()}. */
    record FileV(String path, boolean binary) implements Value {
    }

    /** A module of the standard library or of setuptools, by dotted name. */
    record Module(String name) implements Value {
    }

    /** A module of the project's own tree. */
    record ProjectModule(String path, int nesting) implements Value {
    }

    /** A function this evaluator knows, by qualified name ({@code open}, {@code os.path.join}, {@code setup}). */
    record Func(String name) implements Value {
    }

    /** A bound method, such as {@code f.read} for a file {@code f}. */
    record Method(Value self, String name) implements Value {
    }

    /** {@code functools.partial(func, *args, **kwargs)}. */
    record Partial(Value func, Map<String, Value> keywords, boolean unknownKeywords) implements Value {
    }

    /** A function defined in the module. */
    record LocalFunc(Def def, Parsed module) implements Value {
        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof LocalFunc f && f.def == def;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(def);
        }
    }

    /** Not known. */
    enum Unknown implements Value {
        /** The one unknown value. */
        VALUE
    }

    static final Value UNKNOWN = Unknown.VALUE;

    /** The functions that are setuptools' (or distutils') {@code setup}. */
    static final Func SETUP = new Func("setup");

    private static final Map<String, Value> LIBRARY = new HashMap<>();

    static {
        for (String m : List.of("os", "os.path", "pathlib", "io", "codecs", "functools", "sys", "re", "setuptools",
                "distutils", "distutils.core", "skbuild", "glob", "platform", "subprocess", "ast", "runpy")) {
            LIBRARY.put(m, new Module(m));
        }
        for (String f : List.of("os.path.join", "os.path.dirname", "os.path.abspath", "os.path.realpath",
                "os.path.normpath", "os.getcwd", "pathlib.Path", "pathlib.PurePath", "io.open", "codecs.open",
                "functools.partial")) {
            LIBRARY.put(f, new Func(f));
        }
        LIBRARY.put("setuptools.setup", SETUP);
        LIBRARY.put("distutils.core.setup", SETUP);
        LIBRARY.put("skbuild.setup", SETUP);
    }

    private static final Set<String> BUILTINS = Set.of("open", "dict", "str", "list", "tuple", "compile", "exec",
            "sorted");
    private static final Set<String> DICT_MUTATORS = Set.of("update", "setdefault");
    private static final Set<String> MUTATORS = Set.of("append", "extend", "insert", "remove", "pop", "clear", "add",
            "discard", "sort", "reverse", "popitem", "update", "setdefault", "__setitem__", "__delitem__");

    /**
     * Where an expression is evaluated: a scope, and the position of its statement in that scope (names take the
     * value of the bindings before it; {@link Integer#MAX_VALUE} for "after everything", as a function called at
     * the end of a module sees it).
     *
     * @param scope the scope
     * @param pos the statement's position
     * @param blocks the conditional blocks that hold the statement ({@link Located#blocks()})
     */
    record At(Scope scope, int pos, List<Integer> blocks) {
    }

    /** A call expression and where it is evaluated. */
    record CallSite(Call call, At at) {
    }

    /** A parsed module: its statements, its module scope and every call in it. */
    final class Parsed {
        final @Nullable String path;
        final int nesting;
        final Scope scope;
        /** Every call expression, for finding {@code setup()}. */
        final List<CallSite> calls = new ArrayList<>();

        Parsed(@Nullable String path, int nesting, List<Located> statements) {
            this.path = path;
            this.nesting = nesting;
            this.scope = new Scope(this, null);
            scope.collect(statements);
        }

        /**
         * The value a module-level name has once the module has run.
         *
         * @param name the name
         * @return its value, or {@link #UNKNOWN}
         */
        Value lookup(String name) {
            return scope.lookup(name, Integer.MAX_VALUE, List.of());
        }
    }

    /**
     * One binding or mutation of a name: its statement's position, whether that statement may not run, and what it
     * does (an {@link Assign}, a {@link Def}, a {@code with} {@link Bind}, an import {@code String[]}, a mutation
     * {@code Object[]}, or {@link #OPAQUE}).
     */
    private record Entry(int pos, List<Integer> blocks, Object what) {
        /** Whether this entry has surely run when a statement in {@code useBlocks} runs after it. */
        boolean runsBefore(List<Integer> useBlocks) {
            return useBlocks.size() >= blocks.size() && useBlocks.subList(0, blocks.size()).equals(blocks);
        }
    }

    /** A binding that makes a name unknown (a loop variable, a parameter, {@code del}, {@code +=}, ...). */
    private static final Object OPAQUE = new Object();

    /**
     * The names of a module or of one function, flow-sensitively: for each name the bindings and mutations in
     * statement order, with the conditional blocks that hold each. A name's value at a statement is the value of its
     * last binding before it that surely ran (in no conditional block, or in a block that also holds the statement)
     * — when bindings that may not have run follow it, they must all give the same value — with the mutations since
     * applied (each of which must surely have run). A function's scope looks up the names it does not bind in its
     * module's scope, as the module is once it has run.
     */
    final class Scope {
        final Parsed module;
        final @Nullable Scope parent;
        private final Map<String, List<Entry>> bindings = new HashMap<>();
        private final Map<String, List<Entry>> mutations = new HashMap<>();
        /** The code arguments of {@code exec(code)} calls without a namespace (they fill the globals). */
        private final List<Entry> globalExecs = new ArrayList<>();
        private final Map<String, Value> cache = new HashMap<>();
        private final Set<String> evaluating = new HashSet<>();
        private int pos;
        private List<Integer> blocks = List.of();

        Scope(Parsed module, @Nullable Scope parent) {
            this.module = module;
            this.parent = parent;
        }

        /** Whether this scope binds a name itself (so it does not come from the module). */
        boolean binds(String name) {
            return bindings.containsKey(name) || mutations.containsKey(name);
        }

        private void bind(String name, Object what) {
            bindings.computeIfAbsent(name, k -> new ArrayList<>()).add(new Entry(pos, blocks, what));
        }

        private void mutate(String name, Object[] what) {
            mutations.computeIfAbsent(name, k -> new ArrayList<>()).add(new Entry(pos, blocks, what));
        }

        private void collect(List<Located> stmts) {
            for (Located located : stmts) {
                pos++;
                blocks = located.blocks();
                Stmt s = located.stmt();
                if (s instanceof Import i) {
                    imports(i);
                } else if (s instanceof Assign a) {
                    walk(a.value());
                    for (Node target : a.targets()) {
                        bindTarget(target, a.value());
                    }
                } else if (s instanceof AugAssign a) {
                    walk(a.value());
                    PythonParser.targetNames(a.target()).forEach(n -> bind(n, OPAQUE));
                    if (a.target() instanceof PythonParser.Subscript sub
                            && sub.target() instanceof PythonParser.Name n) {
                        bind(n.id(), OPAQUE);
                    }
                } else if (s instanceof Expr e) {
                    e.values().forEach(this::walk);
                } else if (s instanceof Def d) {
                    bind(d.name(), d);
                    Scope inner = new Scope(module, this);
                    d.params().forEach(n -> inner.bind(n, OPAQUE));
                    inner.collect(d.body());
                    for (Located l : d.body()) {
                        if (l.stmt() instanceof PythonParser.Global g) {
                            g.names().forEach(n -> {
                                bind(n, OPAQUE);
                                inner.bind(n, OPAQUE);
                            });
                        }
                    }
                } else if (s instanceof Bind b) {
                    if (b.source() != null && b.names().size() == 1) {
                        walk(b.source());
                        bind(b.names().get(0), b);
                    } else {
                        b.names().forEach(n -> bind(n, OPAQUE));
                    }
                } else if (s instanceof Return r) {
                    if (r.value() != null) {
                        walk(r.value());
                    }
                } else if (s instanceof Tainted t) {
                    t.names().forEach(n -> bind(n, OPAQUE));
                }
            }
        }

        private void imports(Import i) {
            for (String[] pair : i.names()) {
                String name = pair[0];
                String alias = pair[1];
                if (i.from() == null) {
                    String bound = alias != null ? alias : name.split("\\.")[0];
                    String module = alias != null ? name : name.split("\\.")[0];
                    bind(bound, new String[] {"import", module});
                } else if (name.equals("*")) {
                    globalExecs.add(new Entry(pos, blocks, new PythonParser.Str(null)));
                } else if (i.level() > 0) {
                    bind(alias != null ? alias : name, OPAQUE);
                } else {
                    bind(alias != null ? alias : name, new String[] {"from", i.from(), name});
                }
            }
        }

        private void bindTarget(Node target, Node value) {
            if (target instanceof PythonParser.Name n) {
                bind(n.id(), new Assign(List.of(target), value));
            } else if (target instanceof PythonParser.Subscript sub && sub.target() instanceof PythonParser.Name n) {
                mutate(n.id(), new Object[] {"setitem", sub.index(), value});
            } else if (target instanceof PythonParser.Attr attr) {
                walk(attr.target());
            } else {
                PythonParser.targetNames(target).forEach(n -> bind(n, OPAQUE));
            }
        }

        /** Records calls, exec calls and mutations found in an expression. */
        private void walk(Node n) {
            if (n instanceof Call c) {
                module.calls.add(new CallSite(c, new At(this, pos, blocks)));
                if (c.func() instanceof PythonParser.Name f && f.id().equals("exec")) {
                    if (c.args().size() == 1) {
                        globalExecs.add(new Entry(pos, blocks, c.args().get(0)));
                    } else if (c.args().size() >= 2 && c.args().get(1) instanceof PythonParser.Name ns) {
                        mutate(ns.id(), new Object[] {"exec", c.args().get(0)});
                    }
                } else if (c.func() instanceof PythonParser.Attr a && a.target() instanceof PythonParser.Name self
                        && MUTATORS.contains(a.name())) {
                    mutate(self.id(), new Object[] {a.name(), c});
                }
                walk(c.func());
                c.args().forEach(this::walk);
                c.keywords().forEach(k -> walk(k.value()));
            } else if (n instanceof PythonParser.Attr a) {
                walk(a.target());
            } else if (n instanceof PythonParser.Subscript s) {
                walk(s.target());
                walk(s.index());
            } else if (n instanceof PythonParser.Seq s) {
                s.items().forEach(this::walk);
            } else if (n instanceof PythonParser.Dict d) {
                d.keys().forEach(k -> {
                    if (k != null) {
                        walk(k);
                    }
                });
                d.values().forEach(this::walk);
            } else if (n instanceof PythonParser.BinOp b) {
                walk(b.left());
                walk(b.right());
            } else if (n instanceof PythonParser.Opaque o) {
                o.children().forEach(this::walk);
            } else if (n instanceof PythonParser.Starred s) {
                walk(s.value());
            }
        }

        /**
         * The value of a name at a position of this scope.
         *
         * @param name the name
         * @param at the position of the statement that uses it
         * @param useBlocks the conditional blocks that hold that statement
         * @return its value, or {@link #UNKNOWN}
         */
        Value lookup(String name, int at, List<Integer> useBlocks) {
            if (parent != null && !binds(name)) {
                return parent.lookup(name, Integer.MAX_VALUE, List.of());
            }
            String key = name + "@" + at;
            Value cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
            if (!evaluating.add(key)) {
                return UNKNOWN;
            }
            try {
                Value v = resolve(name, at, useBlocks);
                cache.put(key, v);
                return v;
            } finally {
                evaluating.remove(key);
            }
        }

        private Value resolve(String name, int at, List<Integer> useBlocks) {
            List<Entry> before = new ArrayList<>();
            for (Entry e : bindings.getOrDefault(name, List.of())) {
                if (e.pos() < at) {
                    before.add(e);
                }
            }
            if (before.isEmpty()) {
                return unbound(name, at, useBlocks);
            }
            int last = before.size() - 1;
            while (last >= 0 && !before.get(last).runsBefore(useBlocks)) {
                last--;
            }
            if (last < 0) {
                return UNKNOWN;
            }
            Value value = null;
            for (Entry e : before.subList(last, before.size())) {
                Value v = e.what() == OPAQUE ? UNKNOWN : binding(e);
                if (v == UNKNOWN || (value != null && !value.equals(v))) {
                    return UNKNOWN;
                }
                value = v;
            }
            List<Entry> changes = new ArrayList<>();
            for (Entry m : mutations.getOrDefault(name, List.of())) {
                if (m.pos() >= before.get(last).pos() && m.pos() < at) {
                    if (!m.runsBefore(useBlocks)) {
                        return UNKNOWN;
                    }
                    changes.add(m);
                }
            }
            return changes.isEmpty() ? Objects.requireNonNull(value) : mutate(Objects.requireNonNull(value), changes);
        }

        private Value unbound(String name, int at, List<Integer> useBlocks) {
            if (name.equals("__file__")) {
                return module.path == null ? UNKNOWN : new PathV(module.path);
            }
            if (name.equals("True") || name.equals("False") || name.equals("None")) {
                return new Const(name);
            }
            for (Entry e : globalExecs) {
                if (e.pos() >= at) {
                    continue;
                }
                Value constants = execute(eval((Node) e.what(), new At(this, e.pos(), e.blocks())),
                        module.nesting + 1);
                if (constants instanceof Dict d && d.entries().containsKey(name)) {
                    return e.runsBefore(useBlocks) ? d.entries().get(name) : UNKNOWN;
                }
                if (constants == UNKNOWN) {
                    return UNKNOWN;
                }
            }
            if (BUILTINS.contains(name)) {
                return new Func(name);
            }
            return UNKNOWN;
        }

        private Value binding(Entry e) {
            At at = new At(this, e.pos(), e.blocks());
            Object b = e.what();
            if (b instanceof Assign a) {
                return eval(a.value(), at);
            }
            if (b instanceof Def d) {
                return new LocalFunc(d, module);
            }
            if (b instanceof Bind w) {
                return eval(Objects.requireNonNull(w.source()), at);
            }
            String[] imp = (String[]) b;
            if (imp[0].equals("import")) {
                Value lib = LIBRARY.get(imp[1]);
                return lib != null ? lib : projectModule(imp[1], module.nesting);
            }
            Value from = LIBRARY.get(imp[1]);
            if (from != null) {
                return attribute(from, imp[2]);
            }
            Value sub = projectModule(imp[1] + "." + imp[2], module.nesting);
            if (sub != UNKNOWN) {
                return sub;
            }
            return attribute(projectModule(imp[1], module.nesting), imp[2]);
        }

        private Value mutate(Value value, List<Entry> changes) {
            if (!(value instanceof Dict d)) {
                return UNKNOWN;
            }
            Map<String, Value> entries = new LinkedHashMap<>(d.entries());
            for (Entry e : changes) {
                Object[] change = (Object[]) e.what();
                At at = new At(this, e.pos(), e.blocks());
                String kind = (String) change[0];
                switch (kind) {
                    case "setitem" -> {
                        if (!(eval((Node) change[1], at) instanceof Str key)) {
                            return UNKNOWN;
                        }
                        entries.put(key.s(), eval((Node) change[2], at));
                    }
                    case "exec" -> {
                        if (!(execute(eval((Node) change[1], at), module.nesting + 1) instanceof Dict constants)) {
                            return UNKNOWN;
                        }
                        entries.putAll(constants.entries());
                    }
                    default -> {
                        Call call = (Call) change[1];
                        if (!DICT_MUTATORS.contains(kind) || !update(entries, kind, call, at)) {
                            return UNKNOWN;
                        }
                    }
                }
            }
            return new Dict(entries);
        }

        /** Applies {@code d.update(...)} or {@code d.setdefault(k, v)}; false when its effect is not known. */
        private boolean update(Map<String, Value> entries, String kind, Call call, At at) {
            if (kind.equals("setdefault")) {
                if (call.args().size() == 2 && eval(call.args().get(0), at) instanceof Str k) {
                    entries.putIfAbsent(k.s(), eval(call.args().get(1), at));
                    return true;
                }
                return false;
            }
            for (Keyword k : call.keywords()) {
                if (k.name() == null) {
                    return false;
                }
                entries.put(k.name(), eval(k.value(), at));
            }
            if (call.args().size() > 1) {
                return false;
            }
            if (call.args().size() == 1) {
                Node arg = call.args().get(0);
                Value v = eval(arg, at);
                if (v instanceof Dict other) {
                    entries.putAll(other.entries());
                } else if (resultKeys(arg, at) != null) {
                    Objects.requireNonNull(resultKeys(arg, at)).forEach(key -> entries.put(key, UNKNOWN));
                } else {
                    return false;
                }
            }
            return true;
        }

        /** @return the names this scope binds, for the constants of executed code */
        Set<String> names() {
            Set<String> all = new java.util.TreeSet<>(bindings.keySet());
            all.addAll(mutations.keySet());
            return all;
        }

        /** @return whether code executed in this scope without a namespace could define more names */
        boolean hasGlobalExecs() {
            return !globalExecs.isEmpty();
        }
    }

    private final TreeFiles files;
    private final Map<String, Optional<byte[]>> fileCache = new HashMap<>();
    private final Map<String, Parsed> modules = new HashMap<>();
    private int steps;

    PythonEvaluator(TreeFiles files) {
        this.files = files;
    }

    /**
     * Parses a module of the tree.
     *
     * @param path its path in the folder
     * @param nesting how many modules deep (0 for {@code setup.py})
     * @return the module, or empty if the file is missing, too deep or does not tokenize
     */
    Optional<Parsed> module(String path, int nesting) {
        if (nesting > MAX_NESTING) {
            return Optional.empty();
        }
        Parsed known = modules.get(path);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> text = text(path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Parsed> m = parse(text.get(), path, nesting);
        m.ifPresent(p -> modules.put(path, p));
        return m;
    }

    /**
     * Parses source text.
     *
     * @param source the text
     * @param path its path in the folder, for {@code __file__}, or null
     * @param nesting how many modules deep
     * @return the module, or empty if it does not tokenize
     */
    Optional<Parsed> parse(String source, @Nullable String path, int nesting) {
        try {
            return Optional.of(new Parsed(path, nesting, PythonParser.parse(PythonTokenizer.lines(source))));
        } catch (PythonTokenizer.SyntaxError e) {
            return Optional.empty();
        }
    }

    /** The text of a file of the folder, if it is there and is UTF-8 (bounded by {@link TreeFiles}). */
    Optional<String> text(String path) {
        return bytes(path).flatMap(b -> {
            try {
                return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString());
            } catch (java.nio.charset.CharacterCodingException e) {
                return Optional.empty();
            }
        });
    }

    private Optional<byte[]> bytes(String path) {
        if (path.isEmpty() || path.equals("..") || path.startsWith("../") || path.startsWith("/")) {
            return Optional.empty();
        }
        Optional<byte[]> known = fileCache.get(path);
        if (known != null) {
            return known;
        }
        Optional<byte[]> read;
        if (fileCache.size() >= MAX_FILES) {
            read = Optional.empty();
        } else {
            try {
                read = files.read(path);
            } catch (IOException | MetadataException e) {
                read = Optional.empty();
            }
        }
        fileCache.put(path, read);
        return read;
    }

    /** The module of the tree a dotted name imports ({@code pkg.mod} is {@code pkg/mod.py} or its package). */
    Value projectModule(String dotted, int nesting) {
        for (String part : dotted.split("\\.")) {
            if (part.isEmpty() || !part.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
                return UNKNOWN;
            }
        }
        String base = dotted.replace('.', '/');
        for (String root : List.of("", "src/")) {
            for (String candidate : List.of(root + base + ".py", root + base + "/__init__.py")) {
                if (bytes(candidate).isPresent()) {
                    return nesting + 1 > MAX_NESTING ? UNKNOWN : new ProjectModule(candidate, nesting + 1);
                }
            }
        }
        return UNKNOWN;
    }

    /** The constants of executed code: a {@link Dict} of the names its assignments give, or {@link #UNKNOWN}. */
    Value execute(Value code, int nesting) {
        if (!(code instanceof Str s) || nesting > MAX_NESTING) {
            return UNKNOWN;
        }
        Optional<Parsed> m = parse(s.s(), null, nesting);
        if (m.isEmpty()) {
            return UNKNOWN;
        }
        Map<String, Value> constants = new LinkedHashMap<>();
        Parsed p = m.get();
        if (p.scope.hasGlobalExecs()) {
            return UNKNOWN;
        }
        for (String name : p.scope.names()) {
            constants.put(name, p.lookup(name));
        }
        return new Dict(constants);
    }

    // ---- expressions

    /**
     * Evaluates an expression in a module.
     *
     * @param n the expression
     * @param m where it is evaluated
     * @return its value, or {@link #UNKNOWN}
     */
    Value eval(Node n, At m) {
        if (++steps > MAX_STEPS) {
            return UNKNOWN;
        }
        if (n instanceof PythonParser.Name name) {
            return m.scope().lookup(name.id(), m.pos(), m.blocks());
        } else if (n instanceof PythonParser.Str s) {
            return s.value() == null ? UNKNOWN : new Str(s.value());
        } else if (n instanceof PythonParser.Num num) {
            return new Num(num.text());
        } else if (n instanceof PythonParser.Seq seq) {
            return sequence(seq, m);
        } else if (n instanceof PythonParser.Dict d) {
            return dict(d, m);
        } else if (n instanceof PythonParser.Attr a) {
            return attribute(eval(a.target(), m), a.name());
        } else if (n instanceof Call c) {
            return call(c, m);
        } else if (n instanceof PythonParser.Subscript s) {
            return subscript(eval(s.target(), m), eval(s.index(), m));
        } else if (n instanceof PythonParser.BinOp b) {
            return binary(b.op(), eval(b.left(), m), eval(b.right(), m));
        } else {
            return UNKNOWN;
        }
    }

    private Value sequence(PythonParser.Seq seq, At m) {
        List<Value> items = new ArrayList<>();
        for (Node item : seq.items()) {
            if (item instanceof PythonParser.Starred s) {
                if (!(eval(s.value(), m) instanceof Seq inner)) {
                    return UNKNOWN;
                }
                items.addAll(inner.items());
            } else {
                items.add(eval(item, m));
            }
        }
        return new Seq(items, seq.tuple());
    }

    private Value dict(PythonParser.Dict d, At m) {
        Map<String, Value> entries = new LinkedHashMap<>();
        for (int i = 0; i < d.keys().size(); i++) {
            Node key = d.keys().get(i);
            Value v = eval(d.values().get(i), m);
            if (key == null) {
                if (!(v instanceof Dict spread)) {
                    return UNKNOWN;
                }
                entries.putAll(spread.entries());
            } else if (eval(key, m) instanceof Str k) {
                entries.put(k.s(), v);
            } else {
                return UNKNOWN;
            }
        }
        return new Dict(entries);
    }

    Value attribute(Value target, String name) {
        if (target instanceof Module mod) {
            return LIBRARY.getOrDefault(mod.name() + "." + name, UNKNOWN);
        } else if (target instanceof ProjectModule pm) {
            Optional<Parsed> parsed = module(pm.path(), pm.nesting());
            if (parsed.isEmpty()) {
                return UNKNOWN;
            }
            if (parsed.get().scope.binds(name)) {
                return parsed.get().lookup(name);
            }
            if (pm.path().endsWith("/__init__.py")) {
                String folder = pm.path().substring(0, pm.path().length() - "/__init__.py".length());
                for (String c : List.of(folder + "/" + name + ".py", folder + "/" + name + "/__init__.py")) {
                    if (bytes(c).isPresent()) {
                        return new ProjectModule(c, pm.nesting());
                    }
                }
            }
            return UNKNOWN;
        } else if (target instanceof PathV p) {
            return name.equals("parent") ? new PathV(join(p.path(), "..")) : new Method(p, name);
        } else if (target instanceof Str s) {
            return new Method(s, name);
        } else if (target instanceof Bytes b) {
            return new Method(b, name);
        } else if (target instanceof FileV f) {
            return new Method(f, name);
        } else if (target instanceof Dict d) {
            return new Method(d, name);
        } else {
            return UNKNOWN;
        }
    }

    private Value subscript(Value target, Value index) {
        if (target instanceof Dict d && index instanceof Str key) {
            return d.entries().getOrDefault(key.s(), UNKNOWN);
        }
        if (target instanceof Seq s && index instanceof Num num) {
            try {
                int i = Integer.parseInt(num.text());
                return i >= 0 && i < s.items().size() ? s.items().get(i) : UNKNOWN;
            } catch (NumberFormatException e) {
                return UNKNOWN;
            }
        }
        return UNKNOWN;
    }

    private static Value binary(String op, Value left, Value right) {
        if (op.equals("+") && left instanceof Str a && right instanceof Str b) {
            return a.s().length() + b.s().length() > MAX_STRING ? UNKNOWN : new Str(a.s() + b.s());
        }
        if (op.equals("+") && left instanceof Seq a && right instanceof Seq b && a.tuple() == b.tuple()) {
            List<Value> items = new ArrayList<>(a.items());
            items.addAll(b.items());
            return new Seq(items, a.tuple());
        }
        if (op.equals("/") && left instanceof PathV p && right instanceof Str s) {
            String joined = join(p.path(), s.s());
            return joined == null ? UNKNOWN : new PathV(joined);
        }
        return UNKNOWN;
    }

    private Value call(Call c, At m) {
        Value f = eval(c.func(), m);
        List<Value> args = new ArrayList<>();
        for (Node a : c.args()) {
            if (a instanceof PythonParser.Starred) {
                return UNKNOWN;
            }
            args.add(eval(a, m));
        }
        Map<String, Value> kwargs = new LinkedHashMap<>();
        for (Keyword k : c.keywords()) {
            if (k.name() == null) {
                if (!(f instanceof Func fn && fn.name().equals("dict")) && !(f instanceof Func p
                        && p.name().equals("functools.partial"))) {
                    return UNKNOWN;
                }
                if (!(eval(k.value(), m) instanceof Dict spread)) {
                    return UNKNOWN;
                }
                kwargs.putAll(spread.entries());
            } else {
                kwargs.put(k.name(), eval(k.value(), m));
            }
        }
        if (f instanceof Func fn) {
            return function(fn.name(), args, kwargs);
        } else if (f instanceof Method method) {
            return method(method.self(), method.name(), args);
        } else if (f instanceof LocalFunc local) {
            return helper(local, args, kwargs);
        } else {
            return UNKNOWN;
        }
    }

    private Value function(String name, List<Value> args, Map<String, Value> kwargs) {
        switch (name) {
            case "open", "io.open", "codecs.open" -> {
                String path = args.isEmpty() ? null : path(args.get(0));
                Value mode = args.size() > 1 ? args.get(1) : kwargs.getOrDefault("mode", new Str("r"));
                if (path == null || !(mode instanceof Str ms)) {
                    return UNKNOWN;
                }
                return new FileV(path, ms.s().contains("b"));
            }
            case "os.path.join", "pathlib.Path", "pathlib.PurePath" -> {
                String joined = joinAll(args);
                return joined == null ? UNKNOWN : new PathV(joined);
            }
            case "os.path.dirname" -> {
                String p = args.size() == 1 ? path(args.get(0)) : null;
                String parent = p == null ? null : join(p, "..");
                return parent == null ? UNKNOWN : new PathV(parent);
            }
            case "os.path.abspath", "os.path.realpath", "os.path.normpath" -> {
                String p = args.size() == 1 ? path(args.get(0)) : null;
                return p == null ? UNKNOWN : new PathV(p);
            }
            case "os.getcwd" -> {
                return new PathV("");
            }
            case "dict" -> {
                Map<String, Value> entries = new LinkedHashMap<>();
                if (args.size() == 1 && args.get(0) instanceof Dict d) {
                    entries.putAll(d.entries());
                } else if (!args.isEmpty()) {
                    return UNKNOWN;
                }
                entries.putAll(kwargs);
                return new Dict(entries);
            }
            case "str", "compile" -> {
                return !args.isEmpty() && args.get(0) instanceof Str s ? s : UNKNOWN;
            }
            case "list", "tuple", "sorted" -> {
                if (args.size() == 1 && args.get(0) instanceof Seq s) {
                    if (name.equals("sorted")) {
                        return UNKNOWN;
                    }
                    return new Seq(s.items(), name.equals("tuple"));
                }
                return UNKNOWN;
            }
            case "functools.partial" -> {
                return args.size() == 1 ? new Partial(args.get(0), kwargs, false) : UNKNOWN;
            }
            default -> {
                return UNKNOWN;
            }
        }
    }

    private Value method(Value self, String name, List<Value> args) {
        if (self instanceof FileV f) {
            if (name.equals("read") && args.isEmpty()) {
                if (f.binary()) {
                    return bytes(f.path()).<Value>map(Bytes::new).orElse(UNKNOWN);
                }
                return text(f.path()).<Value>map(Str::new).orElse(UNKNOWN);
            }
            return UNKNOWN;
        } else if (self instanceof PathV p) {
            return switch (name) {
                case "read_text" -> text(p.path()).<Value>map(Str::new).orElse(UNKNOWN);
                case "read_bytes" -> bytes(p.path()).<Value>map(Bytes::new).orElse(UNKNOWN);
                case "open" -> new FileV(p.path(), !args.isEmpty() && args.get(0) instanceof Str mode
                        && mode.s().contains("b"));
                case "resolve", "absolute" -> p;
                case "joinpath" -> function("pathlib.Path", prepend(p, args), Map.of());
                default -> UNKNOWN;
            };
        } else if (self instanceof Bytes b) {
            if (name.equals("decode") && (args.isEmpty() || args.get(0) instanceof Str enc
                    && enc.s().replace("-", "").equalsIgnoreCase("utf8"))) {
                try {
                    return new Str(StandardCharsets.UTF_8.newDecoder()
                            .decode(java.nio.ByteBuffer.wrap(b.data())).toString());
                } catch (java.nio.charset.CharacterCodingException e) {
                    return UNKNOWN;
                }
            }
            return UNKNOWN;
        } else if (self instanceof Str s) {
            if (!args.isEmpty() && !(name.equals("decode") || name.equals("encode"))) {
                return UNKNOWN;
            }
            return switch (name) {
                case "strip" -> new Str(s.s().strip());
                case "rstrip" -> new Str(s.s().stripTrailing());
                case "lstrip" -> new Str(s.s().stripLeading());
                case "decode" -> s;
                case "splitlines" -> {
                    List<Value> lines = new ArrayList<>();
                    for (String line : s.s().split("\r\n|\r|\n", -1)) {
                        lines.add(new Str(line));
                    }
                    if (!lines.isEmpty() && s.s().matches("(?s).*(\r\n|\r|\n)")) {
                        lines.remove(lines.size() - 1);
                    }
                    yield new Seq(lines, false);
                }
                default -> UNKNOWN;
            };
        } else if (self instanceof Dict d) {
            if (name.equals("get") && !args.isEmpty() && args.size() <= 2 && args.get(0) instanceof Str key) {
                Value v = d.entries().get(key.s());
                return v != null ? v : args.size() == 2 ? args.get(1) : new Const("None");
            }
            return UNKNOWN;
        } else {
            return UNKNOWN;
        }
    }

    private static List<Value> prepend(Value first, List<Value> rest) {
        List<Value> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /**
     * The two helper-function heuristics: a call with string arguments (or none) to a function of the module whose
     * body mentions {@code __version__} gives the {@code __version__} of the file named by the arguments (or of the
     * one {@code .py} file the body names); one whose body calls {@code open} gives the text of the named file.
     */
    private Value helper(LocalFunc f, List<Value> args, Map<String, Value> kwargs) {
        String joined = joinAll(args);
        if (!kwargs.isEmpty() || joined == null) {
            return UNKNOWN;
        }
        Set<String> names = new HashSet<>();
        List<String> literals = new ArrayList<>();
        mentions(f.def().body(), names, literals);
        if (args.isEmpty()) {
            List<String> py = literals.stream().filter(s -> s.endsWith(".py")).distinct().toList();
            if (py.size() != 1 || !names.contains("__version__") && !literals.contains("__version__")) {
                return UNKNOWN;
            }
            joined = join(f.module().path == null ? "" : join(f.module().path, ".."), py.get(0));
            if (joined == null) {
                return UNKNOWN;
            }
        }
        if (names.contains("__version__") || literals.stream().anyMatch(s -> s.contains("__version__"))) {
            Optional<Parsed> module = module(joined, f.module().nesting + 1);
            return module.isPresent() ? module.get().lookup("__version__") : UNKNOWN;
        }
        if (names.contains("open") || names.contains("read") || names.contains("read_text")) {
            return text(joined).<Value>map(Str::new).orElse(UNKNOWN);
        }
        return UNKNOWN;
    }

    private static void mentions(List<Located> body, Set<String> names, List<String> literals) {
        for (Located located : body) {
            Stmt s = located.stmt();
            List<Node> roots = new ArrayList<>();
            if (s instanceof Assign a) {
                roots.add(a.value());
                roots.addAll(a.targets());
            } else if (s instanceof AugAssign a) {
                roots.add(a.value());
            } else if (s instanceof Expr e) {
                roots.addAll(e.values());
            } else if (s instanceof Return r) {
                if (r.value() != null) {
                    roots.add(r.value());
                }
            } else if (s instanceof Bind b) {
                names.addAll(b.names());
                if (b.source() != null) {
                    roots.add(b.source());
                }
            } else if (s instanceof Def d) {
                mentions(d.body(), names, literals);
            } else if (s instanceof Tainted t) {
                names.addAll(t.names());
            } else if (s instanceof Import i) {
                // imports inside a helper do not matter to the heuristics
            } else if (s instanceof PythonParser.Global g) {
                names.addAll(g.names());
            }
            for (Node n : roots) {
                nodes(n, names, literals);
            }
        }
    }

    private static void nodes(Node n, Set<String> names, List<String> literals) {
        if (n instanceof PythonParser.Name name) {
            names.add(name.id());
        } else if (n instanceof PythonParser.Str s) {
            if (s.value() != null) {
                literals.add(s.value());
            }
        } else if (n instanceof PythonParser.Attr a) {
            names.add(a.name());
            nodes(a.target(), names, literals);
        } else if (n instanceof Call c) {
            nodes(c.func(), names, literals);
            c.args().forEach(x -> nodes(x, names, literals));
            c.keywords().forEach(k -> nodes(k.value(), names, literals));
        } else if (n instanceof PythonParser.Subscript s) {
            nodes(s.target(), names, literals);
            nodes(s.index(), names, literals);
        } else if (n instanceof PythonParser.Seq s) {
            s.items().forEach(x -> nodes(x, names, literals));
        } else if (n instanceof PythonParser.Dict d) {
            d.keys().forEach(k -> {
                if (k != null) {
                    nodes(k, names, literals);
                }
            });
            d.values().forEach(x -> nodes(x, names, literals));
        } else if (n instanceof PythonParser.BinOp b) {
            nodes(b.left(), names, literals);
            nodes(b.right(), names, literals);
        } else if (n instanceof PythonParser.Opaque o) {
            o.children().forEach(x -> nodes(x, names, literals));
        } else if (n instanceof PythonParser.Starred s) {
            nodes(s.value(), names, literals);
        } else if (n instanceof PythonParser.Num num) {
            // numbers name nothing
        }
    }

    /**
     * The keys a dict-valued expression may have when it is a call of a function of the module that returns only
     * dict displays ({@code return dict(a=..., b=...)}): their keys. Their values stay unknown.
     *
     * @param n the expression
     * @param at where it is evaluated
     * @return the keys, or null when the expression is not such a call
     */
    @Nullable Set<String> resultKeys(Node n, At at) {
        if (n instanceof Call c && c.args().isEmpty() && c.keywords().isEmpty()
                && eval(c.func(), at) instanceof LocalFunc f) {
            return returnedKeys(f.def());
        }
        return null;
    }

    /** The keys a helper function's dict results may have: the keys of its {@code return dict(...)} statements. */
    private @Nullable Set<String> returnedKeys(Def def) {
        Set<String> keys = new HashSet<>();
        boolean any = false;
        for (Located located : def.body()) {
            Stmt s = located.stmt();
            if (s instanceof Return r) {
                any = true;
                Node v = r.value();
                if (v instanceof Call c && c.func() instanceof PythonParser.Name n && n.id().equals("dict")
                        && c.args().isEmpty() && c.keywords().stream().allMatch(k -> k.name() != null)) {
                    c.keywords().forEach(k -> keys.add(k.name()));
                } else if (v instanceof PythonParser.Dict d && d.keys().stream().allMatch(
                        k -> k instanceof PythonParser.Str str && str.value() != null)) {
                    d.keys().forEach(k -> keys.add(((PythonParser.Str) Objects.requireNonNull(k)).value()));
                } else {
                    return null;
                }
            }
        }
        return any ? keys : null;
    }

    /** Values used as path parts, joined ({@code os.path.join}); null if one is not a path or leaves the tree. */
    private static @Nullable String joinAll(List<Value> parts) {
        String joined = "";
        for (Value a : parts) {
            String part = path(a);
            joined = part == null ? null : join(joined, part);
            if (joined == null) {
                return null;
            }
        }
        return joined;
    }

    /** A value used as a path: a path, or a string (relative to the folder); null otherwise. */
    private static @Nullable String path(Value v) {
        if (v instanceof PathV p) {
            return p.path();
        }
        if (v instanceof Str s && !s.s().isEmpty()) {
            String normalized = join("", s.s());
            return normalized;
        }
        return null;
    }

    /**
     * Joins and normalizes two relative paths lexically ({@code ..} pops; leading {@code ..} kept). An absolute
     * part gives null (it leaves the tree).
     */
    static @Nullable String join(String base, String part) {
        if (part.startsWith("/") || part.contains("\\") || part.indexOf(0) >= 0) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String s : (base + "/" + part).split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                out.remove(out.size() - 1);
            } else {
                out.add(s);
            }
        }
        return String.join("/", out);
    }
}
