package dev.gitpypi.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Problem;
import dev.gitpypi.core.Project;
import dev.gitpypi.core.Severity;
import dev.gitpypi.core.SourceResult;
import dev.gitpypi.core.internal.Links;
import dev.gitpypi.testing.Json;
import dev.gitpypi.testing.Python;
import dev.gitpypi.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The package list as pip sees it (issue 12): over dumb-pypi's 71,408 real file names, gitpypi lists exactly the
 * files that pip's own parser accepts for some valid project — pip's {@code Link} (URL to file name and
 * extension), its {@code Wheel} class (this machine's pip reads {@code _} in a wheel version as {@code -}), its
 * {@code _extract_version_from_fragment} for every {@code -} whose prefix is a valid project name, and its
 * {@code -pyX.Y} check — with the version as packaging's {@code Version} reads it (pip 24.1 and later refuse other
 * versions). Each listed file sits under the first project pip would list it for, with the version pip reads.
 */
class PipFilesDifferentialIT {
    private static final String SCRIPT = String.join("\n",
            "import sys, json, re, urllib.parse",
            "from packaging.utils import canonicalize_name",
            "from packaging.version import Version, InvalidVersion",
            "from pip._internal.models.link import Link",
            "from pip._internal.models.wheel import Wheel",
            "from pip._internal.exceptions import InvalidWheelFilename",
            "from pip._internal.utils.unpacking import SUPPORTED_EXTENSIONS",
            "from pip._internal.index.package_finder import _extract_version_from_fragment",
            "NAME = re.compile(r'^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$', re.I)",
            "PY = re.compile(r'-py([123]\\.?[0-9]?)$')",
            "current = '%d.%d' % sys.version_info[:2]",
            "def version(v):",
            "    if not v: return None",
            "    m = PY.search(v)",
            "    if m:",
            "        if m.group(1) != current: return None",
            "        v = v[:m.start()]",
            "    try: return str(Version(v))",
            "    except InvalidVersion: return None",
            "def accepted(filename):",
            "    link = Link('https://files.example/p/' + urllib.parse.quote(filename))",
            "    egg_info, ext = link.splitext()",
            "    if not ext or ext not in SUPPORTED_EXTENSIONS: return []",
            "    if 'macosx10' in link.path and ext == '.zip': return []",
            "    if ext == '.whl':",
            "        try: w = Wheel(link.filename)",
            "        except InvalidWheelFilename: return []",
            "        if not NAME.match(w.name): return []",
            "        v = version(w.version)",
            "        return [[canonicalize_name(w.name), v]] if v else []",
            "    out = []",
            "    for i, c in enumerate(egg_info):",
            "        if c != '-' or not NAME.match(egg_info[:i]): continue",
            "        project = canonicalize_name(egg_info[:i])",
            "        v = version(_extract_version_from_fragment(egg_info, project))",
            "        if v: out.append([project, v])",
            "    return out",
            "for line in sys.stdin:",
            "    print(json.dumps(accepted(json.loads(line))))",
            "");

    @Test
    void everyFilePipAcceptsIsListedUnderTheProjectAndVersionPipReads() throws IOException {
        Path list = TestData.file("package-list-huge.txt");
        List<String> names = Files.readAllLines(list, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        assertThat(names).hasSizeGreaterThan(70_000);
        List<String> inputs = names.stream().map(Json::quote).toList();
        List<String> pip = Python.mapLines(SCRIPT, inputs);

        SourceResult result = PackageListSource.plain(list, "https://files.example/p/").read();
        Map<String, String> listed = new HashMap<>();
        for (Project p : result.index().projects().values()) {
            for (Distribution d : p.distributions()) {
                String v = Links.versionOf(p.name(), d).map(Object::toString).orElse("none");
                listed.put(d.filename(), p.name().normalized() + " " + v);
            }
        }
        SoftAssertions soft = new SoftAssertions();
        int accepted = 0;
        int skipped = 0;
        int ambiguous = 0;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            List<?> readings = (List<?>) Json.parse(pip.get(i));
            if (readings.isEmpty()) {
                skipped++;
                soft.assertThat(listed).as("pip skips %s", name).doesNotContainKey(name);
            } else {
                accepted++;
                ambiguous += readings.size() > 1 ? 1 : 0;
                List<?> first = (List<?>) readings.get(0);
                soft.assertThat(listed.get(name)).as("pip reads %s as %s", name, readings)
                        .isEqualTo(first.get(0) + " " + first.get(1));
            }
        }
        soft.assertAll();
        // the list exercises each reading: most files listed, thousands skipped, some that pip lists twice
        assertThat(accepted).isGreaterThan(60_000);
        assertThat(skipped).isGreaterThan(5_000);
        assertThat(ambiguous).isGreaterThan(100);
        // and nothing in it is an error: every line is understood
        assertThat(result.problems()).noneMatch(p -> p.severity() == Severity.ERROR);
        assertThat(listed).hasSize(accepted);
    }
}
