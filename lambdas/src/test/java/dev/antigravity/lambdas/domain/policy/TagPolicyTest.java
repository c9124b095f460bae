package dev.antigravity.lambdas.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TagPolicyTest {
    private final TagPolicy policy = TagPolicy.defaultPolicy();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sha-3f2a9c1",
                "sha-3f2a9c1d4e5f60718293a4b5c6d7e8f901234567",
                "1.4.2",
                "v1.4.2",
                "2.0.0-rc.1",
                "1.0.0+build.5",
                "0.0.1"
            })
    void acceptsShaAndSemver(String tag) {
        assertThat(policy.evaluate(Optional.of(tag)).accepted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "sha-XYZ", "sha-123", "1.4", "01.2.3", "main", "v1.2.3.4", "sha-3f2a9c1 "})
    void rejectsEverythingElse(String tag) {
        TagPolicy.Decision decision = policy.evaluate(Optional.of(tag));
        assertThat(decision.accepted()).isFalse();
        assertThat(decision.reason()).isNotBlank();
    }

    @Test
    void latestIsIgnoredEvenWhenACustomPatternWouldMatchIt() {
        TagPolicy anything = TagPolicy.of(".*");
        assertThat(anything.evaluate(Optional.of("latest")).accepted()).isFalse();
        assertThat(anything.evaluate(Optional.of("main")).accepted()).isTrue();
    }

    @Test
    void customPatternMustMatchTheWholeTag() {
        TagPolicy releases = TagPolicy.of("release-\\d+");
        assertThat(releases.evaluate(Optional.of("release-42")).accepted()).isTrue();
        assertThat(releases.evaluate(Optional.of("release-42-hotfix")).accepted())
                .isFalse();
        assertThat(releases.evaluate(Optional.of("sha-3f2a9c1")).accepted()).isFalse();
    }

    @Test
    void pushByDigestWithoutTagIsNotDeployed() {
        TagPolicy.Decision decision = policy.evaluate(Optional.empty());
        assertThat(decision.accepted()).isFalse();
        assertThat(decision.reason()).contains("without a tag");
    }
}
