/**
 * gitpypi validator.
 */
module dev.gitpypi.validator {
    requires static transitive org.jspecify;
    requires transitive dev.gitpypi.core;
    requires org.jsoup;
    requires com.fasterxml.jackson.databind;

    // exports dev.gitpypi.validator; (once the package has its first public type)
}
