package dev.gitpypi.validator.internal;

import dev.gitpypi.validator.Installer;
import dev.gitpypi.validator.InstallerVerdict;
import dev.gitpypi.validator.Rule;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** pdm 2.2 (the PDM-* rules): the verdicts of {@link PoetryPdmVerdicts#pdm} and its page-wide failure. */
final class PdmModel extends InstallerModel {
    private static final Set<Rule> RULES = EnumSet.of(Rule.PDM_01, Rule.PDM_02, Rule.PDM_03, Rule.PDM_04,
            Rule.PDM_05);

    PdmModel() {
        super(Installer.PDM, RULES);
    }

    @Override
    @Nullable InstallerVerdict page(RawProject page, List<ReadLink> links) {
        String[] failure = PoetryPdmVerdicts.pdmPage(links);
        return failure == null ? null : no(Rule.byId(failure[0]).orElseThrow(), failure[1]);
    }

    @Override
    InstallerVerdict link(@Nullable String project, ReadLink link) {
        InstallerVerdict v = PoetryPdmVerdicts.pdm(FileNames.judgedProject(project, Urls.lastSegment(
                link.href().strip())), link, null);
        return verdict(v.usability(), v.rules(), v.reason());
    }
}
