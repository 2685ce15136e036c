package dev.gitpypi.validator;

/** Whether an installer would use a link. */
public enum Usability {
    /** The installer would consider the file as a candidate. */
    USABLE,
    /** The installer sees the file as yanked: used only for an exact pin. */
    YANKED,
    /** The installer would skip the file, or fail on the page that lists it. */
    UNUSABLE
}
