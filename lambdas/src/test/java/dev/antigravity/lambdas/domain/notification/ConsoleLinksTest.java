package dev.antigravity.lambdas.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleLinksTest {
    @Test
    void linksNameTheRegionAndEncodeNames() {
        assertThat(ConsoleLinks.ecsService("eu-west-1", "prod", "api"))
                .isEqualTo(
                        "https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/api/deployments?region=eu-west-1");
        assertThat(ConsoleLinks.cloudWatchAlarm("us-east-1", "api 5xx/high"))
                .isEqualTo(
                        "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/api%205xx%2Fhigh");
    }

    @Test
    void theRegionComesFromAnArn() {
        assertThat(ConsoleLinks.regionOf("arn:aws:ecs:us-east-1:123456789012:task-definition/api:7"))
                .isEqualTo("us-east-1");
        assertThat(ConsoleLinks.regionOf("arn:aws:iam::123456789012:role/x")).isNull();
        assertThat(ConsoleLinks.regionOf("not-an-arn")).isNull();
        assertThat(ConsoleLinks.regionOf(null)).isNull();
    }
}
