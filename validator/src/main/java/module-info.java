/**
 * gitpypi validator.
 */
module dev.gitpypi.validator {
    requires static transitive org.jspecify;
    requires transitive dev.gitpypi.core;
    requires org.jsoup;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    requires org.apache.commons.text;

    exports dev.gitpypi.validator;
}
