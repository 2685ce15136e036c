/**
 * gitpypi core.
 */
module dev.gitpypi.core {
    requires static transitive org.jspecify;
    requires com.fasterxml.jackson.core;
    // READMEs on the pages for people: Markdown rendered by commonmark-java, sanitized with jsoup's Safelist.
    // Neither appears in core's API.
    requires org.commonmark;
    requires org.commonmark.ext.gfm.tables;
    requires org.jsoup;

    exports dev.gitpypi.core;
    exports dev.gitpypi.core.render;
    exports dev.gitpypi.core.site;
    exports dev.gitpypi.core.source;
    // helpers gitpypi's own modules share; not API
    exports dev.gitpypi.core.internal to dev.gitpypi.validator, dev.gitpypi.git, dev.gitpypi.github, dev.gitpypi.cli;
}
