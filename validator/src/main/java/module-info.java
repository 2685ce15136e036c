/**
 * gitpypi validator.
 */
module dev.gitpypi.validator {
    requires static transitive org.jspecify;
    requires transitive dev.gitpypi.core;
    requires org.jsoup;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;

    exports dev.gitpypi.validator;
}
