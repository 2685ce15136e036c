package dev.gitpypi.core;

import java.util.List;

/**
 * What a source produced: an index of its projects and the problems it found on the way.
 *
 * @param index the projects
 * @param problems what was wrong with the input, in the order found
 */
public record SourceResult(Index index, List<Problem> problems) {
    /**
     * Creates a result.
     *
     * @param index the projects
     * @param problems the problems
     */
    public SourceResult {
        problems = List.copyOf(problems);
    }

    /** @return true if any problem is an error */
    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }
}
