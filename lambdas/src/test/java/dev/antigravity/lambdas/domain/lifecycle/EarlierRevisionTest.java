package dev.antigravity.lambdas.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EarlierRevisionTest {
    private static final String PREFIX = "arn:aws:ecs:eu-west-1:111122223333:task-definition/";

    @Test
    void anEarlierRevisionOfTheFamilyEverySourceRunsGoesBack() {
        assertThat(EarlierRevision.of(PREFIX + "api:6", List.of(PREFIX + "api:7")))
                .contains("api:6 back over api:7");
        assertThat(EarlierRevision.of(PREFIX + "api:9", List.of(PREFIX + "api:12", PREFIX + "api:10")))
                .contains("api:9 back over api:12, api:10");
    }

    @Test
    void aNewerOrTheSameRevisionAnotherFamilyOrNoSourceDoesNot() {
        assertThat(EarlierRevision.of(PREFIX + "api:8", List.of(PREFIX + "api:7")))
                .isEmpty();
        assertThat(EarlierRevision.of(PREFIX + "api:7", List.of(PREFIX + "api:7")))
                .as("forced redeploy")
                .isEmpty();
        assertThat(EarlierRevision.of(PREFIX + "api:6", List.of(PREFIX + "api:7", PREFIX + "api:5")))
                .as("one source is older still")
                .isEmpty();
        assertThat(EarlierRevision.of(PREFIX + "api:6", List.of(PREFIX + "worker:7")))
                .isEmpty();
        assertThat(EarlierRevision.of(PREFIX + "api:6", List.of())).isEmpty();
        assertThat(EarlierRevision.of(PREFIX + "api:latest", List.of(PREFIX + "api:7")))
                .isEmpty();
        assertThat(EarlierRevision.of(null, List.of(PREFIX + "api:7"))).isEmpty();
    }
}
