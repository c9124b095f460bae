package dev.antigravity.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatternTemplateTest {
    @Test
    void theAlarmPatternMatchesExactlyTheGivenAlarmArns() throws Exception {
        List<String> arns =
                List.of("arn:aws:cloudwatch:eu-west-1:1:alarm:a", "arn:aws:cloudwatch:eu-west-1:1:alarm:b\"c");

        var pattern = new ObjectMapper().readTree(EventResources.Rule.CLOUDWATCH_ALARM_STATE_CHANGE.patternJson(arns));

        assertThat(pattern.path("resources")).hasSize(2);
        assertThat(pattern.path("resources").get(1).asText()).isEqualTo("arn:aws:cloudwatch:eu-west-1:1:alarm:b\"c");
        assertThat(pattern.path("detail").path("state").path("value").toString())
                .isEqualTo("[\"ALARM\",\"OK\"]");
    }

    @Test
    void whatTheRendererCannotRenderFaithfullyIsRefused() {
        assertThatThrownBy(() -> PatternTemplate.render("${jsonencode(other)}", Map.of("names", List.of())))
                .hasMessageContaining("other has no value");
        assertThatThrownBy(() -> PatternTemplate.render("${upper(names)}", Map.of("names", List.of())))
                .hasMessageContaining("more than");
        assertThatThrownBy(() -> PatternTemplate.render("%{ for n in names }x%{ endfor }", Map.of("names", List.of())))
                .hasMessageContaining("more than");
        assertThat(PatternTemplate.render("{\"a\": 1}", Map.of("names", List.of("x"))))
                .isEqualTo("{\"a\": 1}");
    }
}
