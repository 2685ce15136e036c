package dev.gitpypi.validator;

import dev.gitpypi.core.Severity;
import java.util.Optional;

/**
 * The SPEC.md rules the validator checks, each with its stable id, the level the SPEC gives it, its default
 * {@link Severity} and the text of its documentation page ({@code docs/rules/<ID>.md}).
 *
 * <p>The client-behaviour rules ({@code PIP-*}, {@code UV-*}, {@code POETRY-*}, {@code PDM-*}) are facts about pip,
 * uv, poetry 1.x and pdm 2.2; the validator cites them as the reason why an installer would not use a link (see
 * {@link LinkVerdict}) and reports the ones that make a page fail for an installer.
 */
public enum Rule {
    /** Root lists every project exactly once. */
    P503_01("MUST", Severity.ERROR, "PEP 503; spec §Project List",
            "The root page lists every project of the repository with exactly one anchor.",
            "pip never reads the root page, but uv, mirrors and humans do; a project missing there, or listed twice,"
                    + " is invisible or ambiguous to them.",
            "Render the root page from the same project list as the project pages; merge spellings that normalize"
                    + " to the same name."),
    /** Root anchor text is the name; href points to its page. */
    P503_02("MUST", Severity.ERROR, "PEP 503; spec §Project List",
            "Each root anchor's text is the project's name and its href points to that project's page"
                    + " (`<normalized>/`).",
            "uv parses the anchor text as the project name (UV-03); a description or a mismatched href sends"
                    + " clients to the wrong page.",
            "Write `<a href=\"<normalized>/\">Display Name</a>`."),
    /** Project page path is the normalized name. */
    P503_03("MUST (implied)", Severity.ERROR, "PEP 503; spec §Project Detail",
            "Each project page lives at `/<normalized name>/`.",
            "pip and uv only ever request the normalized URL (PIP-01, UV-01); a page elsewhere is never found.",
            "Name the project directory with the PEP 503 normalized name (lower case, runs of `-_.` become `-`)."),
    /** Trailing slashes. */
    P503_04("MUST / SHOULD", Severity.ERROR, "PEP 503; spec §Project Detail",
            "URLs of HTML pages end with `/`; a request without the slash should redirect to the slash form.",
            "Relative file links on a page served at `/foo` resolve against `/`, so every file link breaks.",
            "Link to `<name>/` from the root and make the server redirect `/name` to `/name/`."),
    /** Redirect of non-normalized names. */
    P503_05("MAY", Severity.NOTE, "PEP 503; spec",
            "A server may redirect `/Foo_Bar/` to `/foo-bar/`; clients must not rely on it.",
            "Helps humans and old clients that type display names into URLs.",
            "Optional: redirect non-normalized project URLs to the normalized one."),
    /** One anchor per file. */
    P503_06("MUST (implied)", Severity.ERROR, "PEP 503; spec §Project Detail",
            "A project page lists each file once.",
            "Two anchors for one file (for example with and without hash) make installers pick one arbitrarily.",
            "Deduplicate files by file name before rendering."),
    /** Anchor text equals the URL's last path segment. */
    P503_07("MUST", Severity.ERROR, "PEP 503; spec §Project Detail",
            "Each file anchor's text equals the final path component of its URL (query and fragment ignored,"
                    + " percent-decoded).",
            "pip and uv take the file name from the URL, never from the text (PIP-05, UV-03); when they differ,"
                    + " what people read is not what installers use.",
            "Link to a URL whose last segment is the file name, and use that name as the anchor text."),
    /** Hash fragment form. */
    P503_08("SHOULD", Severity.WARNING, "PEP 503; spec §Project Detail",
            "Each file URL carries `#<hashname>=<hexdigest>`, lower-case name, lower-case hex of the right length;"
                    + " in deep mode the digest matches the file.",
            "Hashes let installers verify downloads; pip verifies the first hash even without --require-hashes"
                    + " (PIP-10), so a wrong digest fails every install.",
            "Append `#sha256=<64 lower-case hex digits>` computed over the file's bytes."),
    /** Hash algorithm. */
    P503_09("SHOULD", Severity.WARNING, "PEP 503; spec",
            "The hash algorithm is one of md5, sha1, sha224, sha256, sha384, sha512 (sha256 recommended).",
            "Other names are ignored by pip (PIP-10); some make uv fail (UV-04).",
            "Use sha256."),
    /** GPG signature attribute. */
    P503_12("MUST / MAY / SHOULD", Severity.ERROR, "PEP 503; spec",
            "`data-gpg-sig` is exactly `true` or `false`; if used on one link it should be on every link.",
            "Any other value has no meaning to clients.",
            "Write `data-gpg-sig=\"true\"` only where `<file URL>.asc` exists, `false` elsewhere."),
    /** requires-python attribute. */
    P503_13("MUST", Severity.ERROR, "PEP 503 (2016 update); spec",
            "`data-requires-python` is a valid version-specifier set, with `<` and `>` escaped as `&lt;`/`&gt;`.",
            "pip keeps a file whose value it cannot parse (PIP-08), uv skips it (UV-07): the installers disagree.",
            "Escape the attribute and emit only values that parse as specifiers, such as `&gt;=3.9`."),
    /** Valid HTML5. */
    P503_14("MUST", Severity.ERROR, "spec §HTML Serialization",
            "Every HTML response is an HTML5 document: `<!DOCTYPE html>`, and API `<meta>` tags in `<head>`.",
            "Clients tolerate bare anchor lists, but the standard requires a document, and uv reads status"
                    + " markers only from `<head>` (UV-03).",
            "Start the page with `<!DOCTYPE html>` and put `<meta>` tags inside `<head>`."),
    /** HTML media type. */
    P503_15("INTEROP", Severity.WARNING, "pip collector.py _ensure_api_header; uv MediaType",
            "HTML pages are served as `text/html` (optionally `; charset=utf-8`), lower case.",
            "pip skips a page of any other type (PIP-02); uv fails (UV-01).",
            "Configure the host to send `Content-Type: text/html; charset=utf-8` for index pages."),
    /** data-yanked values. */
    P592_01("MAY / INTEROP", Severity.WARNING, "PEP 592; spec \"File Yanking\"",
            "`data-yanked` carries a value: the empty string or the reason.",
            "A bare `data-yanked` is yanked for uv (UV-08) but not yanked for pip (PIP-09).",
            "Write `data-yanked=\"\"` or `data-yanked=\"<reason>\"`."),
    /** JSON yanked type. */
    P592_05("MUST (type)", Severity.ERROR, "PEP 691; spec §JSON Project Detail",
            "JSON `yanked` is a boolean or a non-empty string.",
            "`\"\"` is not yanked for pip but yanked for uv; other types break clients.",
            "Write `true` or the reason."),
    /** Repository version meta. */
    P629_01("SHOULD", Severity.WARNING, "PEP 629; spec §Versioning",
            "Every page declares its API version: `<meta name=\"pypi:repository-version\" content=\"X.Y\">` or"
                    + " JSON `meta.api-version`, exactly `Major.Minor`.",
            "Clients assume 1.0 when it is absent; a malformed version cannot be compared.",
            "Add `<meta name=\"pypi:repository-version\" content=\"1.0\">` (or the version your features need)."),
    /** Version covers features. */
    P629_04("MUST", Severity.ERROR, "PEP 700, PEP 740, PEP 792",
            "The declared API version is at least the version that introduced every feature on the page:"
                    + " `versions`/`size`/`upload-time` need 1.1, provenance 1.3, project status 1.4.",
            "Clients use the version to know which fields they may trust.",
            "Raise the declared version, or drop the feature."),
    /** 1.1 fields present. */
    P629_05("MUST", Severity.ERROR, "PEP 700",
            "A JSON project page declaring 1.1 or later has `versions`, and every file has `size`.",
            "Clients of 1.1 may rely on both.",
            "Add `versions` and each file's `size`, or declare 1.0."),
    /** HTML/JSON version sync. */
    P629_06("SHOULD", Severity.WARNING, "spec §JSON Versioning; PEP 833",
            "HTML pages declare at most 1.4 (the HTML form is frozen), and HTML and JSON agree within a major"
                    + " version.",
            "A version without features confuses tools that do feature detection.",
            "Declare 1.0–1.4 on HTML pages."),
    /** data-core-metadata value. */
    P658_01("MAY / SHOULD", Severity.WARNING, "PEP 658; PEP 714; spec",
            "`data-core-metadata` is `true` or `<hashname>=<hexdigest>` of the metadata file.",
            "pip treats any other value, even `false`, as \"the metadata file exists\" (PIP-11) and fails when it"
                    + " does not; uv reads `false` as absent.",
            "Emit `data-core-metadata=\"sha256=<hex>\"` only when `<file>.metadata` is published; otherwise omit"
                    + " it."),
    /** .metadata served. */
    P658_02("MUST", Severity.ERROR, "PEP 658; spec §Serve Distribution Metadata",
            "When a link says a core-metadata file exists, `<file URL>.metadata` is served and matches its hash.",
            "pip fetches it without error handling: a 404 fails the install (PIP-11).",
            "Publish the file next to the distribution, or drop the attribute."),
    /** .metadata identical to METADATA. */
    P658_03("MUST", Severity.ERROR, "PEP 658",
            "The `.metadata` file is byte-identical to the wheel's `*.dist-info/METADATA`.",
            "pip 26.2 and later fail when the two disagree on name, version or dependencies.",
            "Extract METADATA from the wheel instead of regenerating it."),
    /** Media types. */
    P691_01("MUST", Severity.ERROR, "PEP 691; spec §Content-Types",
            "Responses carry a Content-Type, one of `application/vnd.pypi.simple.v1+json`,"
                    + " `application/vnd.pypi.simple.v1+html` or `text/html`; never a `latest` type.",
            "pip skips (PIP-02) and uv rejects (UV-01) other types; `application/json` is not a simple-API type.",
            "Serve JSON as `application/vnd.pypi.simple.v1+json` and HTML as `text/html`."),
    /** Negotiation and Vary. */
    P691_02("SHOULD", Severity.WARNING, "spec §Version + Format Selection",
            "A server that negotiates the format on `Accept` says so with `Vary: Accept`.",
            "Without it a cache or CDN can hand JSON to an HTML-only client or the reverse.",
            "Send `Vary: Accept` on every negotiated response."),
    /** JSON document shape. */
    P691_05("MUST", Severity.ERROR, "PEP 691; spec §JSON Serialization",
            "Every JSON response is an object with `meta` holding a string `api-version`.",
            "Clients need the object and the version to read anything else.",
            "Emit `{\"meta\": {\"api-version\": \"1.1\"}, ...}`."),
    /** JSON root shape. */
    P691_06("MUST", Severity.ERROR, "PEP 691; spec §JSON Project List",
            "The JSON root has `projects`, an array of objects with a string `name`.",
            "Clients fail on any other shape.",
            "Emit `\"projects\": [{\"name\": \"foo\"}]`."),
    /** JSON detail shape. */
    P691_07("MUST", Severity.ERROR, "PEP 691; spec §JSON Project Detail",
            "A JSON project page has `name` (normalized) and a `files` array.",
            "Clients fail on any other shape.",
            "Emit the normalized name and an array of file objects."),
    /** JSON file object. */
    P691_08("MUST / SHOULD", Severity.ERROR, "PEP 691; spec",
            "Each JSON file has string `filename` and `url`, and a `hashes` object (even empty) of lower-case"
                    + " names to hex; `filename` equals the URL's last path segment.",
            "uv rejects the whole page when `hashes` is missing (UV-09); pip uses the URL, uv the `filename` key.",
            "Always write `hashes`, with `sha256`."),
    /** JSON requires-python. */
    P691_09("SHOULD", Severity.WARNING, "PEP 691; spec",
            "JSON `requires-python` is a plain string, not HTML-escaped.",
            "`&gt;=3.8` is not a specifier; installers then keep or skip the file inconsistently.",
            "Write `\">=3.8\"`."),
    /** JSON core-metadata. */
    P691_10("MUST", Severity.ERROR, "PEP 691/714; spec",
            "JSON `core-metadata` is a boolean or an object of hash names to hex digests.",
            "The HTML syntax `sha256=...` in JSON is not understood.",
            "Write `\"core-metadata\": {\"sha256\": \"<hex>\"}`."),
    /** JSON gpg-sig. */
    P691_11("MUST (type)", Severity.ERROR, "PEP 691; spec",
            "JSON `gpg-sig` is a boolean.",
            "A string `\"true\"` is not a boolean.",
            "Write `true` or `false`."),
    /** PEP 700 versions. */
    P700_02("MUST / SHOULD", Severity.ERROR, "PEP 700; spec",
            "`versions` is an array of distinct strings holding the version of every file.",
            "Clients list versions from it without parsing file names.",
            "Derive `versions` from the file names and deduplicate it."),
    /** PEP 700 size. */
    P700_03("MUST", Severity.ERROR, "PEP 700; spec",
            "Each `size` is a JSON integer equal to the file's byte length.",
            "Clients show and check it.",
            "Write the size as an integer from the file itself."),
    /** PEP 700 upload-time. */
    P700_04("MUST / MAY", Severity.ERROR, "PEP 700; spec",
            "`upload-time` is `YYYY-MM-DDTHH:MM:SS[.ffffff]Z` in UTC.",
            "pip parses it with `datetime.fromisoformat` and fails on the page otherwise (PIP-12).",
            "Emit no fraction or exactly six digits, with a literal `Z`."),
    /** PEP 714 attribute name. */
    P714_01("MUST", Severity.ERROR, "PEP 714 §Servers",
            "HTML uses `data-core-metadata` (the legacy `data-dist-info-metadata` only beside it, with the same"
                    + " value); JSON uses `core-metadata`, not `dist-info-metadata`.",
            "Old pip crashes on the legacy JSON key; new clients ignore the legacy attribute alone.",
            "Emit the new name; if you keep the old one, give it the identical value."),
    /** PEP 740 provenance URL. */
    P740_01("MAY / MUST", Severity.ERROR, "PEP 740; spec §HTML",
            "`data-provenance` is an absolute https URL.",
            "Verifiers fetch it from a secure origin only.",
            "Write the full `https://` URL of the provenance file."),
    /** PEP 740 JSON provenance. */
    P740_02("MUST", Severity.ERROR, "PEP 740; spec §JSON",
            "JSON `provenance` is an absolute https URL string, or null.",
            "Other types are not understood.",
            "Write the URL string or `null`."),
    /** PEP 740 provenance document. */
    P740_03("MUST", Severity.ERROR, "spec \"Index hosted attestations\" §Provenance objects",
            "In deep mode, when a file has a provenance URL: the document is served and is JSON `{\"version\": 1,"
                    + " \"attestation_bundles\": [{\"publisher\": {\"kind\": ..., \"claims\": ...},"
                    + " \"attestations\": [...]}]}` with at least one bundle, and each attestation's in-toto statement"
                    + " (`envelope.statement`, base64) has a subject naming the file with the file's SHA-256 digest."
                    + " Only the shape and the subject are checked: signatures and certificates are not verified."
                    + " The document is fetched like every file in deep mode: for a remote index over http(s) only"
                    + " (https only when the index is https), for a local one from inside its folder only.",
            "Verifiers must reject other versions, and an attestation for another file vouches for nothing.",
            "Serve the provenance object the index received with the upload, for that very file."),
    /** PEP 792 status values. */
    P792_01("SHOULD / MAY / MUST", Severity.ERROR, "PEP 792 §HTML",
            "`pypi:project-status` is one of `active`, `archived`, `quarantined`, `deprecated` (lower case).",
            "uv treats unknown values as active (UV-03).",
            "Use one of the four lower-case markers."),
    /** PEP 792 JSON shape. */
    P792_02("MUST", Severity.ERROR, "spec §JSON Project Detail; PEP 792",
            "JSON status is a top-level object `\"project-status\": {\"status\": ..., \"reason\": ...}`.",
            "uv reads exactly that shape (UV-09).",
            "Move the status out of `meta` into a top-level object with `status` and `reason`."),
    /** PEP 792 quarantine. */
    P792_03("MUST / MUST NOT", Severity.ERROR, "spec \"Project Status Markers\"",
            "A quarantined project offers no files.",
            "Quarantine exists to stop installs of a suspect project.",
            "Remove the files from the page of a quarantined project."),
    /** Valid names. */
    NAME_01("MUST", Severity.ERROR, "spec \"Name format\"",
            "Project names are ASCII letters, digits, `.`, `_`, `-`, starting and ending with a letter or digit.",
            "uv drops root anchors whose text is not a valid name (UV-03).",
            "Rename the project."),
    /** Distinct normalized names. */
    NAME_03("MUST (implied)", Severity.ERROR, "spec \"Names and normalization\"",
            "No two projects share a normalized name.",
            "Their pages would be the same URL.",
            "Merge the projects."),
    /** Wheel file name dashes. */
    WHL_01("MUST", Severity.ERROR, "spec \"Binary distribution format\"",
            "A wheel name is `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl`: 4 or 5 dashes.",
            "pip and uv skip wheels they cannot parse.",
            "Rename the file the way the build backend does."),
    /** Wheel name part. */
    WHL_02("SHOULD", Severity.WARNING, "spec \"Binary distribution format\" §Escaping",
            "The wheel's name part is the normalized name with `-` as `_` (`[a-z0-9]+(_[a-z0-9]+)*`) and names"
                    + " this project.",
            "pip rejects a name part with `__` or characters outside `[\\w.]` (PIP-05).",
            "Use `normalize(name).replace(\"-\", \"_\")`."),
    /** Wheel version part. */
    WHL_03("SHOULD", Severity.WARNING, "spec \"Binary distribution format\" §Escaping",
            "The wheel's version part is a PEP 440 version in normal form.",
            "Non-normal spellings parse, but tools compare file names as strings.",
            "Write `str(Version(v))`."),
    /** Build tag. */
    WHL_04("MUST", Severity.ERROR, "spec \"Binary distribution format\"",
            "An optional build tag starts with a digit (uv also requires `[A-Za-z0-9_.]`).",
            "Installers reject the file name otherwise.",
            "Start the build tag with a digit, or drop it."),
    /** Compressed tag sets. */
    WHL_05("MUST / SHOULD", Severity.ERROR, "spec \"Platform compatibility tags\"",
            "Tag sets have no empty member and are sorted.",
            "packaging rejects empty members; unsorted sets are a warning.",
            "Write `py2.py3-none-any`."),
    /** Wheel metadata. */
    WHL_06("MUST", Severity.ERROR, "spec \"Binary distribution format\" §Details",
            "The wheel holds `{name}-{version}.dist-info/METADATA` whose Name and Version match the file name.",
            "pip fails after download with MetadataInconsistent.",
            "Rebuild the wheel."),
    /** Sdist name. */
    SD_01("MUST (producer)", Severity.WARNING, "PEP 625; spec \"Source distribution format\"",
            "An sdist is `{name}-{version}.tar.gz` with the name in normalized `_` form and a normal version."
                    + " Reported as a warning: legacy names are accepted by pip.",
            "Tools parse the file name without opening the archive (SD-03).",
            "Build with a current backend (it writes PEP 625 names)."),
    /** Sdist metadata. */
    SD_02("MUST", Severity.ERROR, "spec \"Source distribution format\"",
            "In deep mode: the `.tar.gz` sdist has a top-level `PKG-INFO` whose Name and Version match the file"
                    + " name.",
            "Tools read name and version from the file name without opening the archive (SD-03).",
            "Build the sdist with a current backend from the tagged source."),
    /** Sdist archive format. */
    SD_04("MUST", Severity.ERROR, "spec \"Source distribution format\" §Source distribution file format",
            "In deep mode: the `.tar.gz` sdist is a gzip'd POSIX.1-2001 (pax) tar with a single top-level directory"
                    + " `{name}-{version}` holding `PKG-INFO` (Metadata-Version 2.2 or later; from 2.4 its"
                    + " `License-File` files are present) and `pyproject.toml`; no entry is absolute or climbs out"
                    + " with `..`, no link points outside the directory, and there are no device files or FIFOs.",
            "Installers unpack the archive with Python's `tarfile`; entries outside the directory are dangerous and"
                    + " rejected by its extraction filters, and a missing `pyproject.toml` or old `PKG-INFO`"
                    + " leaves tools guessing how to build it.",
            "Build the sdist with a current build backend (`python -m build --sdist`) instead of by hand."),
    /** Sdist extension. */
    SD_05("INTEROP", Severity.WARNING, "pip SUPPORTED_EXTENSIONS; uv is_pep625_compliant",
            "Sdists are `.tar.gz` (or `.zip`) — the only extensions uv uses.",
            "uv ignores `.tar.bz2`, `.tgz` and the like.",
            "Publish `.tar.gz`."),
    /** Equal versions spelled differently. */
    VER_04("MUST", Severity.WARNING, "spec §Public version identifiers",
            "Versions are unique: two spellings of one version (`1.0`, `1.0.0`) in one project are reported.",
            "Installers treat them as the same version and pick a file arbitrarily.",
            "Keep one spelling per version."),
    /** Unparseable version. */
    VER_05("SHOULD", Severity.WARNING, "spec §Public version identifiers",
            "Every file's version parses as PEP 440.",
            "pip and uv skip such files silently.",
            "Tag and build with PEP 440 versions."),
    /** rc and c. */
    VER_06("SHOULD", Severity.WARNING, "spec §Pre-releases",
            "A release segment does not have both `rc` and `c` pre-releases.",
            "They sort as the same kind; the index should refuse one of them.",
            "Use `rc` only."),
    /** Metadata fields. */
    META_01("MUST", Severity.ERROR, "core metadata §Metadata-Version",
            "A core-metadata file has Metadata-Version (a known one), Name and Version.",
            "Installers reject metadata without them.",
            "Rebuild with a current backend."),
    /** Metadata name and version. */
    META_02("MUST", Severity.ERROR, "core metadata §Name, §Version",
            "In deep mode: the metadata's Name is a valid project name and its Version a PEP 440 version.",
            "Installers reject metadata they cannot read.",
            "Fix the name or version in the build configuration."),
    /** Requires-Python agreement. */
    META_03("MUST", Severity.ERROR, "core metadata §Requires-Python",
            "The index's requires-python equals the file's Requires-Python metadata.",
            "Installers choose files by the index value and then see a different one.",
            "Copy Requires-Python from the metadata into the index."),
    /** pip content types. */
    PIP_02("FACT", Severity.WARNING, "pip collector.py _ensure_api_header",
            "pip reads pages served as `text/html`, `application/vnd.pypi.simple.v1+html` or"
                    + " `application/vnd.pypi.simple.v1+json` only.",
            "Any other type makes the project look empty to pip.",
            "Fix the Content-Type (P503-15, P691-01)."),
    /** pip file names. */
    PIP_05("FACT", Severity.WARNING, "pip package_finder.py LinkEvaluator",
            "pip uses a file when its URL's last segment is a wheel or archive of this project with a PEP 440"
                    + " version.",
            "Other files are skipped silently.",
            "Use standard wheel and sdist names."),
    /** pip egg fragments. */
    PIP_06("FACT", Severity.ERROR, "pip models/link.py Link._egg_fragment",
            "An `#egg=` fragment must be a valid project name; pip 26 aborts the whole project page otherwise.",
            "One bad egg fragment makes every file of the project uninstallable with pip.",
            "Write `#egg=<name>-<version>` with a plain version, or drop the fragment."),
    /** pip VCS and egg links. */
    PIP_07("FACT", Severity.ERROR, "pip package_finder.py; prepare.py unpack_url",
            "pip installs VCS links carrying `#egg=<name>-<version>` (a link without one is reported as a warning);"
                    + " in deep mode the ref must exist. Refs are checked with `git ls-remote`, run with no credentials"
                    + " and no git configuration, for http, https, ssh and git URLs only; a ref that could not be"
                    + " checked (git missing, a time-out, a repository that asks for credentials, a local repository"
                    + " outside the validated folder) is a note saying so.",
            "A link without a version is skipped by pip; a missing tag or branch fails the install at clone time.",
            "Write `#egg=<name>-<version>` and point the link at a tag that exists, or remove it."),
    /** pip requires-python. */
    PIP_08("FACT", Severity.WARNING, "pip package_finder.py _check_link_requires_python",
            "pip keeps a file whose requires-python it cannot parse (it logs the error at debug level only).",
            "uv skips the same file (UV-07): the installers disagree about it.",
            "Fix the specifier (P503-13)."),
    /** pip yanked. */
    PIP_09("FACT", Severity.WARNING, "pip Link.is_yanked",
            "pip treats a bare `data-yanked` (no value) as not yanked.",
            "pip and uv then disagree.",
            "Give data-yanked a value (P592-01)."),
    /** pip metadata attribute. */
    PIP_11("FACT", Severity.WARNING, "pip Link.metadata_link; prepare.py",
            "pip treats any `data-core-metadata` value other than a hash or `true`, even `false`, as existing.",
            "pip then fetches a missing `.metadata` and fails.",
            "Omit the attribute when there is no metadata file (P658-01)."),
    /** uv content type. */
    UV_01("FACT", Severity.WARNING, "uv registry_client.rs MediaType",
            "uv requires exactly `text/html`, `application/vnd.pypi.simple.v1+html` or"
                    + " `application/vnd.pypi.simple.v1+json`, case-sensitive.",
            "Anything else is a hard error for uv.",
            "Fix the Content-Type (P503-15, P691-01)."),
    /** uv hash names. */
    UV_04("FACT", Severity.WARNING, "uv html.rs parse_anchor; Hashes::parse_fragment",
            "uv accepts hash fragments md5, sha256, sha384, sha512, blake2b (and ignores egg); any other name"
                    + " fails the whole page.",
            "`#sha1=` links make the project uninstallable with uv.",
            "Use `#sha256=`."),
    /** uv VCS links. */
    UV_05("FACT", Severity.WARNING, "uv registry_client.rs; astral-sh/uv#12868",
            "uv skips VCS links and files that are not a wheel or sdist of this project.",
            "Projects offered only as `git+` links cannot be installed with uv.",
            "Offer a built sdist or wheel as well (link style `sdist` or `release`)."),
    /** uv sdist names. */
    UV_06("FACT", Severity.WARNING, "uv SourceDistFilename::parse",
            "uv uses an sdist only when its name part equals the normalized project name character by character"
                    + " after lower-casing and mapping `_`/`.` to `-` (runs are not collapsed).",
            "`foo__bar-1.0.tar.gz` is skipped by uv for `foo-bar`.",
            "Use PEP 625 names (SD-01)."),
    /** uv requires-python. */
    UV_07("FACT", Severity.WARNING, "uv File::try_from_pypi",
            "uv skips a file whose requires-python it cannot parse.",
            "pip keeps such a file (PIP-08).",
            "Fix the specifier (P503-13)."),
    /** uv yanked. */
    UV_08("FACT", Severity.WARNING, "uv html.rs; yanks.rs",
            "uv treats a bare `data-yanked` and JSON `\"yanked\": \"\"` as yanked.",
            "pip and uv then disagree.",
            "Give data-yanked a value, and JSON yanked `true` or a reason."),
    /** uv JSON files. */
    UV_09("FACT", Severity.WARNING, "uv simple_json.rs PypiFile",
            "uv requires `filename`, `url` and `hashes` on every JSON file object.",
            "A missing key fails the whole page for uv.",
            "Always write all three."),
    /** poetry reads pages as HTML only. */
    POETRY_01("FACT", Severity.WARNING, "poetry 1.3.2 repositories/legacy_repository.py _get_page;"
            + " link_sources/html.py",
            "poetry 1.x asks for project pages with `Accept: */*` and reads every answer as HTML: a PEP 691 JSON page"
                    + " gives it no files.",
            "A server that answers JSON to a request without preference makes every package look missing to poetry"
                    + " (\"doesn't match any versions\").",
            "Answer HTML to `Accept: */*` and to requests without `Accept`, as pypi.org does (`gitpypi serve` and"
                    + " `examples/nginx.conf` do)."),
    /** poetry's file extensions. */
    POETRY_02("FACT", Severity.WARNING, "poetry 1.3.2 repositories/link_sources/base.py SUPPORTED_FORMATS",
            "poetry 1.x uses a link only when its file name ends with `.whl`, `.tar.gz`, `.zip`, `.tar.bz2`,"
                    + " `.tar.xz`, `.tar.Z` or `.tar`, case included: VCS links (`git+…#egg=`), `.tgz`, `.egg` and"
                    + " upper-case extensions are skipped.",
            "A project offered only as `git+` links (link style `vcs`) or as `.tgz` sdists cannot be locked with"
                    + " poetry.",
            "Offer wheels or `.tar.gz` sdists as well (link styles `sdist`, `files`, `release`)."),
    /** poetry's file names. */
    POETRY_03("FACT", Severity.WARNING, "poetry 1.3.2 link_sources/base.py link_package_data; utils/patterns.py",
            "poetry 1.x takes name and version from the file name (`<name>-<version starting with a digit>…`) and"
                    + " skips a file whose version it cannot parse or whose name is not the project's:"
                    + " `demo_2.0.tar.gz` and `demo-2.0-SNAPSHOT.tar.gz` are skipped.",
            "The release is invisible to poetry while other clients may use it (pdm accepts `demo_2.0.tar.gz`).",
            "Name files in the canonical form (SD-01, WHL-02)."),
    /** poetry's yanked files. */
    POETRY_04("FACT", Severity.WARNING, "poetry 1.3.2 link_sources/html.py, base.py yanked; poetry-core Link",
            "poetry 1.x treats every `data-yanked`, even one without a value, as yanked, and a release as yanked only"
                    + " when all its files are; a yanked release is used only for an exact `==` pin.",
            "A bare `data-yanked` is yanked for poetry and uv but not for pip and pdm (PIP-09, PDM-01).",
            "Write `data-yanked=\"\"` or a reason, and yank every file of a release."),
    /** poetry reads Requires-Python from the file. */
    POETRY_05("FACT", Severity.NOTE, "poetry 1.3.2 repositories/http_repository.py _links_to_data",
            "poetry 1.x ignores `data-requires-python` and PEP 658 metadata: it downloads each candidate file and"
                    + " reads `Requires-Python` and the dependencies from the file itself.",
            "Where the page and the file disagree (META-03) poetry follows the file: it uses a file whose"
                    + " `data-requires-python` excludes the running Python if the file's metadata does not, and it"
                    + " is not stopped by a value that does not parse.",
            "Keep `data-requires-python` equal to the file's `Requires-Python`."),
    /** poetry cannot fetch file: URLs. */
    POETRY_06("FACT", Severity.WARNING, "poetry 1.3.2 repositories/http_repository.py (requests)",
            "poetry 1.x downloads with requests, which has no `file:` support: a `file://` link, or a `file://`"
                    + " source, fails the whole lock (\"No connection adapters were found\").",
            "The project cannot be locked with poetry at all.",
            "Serve the site over HTTP and link its files relatively or over http(s)."),
    /** pdm's yanked files. */
    PDM_01("FACT", Severity.WARNING, "unearth 0.7.2 collector.py parse_html_page, parse_json_response;"
            + " evaluator.py _check_yanked",
            "pdm 2.2 (unearth 0.7) treats `data-yanked` with a value, even an empty one, as yanked and a bare"
                    + " `data-yanked` as not yanked; JSON `yanked` counts when truthy (`\"\"` is not yanked). A"
                    + " yanked file is used only for an exact pin.",
            "pdm and pip do not see a bare `data-yanked` as yanked; poetry and uv do (POETRY-04, UV-08).",
            "Write `data-yanked=\"\"` or a reason, and JSON `yanked` as `true` or a reason."),
    /** pdm's file names. */
    PDM_02("FACT", Severity.WARNING, "unearth 0.7.2 evaluator.py evaluate_link, parse_version_from_egg_info",
            "pdm 2.2 reads wheel names with packaging's `parse_wheel_filename`, skipping invalid ones and those of"
                    + " another project; other links need `#egg=<name>-<version>` (VCS links) or an archive"
                    + " extension (`.zip`, `.whl`, `.tar.gz`, `.tgz`, `.tar`, `.tar.bz2`, `.tbz`, `.tar.xz`,"
                    + " `.txz`, `.tlz`, `.tar.lz`, `.tar.lzma`, case included), and the version is what follows the"
                    + " first prefix that normalizes to the project and is followed by `-` or `_`; a version that is"
                    + " not PEP 440 skips the file.",
            "pdm then skips the release (and accepts `demo_2.0.tar.gz`, which pip and poetry skip).",
            "Name files in the canonical form (SD-01, WHL-02)."),
    /** pdm fails on an invalid requires-python. */
    PDM_03("FACT", Severity.ERROR, "pdm 2.2.1 models/candidates.py requires_python; models/repositories.py"
            + " find_candidates",
            "pdm 2.2 fails the whole lock on a `data-requires-python` or JSON `requires-python` value that does not"
                    + " parse (packaging's `InvalidSpecifier`).",
            "One bad value makes the project unlockable with pdm, where pip keeps the file (PIP-08) and uv skips it"
                    + " (UV-07).",
            "Write only valid specifier sets, escaped (P503-13)."),
    /** pdm locks hashes from URL fragments only. */
    PDM_04("FACT", Severity.NOTE, "pdm 2.2.1 models/repositories.py get_hashes; models/caches.py"
            + " HashCache.get_hash",
            "pdm 2.2 records in its lock file the hash of a `#sha256=`, `#sha384=` or `#sha512=` URL fragment;"
                    + " without one — as on a PEP 691 JSON page, which it asks for and whose hashes are in `hashes`"
                    + " — it downloads the file and records the hash of whatever it got.",
            "From a host that negotiates JSON (`gitpypi serve`, `examples/nginx.conf`, pypi.org), pdm locks and"
                    + " installs a file that no longer matches the index's hash; from an HTML page it refuses it.",
            "Serve pdm 2.2 the HTML form (a static host), or give file URLs a `#sha256=` fragment."),
    /** pdm and git+file links. */
    PDM_05("FACT", Severity.WARNING, "unearth 0.7.2 vcs/git.py; utils.py add_ssh_scheme_to_git_uri",
            "pdm 2.2 clones VCS links (`git+https://…@tag#egg=<name>-<version>`), but it rewrites `git+file://` URLs"
                    + " into `ssh://file//…`, which fails the lock.",
            "A site that links a local repository works with pip and not with pdm.",
            "Link a Git server (https or ssh): build with `--git URL` or `--link-url URL`.");

    private final String level;
    private final Severity severity;
    private final String source;
    private final String summary;
    private final String why;
    private final String fix;

    Rule(String level, Severity severity, String source, String summary, String why, String fix) {
        this.level = level;
        this.severity = severity;
        this.source = source;
        this.summary = summary;
        this.why = why;
        this.fix = fix;
    }

    /** @return the SPEC id, such as {@code P503-07} */
    public String id() {
        return name().replace('_', '-');
    }

    /** @return the SPEC level, such as {@code MUST} or {@code INTEROP} */
    public String level() {
        return level;
    }

    /** @return the default severity of findings of this rule */
    public Severity defaultSeverity() {
        return severity;
    }

    /** @return the primary source the SPEC cites */
    public String source() {
        return source;
    }

    /** @return what the rule checks (one or two sentences, Markdown) */
    public String summary() {
        return summary;
    }

    /** @return why it matters */
    public String why() {
        return why;
    }

    /** @return how to fix a violation */
    public String fix() {
        return fix;
    }

    /** @return the path of the rule's page relative to the repository root: {@code docs/rules/<ID>.md} */
    public String docPath() {
        return "docs/rules/" + id() + ".md";
    }

    /**
     * The rule for an id.
     *
     * @param id an id such as {@code P503-07}
     * @return the rule, if the validator knows it
     */
    public static Optional<Rule> byId(String id) {
        for (Rule r : values()) {
            if (r.id().equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
