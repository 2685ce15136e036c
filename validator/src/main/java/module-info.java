/**
 * gitpypi validator: reads any Python package index into the core model and checks it against the conformance
 * catalog.
 *
 * <p>Entry points: {@link dev.gitpypi.validator.IndexReader} (an index into the model: a folder, a page file, an
 * http(s) URL, or a {@link dev.gitpypi.validator.PageText page given as text}), {@link dev.gitpypi.validator.Validator}
 * (the same targets into a {@link dev.gitpypi.validator.Report} of typed {@link dev.gitpypi.validator.Finding}s and
 * per-installer {@link dev.gitpypi.validator.LinkVerdict}s) and {@link dev.gitpypi.validator.ReportFormat} (text,
 * JSON, SARIF, JUnit).
 *
 * <p>SECURITY: an index page is input from whoever wrote it. Deep mode fetches what a page names within a policy the
 * page cannot change (a remote index: http(s) only, https for an https index; a local one: files inside its folder),
 * runs git for a page's VCS links with no credentials and no configuration, and never puts credentials into findings
 * or reports; credentials given to the reader go to the index's own origin only.
 */
module dev.gitpypi.validator {
    requires static transitive org.jspecify;
    requires transitive dev.gitpypi.core;
    requires org.jsoup;
    requires com.fasterxml.jackson.databind;
    requires transitive java.net.http;
    requires org.apache.commons.text;

    exports dev.gitpypi.validator;
}
