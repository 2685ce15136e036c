package dev.gitpypi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitpypi.core.Distribution;
import dev.gitpypi.core.Version;
import dev.gitpypi.validator.Installer;
import dev.gitpypi.validator.InstallerVerdict;
import dev.gitpypi.validator.Rule;
import dev.gitpypi.validator.Usability;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** pip 26 (SPEC §15): its collector, link evaluator and resolver, as read from its source. */
final class PipModel extends InstallerModel {
    private static final Set<Rule> RULES = EnumSet.of(Rule.PIP_02, Rule.PIP_05, Rule.PIP_06, Rule.PIP_07, Rule.PIP_08,
            Rule.PIP_09, Rule.PIP_11, Rule.WHL_01, Rule.WHL_02, Rule.WHL_04, Rule.WHL_05, Rule.VER_05);

    PipModel() {
        super(Installer.PIP, RULES);
    }

    @Override
    @Nullable InstallerVerdict page(RawProject page, List<ReadLink> links) {
        if (page.info().isHttp()) {
            String ct = page.info().contentType();
            if (ct == null) {
                return no(Rule.PIP_02, "the page has no Content-Type");
            }
            if (!lowerStartsWithAny(ct)) {
                return no(Rule.PIP_02, "pip skips a page served as " + ct);
            }
        }
        for (ReadLink l : links) {
            String href = l.href();
            int hash = href.indexOf('#');
            if (hash >= 0) {
                for (String part : href.substring(hash + 1).split("&")) {
                    if (part.startsWith("egg=") && !RuleSupport.validEgg(part.substring(4))) {
                        return no(Rule.PIP_06, "pip 26 fails on the page: invalid egg fragment " + part);
                    }
                }
            }
        }
        return null;
    }

    @Override
    InstallerVerdict link(@Nullable String project, ReadLink link) {
        Distribution d = link.distribution();
        if (d.kind() == Distribution.Kind.VCS) {
            Optional<String> problem = Compat.vcsEggProblem(link.href(), project);
            if (problem.isEmpty()) {
                return verdict(Usability.USABLE, List.of(Rule.PIP_07), "pip clones the repository and builds it");
            }
            return no(Rule.PIP_07, problem.get());
        }
        // pip takes the file name from the URL (PIP-05), never from the anchor text or the JSON filename
        String filename = Urls.lastSegment(link.href().strip());
        Optional<InstallerVerdict> bad = fileName(FileNames.judgedProject(project, filename), filename);
        if (bad.isPresent()) {
            return bad.get();
        }
        List<Rule> rules = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        HtmlPage.Anchor a = link.anchor();
        if (d.requiresPython().isPresent() && !RuleSupport.validSpecifiers(d.requiresPython().get())) {
            rules.add(Rule.PIP_08);
            reasons.add("pip ignores the invalid requires-python");
        }
        if (a != null) {
            String meta = a.attributes().containsKey("data-core-metadata") ? a.attributes().get("data-core-metadata")
                    : a.attributes().get("data-dist-info-metadata");
            if (meta != null && !meta.equals("true") && !meta.contains("=")) {
                rules.add(Rule.PIP_11);
                reasons.add("pip fetches " + filename + ".metadata and fails if it is missing");
            }
            if (a.bare("data-yanked")) {
                rules.add(Rule.PIP_09);
                reasons.add("pip does not see a bare data-yanked as yanked");
                return verdict(Usability.USABLE, rules, String.join("; ", reasons));
            }
        }
        boolean yanked = d.isYanked();
        JsonNode n = link.node();
        if (n != null) {
            JsonNode y = n.path("yanked");
            yanked = (y.isBoolean() && y.asBoolean()) || (y.isTextual() && !y.asText().isEmpty());
            if (y.isTextual() && y.asText().isEmpty()) {
                rules.add(Rule.PIP_09);
                reasons.add("pip does not see \"yanked\": \"\" as yanked");
            }
        }
        return verdict(yanked ? Usability.YANKED : Usability.USABLE, rules, String.join("; ", reasons));
    }

    private Optional<InstallerVerdict> fileName(String project, String filename) {
        if (filename.endsWith(".whl")) {
            return wheel(project, filename, false);
        }
        Optional<String> ext = FileNames.pipSdistExtension(filename);
        if (ext.isEmpty()) {
            return Optional.of(no(Rule.PIP_05, "not a wheel or sdist"));
        }
        String stem = filename.substring(0, filename.length() - ext.get().length());
        Optional<String> v = FileNames.pipSdistVersion(stem, project);
        if (v.isEmpty()) {
            return Optional.of(no(Rule.PIP_05, "the file name does not name project " + project));
        }
        return Version.tryParse(v.get()).isEmpty() ? Optional.of(no(Rule.VER_05, "invalid version " + v.get()))
                : Optional.empty();
    }
}
