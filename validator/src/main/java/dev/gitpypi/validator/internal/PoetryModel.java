package dev.gitpypi.validator.internal;

import dev.gitpypi.validator.Installer;
import dev.gitpypi.validator.InstallerVerdict;
import dev.gitpypi.validator.Rule;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** poetry 1.x (the POETRY-* rules): the verdicts of {@link PoetryPdmVerdicts#poetry}, which has no page-wide one. */
final class PoetryModel extends InstallerModel {
    private static final Set<Rule> RULES = EnumSet.of(Rule.POETRY_01, Rule.POETRY_02, Rule.POETRY_03, Rule.POETRY_04,
            Rule.POETRY_05, Rule.POETRY_06);

    PoetryModel() {
        super(Installer.POETRY, RULES);
    }

    @Override
    @Nullable InstallerVerdict page(RawProject page, List<ReadLink> links) {
        return null;
    }

    @Override
    InstallerVerdict link(@Nullable String project, ReadLink link) {
        InstallerVerdict v = PoetryPdmVerdicts.poetry(FileNames.judgedProject(project, Urls.lastSegment(
                link.href().strip())), link);
        return verdict(v.usability(), v.rules(), v.reason());
    }
}
