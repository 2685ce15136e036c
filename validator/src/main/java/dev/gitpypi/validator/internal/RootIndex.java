package dev.gitpypi.validator.internal;

import java.util.Optional;

/**
 * What a site keeps of its root page's entries while they stream past, to know afterwards which projects the root
 * lists and where their pages are: as little as each kind of site needs (a folder keeps 64-bit hashes of the
 * linked names, an HTTP site the links themselves up to a limit), so a root page of any length is checked in
 * bounded memory.
 */
public interface RootIndex {
    /**
     * Notes one entry.
     *
     * @param entry the entry
     * @return a problem with the entry's link (it leads to no project page of this site), built when asked, or empty
     */
    Optional<java.util.function.Supplier<String>> add(RawRoot.Entry entry);

    /** An index that keeps nothing: for a lone root page file. */
    RootIndex NONE = entry -> Optional.empty();
}
