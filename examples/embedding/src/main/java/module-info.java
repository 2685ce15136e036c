/**
 * An example of a Java program that embeds gitpypi: it requires the library modules and uses only what they
 * export. See {@link dev.gitpypi.example.embedding.EmbeddingExample}.
 */
module dev.gitpypi.example.embedding {
    requires dev.gitpypi.core;
    requires dev.gitpypi.validator;
    requires dev.gitpypi.git;
    requires static org.jspecify;
}
