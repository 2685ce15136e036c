package dev.gitpypi.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitpypi.testing.Json;
import dev.gitpypi.testing.Python;
import dev.gitpypi.testing.Seeds;
import dev.gitpypi.testing.TestData;
import dev.gitpypi.testing.TrickyStrings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link WheelFilename} and {@link SdistFilename} against packaging's {@code parse_wheel_filename} and
 * {@code parse_sdist_filename} (validity, normalized name, version, build tag, expanded tags), and
 * {@link SdistFilename#acceptedByPip} against pip's own {@code splitext} and {@code _extract_version_from_fragment}
 * (with packaging's {@code Version}, as current pip), on the 71,408 real file names of
 * {@code testdata/package-list-huge.txt} (dumb-pypi's list, provenance in {@code testdata/README.md}) and on seeded
 * random mutations of them.
 */
class FilenameDifferentialIT {
    private static final String SCRIPT = String.join("\n",
            "import sys, json, re",
            "from packaging.utils import parse_wheel_filename, parse_sdist_filename, InvalidWheelFilename,"
                    + " InvalidSdistFilename",
            "from packaging.version import Version, InvalidVersion",
            "from pip._internal.utils.misc import splitext",
            "from pip._internal.utils.unpacking import SUPPORTED_EXTENSIONS",
            "from pip._internal.index.package_finder import _extract_version_from_fragment",
            "py_version_re = re.compile(r'-py([123]\\.?[0-9]?)$')",
            "def pip(filename, project):",
            "    if project is None: return None",
            "    egg_info, ext = splitext(filename)",
            "    if not ext or ext not in SUPPORTED_EXTENSIONS or ext == '.whl': return None",
            "    if 'macosx10' in filename and ext == '.zip': return None",
            "    version = _extract_version_from_fragment(egg_info, project)",
            "    if not version: return None",
            "    m = py_version_re.search(version)",
            "    if m:",
            "        version = version[:m.start()]",
            "        if m.group(1) != '%d.%d' % sys.version_info[:2]: return None",
            "    try: return str(Version(version))",
            "    except InvalidVersion: return None",
            "for line in sys.stdin:",
            "    filename, project = json.loads(line)",
            "    try:",
            "        n, v, b, t = parse_wheel_filename(filename)",
            "        w = [n, str(v), [str(b[0]), b[1]] if b else None, sorted(str(x) for x in t)]",
            "    except InvalidWheelFilename:",
            "        w = None",
            "    try:",
            "        n, v = parse_sdist_filename(filename)",
            "        s = [n, str(v)]",
            "    except InvalidSdistFilename:",
            "        s = None",
            "    print(json.dumps([w, s, pip(filename, project)]))",
            "");

    private static List<String> realNames = List.of();

    @BeforeAll
    static void readData() {
        Path data = findData();
        try {
            realNames = Files.readAllLines(data, StandardCharsets.UTF_8).stream().filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path findData() {
        return TestData.file("package-list-huge.txt");
    }

    @Test
    void realFileNames() {
        assertThat(realNames).hasSizeGreaterThan(70_000);
        List<String[]> inputs = new ArrayList<>();
        for (String name : realNames) {
            inputs.add(new String[] {name, projectOf(name)});
        }
        Counts counts = compare(inputs);
        // The data must exercise each reading: wheels, sdists and pip's wider acceptance.
        assertThat(counts.wheels).isGreaterThan(1000);
        assertThat(counts.sdists).isGreaterThan(10_000);
        assertThat(counts.pipOnly).isPositive();
    }

    @Test
    void seededMutationsOfRealFileNames() {
        Random random = Seeds.random("FilenameDifferentialIT.seededMutationsOfRealFileNames");
        List<String[]> inputs = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            String original = realNames.get(random.nextInt(realNames.size()));
            inputs.add(new String[] {mutate(random, original), projectOf(original)});
        }
        compare(inputs);
    }

    private static final List<String> EXTENSIONS = List.of(".whl", ".tar.gz", ".zip", ".tgz", ".tar", ".tar.bz2",
            ".tbz", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma", ".TAR.GZ", ".tar.GZ", ".Tar.gz", ".egg",
            ".exe", ".whl.metadata", "", ".zip.");

    private static String mutate(Random random, String s) {
        StringBuilder sb = new StringBuilder(s);
        int ops = 1 + random.nextInt(3);
        for (int op = 0; op < ops; op++) {
            int at = sb.length() == 0 ? 0 : random.nextInt(sb.length());
            switch (random.nextInt(8)) {
                case 0 -> sb.insert(at, "-");
                case 1 -> sb.insert(at, TrickyStrings.ALPHABET.get(random.nextInt(TrickyStrings.ALPHABET.size())));
                case 2 -> {
                    if (sb.length() > 0) {
                        sb.deleteCharAt(at);
                    }
                }
                case 3 -> {
                    if (sb.length() > 0) {
                        char c = sb.charAt(at);
                        sb.setCharAt(at, Character.isUpperCase(c) ? Character.toLowerCase(c)
                                : Character.toUpperCase(c));
                    }
                }
                case 4 -> sb.insert(at, "._-".charAt(random.nextInt(3)));
                case 5 -> {
                    String t = sb.toString();
                    int dot = t.indexOf(".tar");
                    int cut = dot >= 0 ? dot : Math.max(t.lastIndexOf('.'), 0);
                    sb.setLength(cut);
                    sb.append(EXTENSIONS.get(random.nextInt(EXTENSIONS.size())));
                }
                case 6 -> sb.insert(at, List.of("-1", "-py3", "-py2.7", "-1a", "+local", "-dev", "-0-py3-none-any",
                        ".post1", "-py3-none-any", "macosx10").get(random.nextInt(10)));
                default -> sb.insert(at, (char) (0x20 + random.nextInt(0x5f)));
            }
        }
        return sb.toString();
    }

    /** The project a file is listed under: the name part before the first '-' that precedes a digit. */
    private static String projectOf(String filename) {
        for (int dash = filename.indexOf('-'); dash >= 0; dash = filename.indexOf('-', dash + 1)) {
            if (dash + 1 < filename.length() && Character.isDigit(filename.charAt(dash + 1))) {
                String part = filename.substring(0, dash);
                return ProjectName.isValid(part) ? ProjectName.normalize(part) : "";
            }
        }
        return "";
    }

    private static final class Counts {
        int wheels;
        int sdists;
        int pipOnly;
    }

    private static Counts compare(List<String[]> inputs) {
        List<String> lines = inputs.stream().map(in -> "[" + Json.quote(in[0]) + ", "
                + (in[1].isEmpty() ? "null" : Json.quote(in[1])) + "]").toList();
        List<String> outputs = Python.mapLines(SCRIPT, lines);
        SoftAssertions soft = new SoftAssertions();
        Counts counts = new Counts();
        int failures = 0;
        for (int i = 0; i < inputs.size() && failures < 50; i++) {
            String filename = inputs.get(i)[0];
            String label = Json.quote(filename);
            List<?> out = (List<?>) Json.parse(outputs.get(i));
            int before = soft.errorsCollected().size();

            List<?> wheel = (List<?>) out.get(0);
            Optional<WheelFilename> w = WheelFilename.tryParse(filename);
            soft.assertThat(w.isPresent()).as("wheel validity of %s", label).isEqualTo(wheel != null);
            if (wheel != null && w.isPresent()) {
                counts.wheels++;
                WheelFilename wf = w.get();
                soft.assertThat(wf.normalizedName()).as("wheel name of %s", label).isEqualTo(wheel.get(0));
                soft.assertThat(wf.version().toString()).as("wheel version of %s", label).isEqualTo(wheel.get(1));
                List<?> build = (List<?>) wheel.get(2);
                soft.assertThat(wf.buildTag().map(b -> List.of(b.number().toString(), b.rest())).orElse(null))
                        .as("wheel build tag of %s", label).isEqualTo(build);
                List<String> tags = wf.tags().stream().map(WheelTag::toString).sorted().toList();
                List<String> expected = ((List<?>) wheel.get(3)).stream().map(String.class::cast).sorted().toList();
                soft.assertThat(tags).as("wheel tags of %s", label).isEqualTo(expected);
                soft.assertThat(WheelFilename.parse(wf.filename())).isEqualTo(wf);
            }

            List<?> sdist = (List<?>) out.get(1);
            Optional<SdistFilename> s = SdistFilename.tryParse(filename);
            soft.assertThat(s.isPresent()).as("sdist validity of %s", label).isEqualTo(sdist != null);
            if (sdist != null && s.isPresent()) {
                counts.sdists++;
                soft.assertThat(s.get().normalizedName()).as("sdist name of %s", label).isEqualTo(sdist.get(0));
                soft.assertThat(s.get().version().toString()).as("sdist version of %s", label)
                        .isEqualTo(sdist.get(1));
            }

            String project = inputs.get(i)[1];
            if (!project.isEmpty()) {
                Object pipVersion = out.get(2);
                Optional<SdistFilename> p = SdistFilename.parseForProject(filename, ProjectName.of(project));
                soft.assertThat(p.map(x -> x.version().toString()).orElse(null))
                        .as("pip acceptance of %s for project %s", label, project).isEqualTo(pipVersion);
                if (p.isPresent() && s.isEmpty()) {
                    counts.pipOnly++;
                }
            }
            if (soft.errorsCollected().size() > before) {
                failures++;
            }
        }
        soft.assertAll();
        return counts;
    }
}
