package dev.gitpypi.git.internal.metadata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a Python project's metadata from the files of one folder, without running any of its code (the entry point
 * of this package).
 *
 * <p>With a {@code [project]} table in {@code pyproject.toml} (PEP 621), that table is the metadata; fields it lists
 * in {@code dynamic} come from {@code [tool.setuptools.dynamic]}, or for a setuptools backend from
 * {@code setup.cfg}/{@code setup.py}, or stay {@code Dynamic}. Without it — poetry's and old flit's tables aside —
 * the metadata is setuptools': {@code setup.cfg} ({@code [metadata]}, {@code [options]}, {@code attr:},
 * {@code file:}) overridden by the keywords of {@code setup.py}'s {@code setup()} call, read by
 * {@link PythonEvaluator} (literals, module constants, {@code about["__title__"]} filled by {@code exec},
 * {@code __version__} read from a module, {@code **dict} spreads). A field that cannot be known is declared
 * {@code Dynamic}; a name that cannot be known is left out, with {@link ProjectMetadata#nameTrail()} saying why.
 *
 * <p>Every file is read through {@link TreeFiles} (bounded by it); paths that leave the folder are never asked
 * for. Stateless and thread-safe.
 */
public final class MetadataReader {
    private MetadataReader() {
    }

    /**
     * Reads the metadata of the project in a folder.
     *
     * @param files the folder's files
     * @return what they say (the name may be unknown)
     * @throws IOException if the tree cannot be read
     * @throws MetadataException if a file is there but unusable (invalid TOML, a field of the wrong type, a readme
     *                           that is missing, a file too large)
     */
    public static ProjectMetadata read(TreeFiles files) throws IOException, MetadataException {
        PythonEvaluator python = new PythonEvaluator(files);
        Optional<byte[]> pyprojectBytes = files.read("pyproject.toml");
        Pyproject.Result pyproject = null;
        if (pyprojectBytes.isPresent()) {
            pyproject = new Pyproject(python, files).read(text("pyproject.toml", pyprojectBytes.get()));
        }
        String backend = pyproject == null ? Pyproject.LEGACY_BACKEND : pyproject.backend;
        if (pyproject != null && pyproject.hasProject && pyproject.fromSetuptools.isEmpty()
                && !pyproject.versionFromSetuptools) {
            // [project] says everything it can: setup.cfg and setup.py are not read (nor fetched over an API)
            String note = pyproject.name == null ? pyproject.nameNote : "";
            return new ProjectMetadata("pyproject.toml", pyproject.name, pyproject.version,
                    pyproject.draft.restAbsent().build(), backend, note);
        }
        Optional<byte[]> cfgBytes = files.read("setup.cfg");
        SetuptoolsOptions cfg = null;
        if (cfgBytes.isPresent()) {
            cfg = SetupCfg.read(text("setup.cfg", cfgBytes.get()), python);
        }
        boolean hasSetupPy = files.read("setup.py").isPresent();
        Optional<SetupPy.Result> setupPy = hasSetupPy ? SetupPy.read(python) : Optional.empty();

        SetuptoolsOptions options = cfg == null ? new SetuptoolsOptions() : cfg;
        if (hasSetupPy) {
            SetuptoolsOptions py;
            if (setupPy.isPresent()) {
                py = setupPy.get().options();
            } else {
                py = new SetuptoolsOptions();
                py.complete = false;
            }
            options = SetuptoolsOptions.merge(options, py);
        }

        if (pyproject != null && pyproject.hasProject) {
            Draft d = pyproject.draft;
            String version = pyproject.version;
            if (!pyproject.fromSetuptools.isEmpty() && (cfg != null || hasSetupPy)) {
                options.apply(d, pyproject.fromSetuptools);
            }
            if (pyproject.versionFromSetuptools && options.get("version") instanceof String v) {
                version = v;
            }
            String note = pyproject.name == null ? pyproject.nameNote : "";
            return new ProjectMetadata("pyproject.toml", pyproject.name, version, d.restAbsent().build(), backend,
                    note);
        }

        Draft d = new Draft();
        List<String> sources = new ArrayList<>();
        if (cfg != null) {
            sources.add("setup.cfg");
        }
        if (hasSetupPy) {
            sources.add("setup.py");
        }
        if (sources.isEmpty()) {
            d.rest();
        } else {
            options.apply(d, Draft.TRACKED);
            d.restAbsent();
        }
        Object name = options.get("name");
        Object version = options.get("version");
        String trail = "";
        if (!(name instanceof String)) {
            trail = nameTrail(pyproject, cfg, hasSetupPy, setupPy, name);
        }
        return new ProjectMetadata(sources.isEmpty() ? "no metadata file" : String.join(" and ", sources),
                name instanceof String n && !n.isBlank() ? n.strip() : null,
                version instanceof String v && !v.isBlank() ? v.strip() : null, d.build(), backend, trail);
    }

    private static String nameTrail(Pyproject.Result pyproject, SetuptoolsOptions cfg, boolean hasSetupPy,
            Optional<SetupPy.Result> setupPy, Object name) {
        List<String> notes = new ArrayList<>();
        if (pyproject != null) {
            notes.add(pyproject.nameNote.isEmpty() ? "pyproject.toml names no project" : pyproject.nameNote);
        }
        if (cfg != null && !(cfg.get("name") instanceof String)) {
            notes.add("setup.cfg has no name in [metadata]");
        }
        if (hasSetupPy) {
            if (setupPy.isEmpty()) {
                notes.add("setup.py cannot be tokenized as Python");
            } else if (setupPy.get().calls() == 0) {
                notes.add("setup.py has no setup() call that can be followed without running it");
            } else if (name == SetuptoolsOptions.UNKNOWN) {
                notes.add("setup.py passes setup() a name that is computed when it runs");
            } else if (!setupPy.get().options().complete) {
                notes.add("setup.py passes setup() **arguments that cannot be read without running it");
            } else {
                notes.add("setup.py's setup() call has no name");
            }
        }
        if (notes.isEmpty()) {
            return "the folder has no pyproject.toml, setup.cfg or setup.py";
        }
        return String.join("; ", notes);
    }

    private static String text(String file, byte[] bytes) throws MetadataException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MetadataException(file + " is not utf-8 text");
        }
    }
}
