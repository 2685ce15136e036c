package dev.gitpypi.testing.github;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import graphql.ParseAndValidate;
import graphql.validation.ValidationError;
import graphql.execution.CoercedVariables;
import graphql.execution.DataFetcherResult;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * The GraphQL side of {@link FakeGitHub}: GitHub's public schema (test resource {@code schema.graphql.gz}, see its
 * README), parsed once with graphql-java; every query is checked against it (graphql-java's validation: unknown
 * fields, argument types, variables, fragments on the right types), charged by {@link GraphQlCost} and executed
 * against the stand-in's model. Values are maps; a map entry may be a {@code Function<DataFetchingEnvironment,
 * Object>} that computes the field from its arguments.
 */
final class FakeGraphQl {
    private static volatile GraphQLSchema schema;

    /**
     * The result of one query.
     *
     * @param body the response JSON (data and errors)
     * @param points what it cost
     * @param problem a validation or limit error, for tests to see; null when the query was valid
     */
    record Answer(Map<String, Object> body, int points, String problem) {
    }

    private final FakeGitHub gh;

    FakeGraphQl(FakeGitHub gh) {
        this.gh = gh;
    }

    static GraphQLSchema schema() {
        GraphQLSchema s = schema;
        if (s == null) {
            synchronized (FakeGraphQl.class) {
                s = schema;
                if (s == null) {
                    schema = s = load();
                }
            }
        }
        return s;
    }

    private static GraphQLSchema load() {
        try (InputStream in = FakeGraphQl.class.getResourceAsStream("schema.graphql.gz");
                Reader r = new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8)) {
            Document sdl = Parser.parse(ParserEnvironment.newParserEnvironment().document(r)
                    .parserOptions(ParserOptions.getDefaultSdlParserOptions()).build());
            TypeDefinitionRegistry types = new SchemaParser().buildRegistry(withoutDuplicateFields(sdl));
            RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(new Wiring()).build();
            return new SchemaGenerator().makeExecutableSchema(types, wiring);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read GitHub's GraphQL schema", e);
        }
    }

    /**
     * GitHub's published SDL declares two fields of {@code EnterpriseOwnerInfo} twice, identically
     * ({@code repositoryDeployKeySetting}, {@code repositoryDeployKeySettingOrganizations}); graphql-java refuses
     * that, so the second declaration of any field is dropped (README beside the schema).
     */
    private static Document withoutDuplicateFields(Document doc) {
        List<Definition<?>> out = new ArrayList<>();
        for (Definition<?> d : doc.getDefinitions()) {
            if (d instanceof ObjectTypeDefinition o) {
                Map<String, FieldDefinition> unique = new LinkedHashMap<>();
                for (FieldDefinition f : o.getFieldDefinitions()) {
                    unique.putIfAbsent(f.getName(), f);
                }
                if (unique.size() != o.getFieldDefinitions().size()) {
                    out.add(o.transform(b -> b.fieldDefinitions(new ArrayList<>(unique.values()))));
                    continue;
                }
            }
            out.add(d);
        }
        return doc.transform(b -> b.definitions(new ArrayList<>(out)));
    }

    Answer execute(String query, Map<String, Object> variables, int remaining) {
        Document doc;
        try {
            doc = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return new Answer(Map.of("errors", List.of(Map.of("message", "Parse error: " + e.getMessage()))), 0,
                    "syntax: " + e.getMessage());
        }
        List<ValidationError> invalid = ParseAndValidate.validate(schema(), doc);
        if (!invalid.isEmpty()) {
            List<Object> errors = new ArrayList<>();
            for (ValidationError e : invalid) {
                errors.add(e.toSpecification());
            }
            return new Answer(Map.of("errors", errors), 0, invalid.get(0).getMessage());
        }
        GraphQlCost.Result cost = GraphQlCost.of(schema(), doc, variables);
        if (cost.error() != null) {
            String type = cost.error().startsWith("You must provide") ? "MISSING_PAGINATION_BOUNDARIES"
                    : cost.error().startsWith("Requesting") ? "EXCESSIVE_PAGINATION" : "MAX_NODE_LIMIT_EXCEEDED";
            return new Answer(Map.of("errors", List.of(Map.of("type", type, "message", cost.error()))), 0,
                    cost.error());
        }
        if (cost.points() > remaining) {
            return new Answer(Map.of("errors", List.of(Map.of("type", "RATE_LIMITED", "message",
                    "API rate limit exceeded for user ID 1."))), 0, null);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("repository", (Function<DataFetchingEnvironment, Object>) this::repository);
        root.put("organization", (Function<DataFetchingEnvironment, Object>) env -> owner(env.getArgument("login"),
                "Organization"));
        root.put("user", (Function<DataFetchingEnvironment, Object>) env -> owner(env.getArgument("login"), "User"));
        root.put("repositoryOwner", (Function<DataFetchingEnvironment, Object>) env -> owner(env.getArgument("login"),
                null));
        root.put("viewer", (Function<DataFetchingEnvironment, Object>) env -> owner(gh.viewerLogin(), null));
        Map<String, Object> rate = new LinkedHashMap<>();
        rate.put("cost", cost.points());
        rate.put("limit", 5000);
        rate.put("nodeCount", cost.nodes());
        rate.put("remaining", remaining - cost.points());
        rate.put("used", 5000 - remaining + cost.points());
        rate.put("resetAt", gh.now().plusSeconds(3600).toString());
        root.put("rateLimit", rate);
        ExecutionResult r = GraphQL.newGraphQL(schema()).build().execute(ExecutionInput.newExecutionInput()
                .query(query).variables(variables).root(root).build());
        Map<String, Object> spec = new LinkedHashMap<>(r.toSpecification());
        String problem = null;
        if (spec.get("errors") instanceof List<?> errors) {
            List<Object> fixed = new ArrayList<>();
            for (Object e : errors) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) e);
                if (m.get("extensions") instanceof Map<?, ?> ext && ext.get("type") != null) {
                    m.put("type", ext.get("type"));
                    m.remove("extensions");
                } else if (problem == null) {
                    problem = String.valueOf(m.get("message"));
                }
                fixed.add(m);
            }
            spec.put("errors", fixed);
        }
        int points = r.isDataPresent() ? cost.points() : 0;
        return new Answer(spec, points, problem);
    }

    // ---- resolvers

    private Object repository(DataFetchingEnvironment env) {
        String owner = env.getArgument("owner");
        String name = env.getArgument("name");
        FakeGitHub.Owner o = gh.ownerOrNull(owner);
        if (o != null) {
            for (FakeGitHub.Repo r : o.repos) {
                if (r.name.equalsIgnoreCase(name)) {
                    return repo(r);
                }
            }
        }
        return DataFetcherResult.newResult().data(null).error(GraphqlErrorBuilder.newError(env)
                .message("Could not resolve to a Repository with the name '" + owner + "/" + name + "'.")
                .extensions(Map.of("type", "NOT_FOUND")).build()).build();
    }

    private Object owner(String login, String type) {
        FakeGitHub.Owner o = gh.ownerOrNull(login);
        if (o == null || (type != null && !o.type.equals(type))) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", o.type);
        m.put("login", o.login);
        m.put("id", FakeGitHub.nodeId("012:" + o.type, o.id));
        m.put("repositories", (Function<DataFetchingEnvironment, Object>) env -> {
            List<FakeGitHub.Repo> repos = new ArrayList<>(o.repos);
            Object privacy = env.getArgument("privacy");
            Object isFork = env.getArgument("isFork");
            Object isArchived = env.getArgument("isArchived");
            repos.removeIf(r -> (privacy != null && r.isPrivate != "PRIVATE".equals(privacy))
                    || (isFork != null && r.fork != (Boolean) isFork)
                    || (isArchived != null && r.archived != (Boolean) isArchived));
            repos.sort(Comparator.comparing(r -> r.name.toLowerCase(Locale.ROOT)));
            List<Object> nodes = new ArrayList<>();
            for (FakeGitHub.Repo r : repos) {
                nodes.add(repo(r));
            }
            return connection(env, nodes);
        });
        return m;
    }

    private Map<String, Object> repo(FakeGitHub.Repo r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", "Repository");
        m.put("id", FakeGitHub.nodeId("010:Repository", r.id));
        m.put("databaseId", r.id);
        m.put("name", r.name);
        m.put("nameWithOwner", r.fullName());
        m.put("isPrivate", r.isPrivate);
        m.put("isFork", r.fork);
        m.put("isArchived", r.archived);
        m.put("visibility", r.visibility.toUpperCase(Locale.ROOT));
        m.put("url", gh.webUrl() + r.fullName());
        m.put("pushedAt", r.pushed.toString());
        m.put("createdAt", r.created.toString());
        m.put("updatedAt", r.updated.toString());
        m.put("owner", Map.of("__typename", r.owner.type, "login", r.owner.login));
        m.put("repositoryTopics", (Function<DataFetchingEnvironment, Object>) env -> {
            List<Object> nodes = new ArrayList<>();
            for (String t : r.topics) {
                nodes.add(Map.of("topic", Map.of("name", t)));
            }
            return connection(env, nodes);
        });
        m.put("refs", (Function<DataFetchingEnvironment, Object>) env -> {
            String prefix = env.getArgument("refPrefix");
            List<FakeGitHub.TagRef> tags = new ArrayList<>(prefix.equals("refs/tags/") ? r.tags : List.of());
            Map<String, Object> order = env.getArgument("orderBy");
            if (order != null && "TAG_COMMIT_DATE".equals(order.get("field"))) {
                tags.sort(Comparator.comparing(t -> r.commits.get(t.commit()).date()));
            } else {
                tags.sort(Comparator.comparing(FakeGitHub.TagRef::name));
            }
            if (order != null && "DESC".equals(order.get("direction"))) {
                java.util.Collections.reverse(tags);
            }
            List<Object> nodes = new ArrayList<>();
            for (FakeGitHub.TagRef t : tags) {
                nodes.add(ref(r, t));
            }
            return connection(env, nodes);
        });
        m.put("releases", (Function<DataFetchingEnvironment, Object>) env -> {
            List<FakeGitHub.Release> rels = new ArrayList<>(r.releases);
            Map<String, Object> order = env.getArgument("orderBy");
            if (order != null && "NAME".equals(order.get("field"))) {
                rels.sort(Comparator.comparing(x -> x.tag));
            } else {
                rels.sort(Comparator.comparing((FakeGitHub.Release x) -> x.created).thenComparing(x -> x.id));
            }
            if (order == null || "DESC".equals(order.get("direction"))) {
                java.util.Collections.reverse(rels);
            }
            List<Object> nodes = new ArrayList<>();
            for (FakeGitHub.Release rel : rels) {
                nodes.add(release(rel));
            }
            return connection(env, nodes);
        });
        m.put("object", (Function<DataFetchingEnvironment, Object>) env -> {
            String expression = env.getArgument("expression");
            Object oid = env.getArgument("oid");
            if (expression == null) {
                FakeGitHub.Commit c = oid == null ? null : r.commits.get(String.valueOf(oid));
                return c == null ? null : commit(c);
            }
            int colon = expression.indexOf(':');
            FakeGitHub.Commit c = gh.resolve(r, colon < 0 ? expression : expression.substring(0, colon));
            if (c == null) {
                return null;
            }
            if (colon < 0) {
                return commit(c);
            }
            byte[] bytes = c.files().get(expression.substring(colon + 1));
            return bytes == null ? null : blob(bytes);
        });
        return m;
    }

    private Map<String, Object> ref(FakeGitHub.Repo r, FakeGitHub.TagRef t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", "Ref");
        m.put("id", FakeGitHub.nodeId("03:Ref", (r.fullName() + t.name()).hashCode() & 0xffffff));
        m.put("name", t.name());
        m.put("prefix", "refs/tags/");
        Map<String, Object> commit = commit(r.commits.get(t.commit()));
        if (t.tagObject() == null) {
            m.put("target", commit);
        } else {
            Map<String, Object> tag = new LinkedHashMap<>();
            tag.put("__typename", "Tag");
            tag.put("oid", t.tagObject());
            tag.put("abbreviatedOid", t.tagObject().substring(0, 7));
            tag.put("name", t.name());
            tag.put("message", "Release " + t.name());
            tag.put("target", commit);
            tag.put("tagger", Map.of("name", "A Maintainer", "email", "maintainer@example.org", "date",
                    r.commits.get(t.commit()).date().toString()));
            m.put("target", tag);
        }
        return m;
    }

    private Map<String, Object> commit(FakeGitHub.Commit c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", "Commit");
        m.put("oid", c.oid());
        m.put("abbreviatedOid", c.oid().substring(0, 7));
        m.put("committedDate", c.date().toString());
        m.put("authoredDate", c.date().toString());
        m.put("message", "Release");
        m.put("file", (Function<DataFetchingEnvironment, Object>) env -> {
            String path = env.getArgument("path");
            byte[] bytes = c.files().get(path);
            if (bytes == null) {
                return null;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", path.substring(path.lastIndexOf('/') + 1));
            entry.put("path", path);
            entry.put("type", "blob");
            entry.put("mode", 33188);
            entry.put("size", bytes.length);
            entry.put("oid", FakeGitHub.blobOid(bytes));
            entry.put("isGenerated", false);
            entry.put("object", blob(bytes));
            return entry;
        });
        return m;
    }

    private static Map<String, Object> blob(byte[] bytes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", "Blob");
        m.put("oid", FakeGitHub.blobOid(bytes));
        m.put("abbreviatedOid", FakeGitHub.blobOid(bytes).substring(0, 7));
        m.put("byteSize", bytes.length);
        boolean binary = false;
        for (byte b : bytes) {
            binary |= b == 0;
        }
        m.put("isBinary", binary);
        m.put("isTruncated", false);
        m.put("text", binary ? null : new String(bytes, StandardCharsets.UTF_8));
        return m;
    }

    private Map<String, Object> release(FakeGitHub.Release rel) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", "Release");
        m.put("id", FakeGitHub.nodeId("07:Release", rel.id));
        m.put("databaseId", rel.id);
        m.put("tagName", rel.tag);
        m.put("name", rel.tag);
        m.put("isDraft", rel.draft);
        m.put("isPrerelease", rel.prerelease);
        m.put("isLatest", false);
        m.put("createdAt", rel.created.toString());
        m.put("publishedAt", rel.published == null ? null : rel.published.toString());
        m.put("updatedAt", rel.created.toString());
        m.put("url", gh.webUrl() + rel.repo.fullName() + "/releases/tag/" + rel.tag);
        m.put("releaseAssets", (Function<DataFetchingEnvironment, Object>) env -> {
            List<Object> nodes = new ArrayList<>();
            for (FakeGitHub.Asset a : rel.assets) {
                Map<String, Object> am = new LinkedHashMap<>();
                am.put("__typename", "ReleaseAsset");
                am.put("id", FakeGitHub.nodeId("012:ReleaseAsset", a.id));
                am.put("name", a.name);
                am.put("size", a.size);
                am.put("contentType", a.name.endsWith(".whl") ? "application/zip" : "application/gzip");
                am.put("downloadCount", a.downloadCount);
                am.put("downloadUrl", gh.webUrl() + rel.repo.fullName() + "/releases/download/" + rel.tag + "/"
                        + a.name);
                am.put("url", gh.webUrl() + rel.repo.fullName() + "/releases/download/" + rel.tag + "/" + a.name);
                am.put("createdAt", a.created.toString());
                am.put("updatedAt", a.created.toString());
                nodes.add(am);
            }
            return connection(env, nodes);
        });
        return m;
    }

    /** A Relay connection over a list: first/last/after/before, nodes, edges, pageInfo, totalCount. */
    private static Map<String, Object> connection(DataFetchingEnvironment env, List<Object> all) {
        Integer first = env.getArgument("first");
        Integer last = env.getArgument("last");
        String after = env.getArgument("after");
        String before = env.getArgument("before");
        int from = after == null ? 0 : cursorIndex(after) + 1;
        int to = before == null ? all.size() : Math.min(all.size(), cursorIndex(before));
        from = Math.max(0, Math.min(from, to));
        if (first != null) {
            to = Math.min(to, from + first);
        } else if (last != null) {
            from = Math.max(from, to - last);
        }
        List<Object> nodes = all.subList(from, to);
        List<Object> edges = new ArrayList<>();
        for (int i = from; i < to; i++) {
            edges.add(Map.of("cursor", cursor(i), "node", all.get(i)));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("hasNextPage", to < all.size());
        page.put("hasPreviousPage", from > 0);
        page.put("startCursor", from < to ? cursor(from) : null);
        page.put("endCursor", from < to ? cursor(to - 1) : null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nodes", new ArrayList<>(nodes));
        m.put("edges", edges);
        m.put("pageInfo", page);
        m.put("totalCount", all.size());
        return m;
    }

    private static String cursor(int i) {
        return Base64.getEncoder().encodeToString(("cursor:v2:" + i).getBytes(StandardCharsets.UTF_8));
    }

    private static int cursorIndex(String c) {
        try {
            String s = new String(Base64.getDecoder().decode(c), StandardCharsets.UTF_8);
            return Integer.parseInt(s.substring(s.lastIndexOf(':') + 1));
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** Wires every interface and union by {@code __typename}, every field by map entry, every custom scalar. */
    private static final class Wiring implements WiringFactory {
        private static final TypeResolver BY_TYPENAME = env -> {
            Object o = env.getObject();
            String t = o instanceof Map<?, ?> m ? String.valueOf(m.get("__typename")) : null;
            return t == null ? null : env.getSchema().getObjectType(t);
        };

        @Override
        public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
            return BY_TYPENAME;
        }

        @Override
        public boolean providesTypeResolver(UnionWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
            return BY_TYPENAME;
        }

        @Override
        public boolean providesScalar(ScalarWiringEnvironment environment) {
            return !ScalarInfo.isGraphqlSpecifiedScalar(environment.getScalarTypeDefinition().getName());
        }

        @Override
        public GraphQLScalarType getScalar(ScalarWiringEnvironment environment) {
            return GraphQLScalarType.newScalar().name(environment.getScalarTypeDefinition().getName())
                    .coercing(new PassThrough()).build();
        }

        @Override
        public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment environment) {
            return env -> {
                Object source = env.getSource();
                if (!(source instanceof Map<?, ?> m)) {
                    return null;
                }
                Object v = m.get(env.getField().getName());
                if (v instanceof Function<?, ?> f) {
                    @SuppressWarnings("unchecked")
                    Function<DataFetchingEnvironment, Object> fn = (Function<DataFetchingEnvironment, Object>) f;
                    return fn.apply(env);
                }
                return v;
            };
        }
    }

    /** Custom scalars (DateTime, URI, GitObjectID, …) as strings. */
    private static final class PassThrough implements Coercing<Object, Object> {
        @Override
        public Object serialize(Object dataFetcherResult, GraphQLContext context, Locale locale) {
            return dataFetcherResult instanceof Number || dataFetcherResult instanceof Boolean ? dataFetcherResult
                    : String.valueOf(dataFetcherResult);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                Locale locale) {
            return input instanceof StringValue s ? s.getValue() : String.valueOf(input);
        }
    }
}
