package dev.gitpypi.github;

/** Which repositories a GitHub source keeps, by who can see them. */
public enum Visibility {
    /** Public and private (and internal) repositories. */
    ALL,
    /** Public repositories only. */
    PUBLIC,
    /** Private and internal repositories only: everything that is not public. */
    PRIVATE
}
