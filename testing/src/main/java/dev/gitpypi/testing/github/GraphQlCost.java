package dev.gitpypi.testing.github;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnmodifiedType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub's documented cost of a GraphQL query, computed from the query text alone, independently of the adapter
 * (docs "Rate limits and query limits for the GraphQL API", "Calculating a rate limit score before running the
 * call"): every connection (a field whose type is a {@code ...Connection} and that takes {@code first}/{@code last})
 * needs as many requests as the product of the {@code first}/{@code last} values of the connections above it (1 at
 * the top); the requests are added up, divided by 100 and rounded; the minimum is 1 point. Also checks the
 * documented node limits: every connection must give {@code first} or {@code last} between 1 and 100, and a call
 * may request at most 500,000 nodes.
 */
public final class GraphQlCost {
    /** GitHub's node limit per call. */
    public static final long MAX_NODES = 500_000;

    /**
     * A computed cost.
     *
     * @param requests the summed requests of all connections
     * @param nodes the nodes the call may return (sum over connections of the product of page sizes down to it)
     * @param points the rate-limit points: {@code max(1, round(requests / 100))}
     * @param error why GitHub would refuse the call before running it, or null
     */
    public record Result(long requests, long nodes, int points, String error) {
    }

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, Object> variables;
    private long requests;
    private long nodes;
    private String error;

    private GraphQlCost(GraphQLSchema schema, Map<String, Object> variables) {
        this.schema = schema;
        this.variables = variables;
    }

    /**
     * Computes the cost of the first operation of a document.
     *
     * @param schema the schema (to tell connections from other fields)
     * @param document the parsed query
     * @param variables the variables sent with it
     * @return the cost
     */
    public static Result of(GraphQLSchema schema, Document document, Map<String, Object> variables) {
        GraphQlCost c = new GraphQlCost(schema, variables == null ? Map.of() : variables);
        for (FragmentDefinition f : document.getDefinitionsOfType(FragmentDefinition.class)) {
            c.fragments.put(f.getName(), f);
        }
        List<OperationDefinition> ops = document.getDefinitionsOfType(OperationDefinition.class);
        if (!ops.isEmpty()) {
            OperationDefinition op = ops.get(0);
            GraphQLFieldsContainer root = op.getOperation() == OperationDefinition.Operation.MUTATION
                    ? schema.getMutationType() : schema.getQueryType();
            c.walk(op.getSelectionSet(), root, 1);
        }
        if (c.error == null && c.nodes > MAX_NODES) {
            c.error = "This query requests up to " + c.nodes + " possible nodes which exceeds the maximum limit of "
                    + MAX_NODES + ".";
        }
        int points = (int) Math.max(1, Math.round(c.requests / 100.0));
        return new Result(c.requests, c.nodes, points, c.error);
    }

    private void walk(SelectionSet set, GraphQLFieldsContainer type, long multiplier) {
        if (set == null) {
            return;
        }
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                field(f, type, multiplier);
            } else if (s instanceof InlineFragment in) {
                GraphQLFieldsContainer t = in.getTypeCondition() == null ? type
                        : container(schema.getType(in.getTypeCondition().getName()));
                walk(in.getSelectionSet(), t == null ? type : t, multiplier);
            } else if (s instanceof FragmentSpread spread) {
                FragmentDefinition def = fragments.get(spread.getName());
                if (def != null) {
                    GraphQLFieldsContainer t = container(schema.getType(def.getTypeCondition().getName()));
                    walk(def.getSelectionSet(), t == null ? type : t, multiplier);
                }
            }
        }
    }

    private void field(Field f, GraphQLFieldsContainer type, long multiplier) {
        if (type == null || f.getName().startsWith("__")) {
            return;
        }
        GraphQLFieldDefinition def = type.getFieldDefinition(f.getName());
        if (def == null) {
            return; // validation reports it
        }
        GraphQLUnmodifiedType result = GraphQLTypeUtil.unwrapAll(def.getType());
        boolean connection = result.getName().endsWith("Connection")
                && (def.getArgument("first") != null || def.getArgument("last") != null);
        long next = multiplier;
        if (connection) {
            Long first = intArgument(f, "first");
            Long last = intArgument(f, "last");
            Long size = first != null ? first : last;
            if (size == null) {
                fail("You must provide a `first` or `last` value to properly paginate the `" + f.getName()
                        + "` connection.");
                size = 0L;
            } else if (size < 1 || size > 100) {
                fail("Requesting " + size + " records on the `" + f.getName() + "` connection exceeds the `"
                        + (first != null ? "first" : "last") + "` limit of 100 records.");
            }
            requests += multiplier;
            next = multiplier * Math.max(size, 1);
            nodes += next;
        }
        walk(f.getSelectionSet(), container(result), next);
    }

    private void fail(String message) {
        if (error == null) {
            error = message;
        }
    }

    private Long intArgument(Field f, String name) {
        for (Argument a : f.getArguments()) {
            if (a.getName().equals(name)) {
                return intValue(a.getValue());
            }
        }
        return null;
    }

    private Long intValue(Value<?> v) {
        if (v instanceof IntValue i) {
            return i.getValue().longValue();
        }
        if (v instanceof VariableReference ref) {
            Object o = variables.get(ref.getName());
            return o instanceof Number n ? n.longValue() : null;
        }
        return null;
    }

    private static GraphQLFieldsContainer container(GraphQLType t) {
        return t instanceof GraphQLFieldsContainer c ? c : null;
    }
}
