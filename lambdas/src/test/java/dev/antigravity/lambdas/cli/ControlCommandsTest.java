package dev.antigravity.lambdas.cli;

import static dev.antigravity.events.aws.EcsDeploymentStateChange.Phase.COMPLETED;
import static dev.antigravity.lambdas.fakes.TestEvents.digest;
import static dev.antigravity.lambdas.fakes.TestEvents.ecs;
import static dev.antigravity.lambdas.fakes.TestEvents.push;
import static dev.antigravity.lambdas.fakes.TestPlatform.API;
import static org.assertj.core.api.Assertions.assertThat;

import dev.antigravity.lambdas.app.ReadStatus;
import dev.antigravity.lambdas.app.ServiceStatus;
import dev.antigravity.lambdas.domain.port.AlarmPort.AlarmStatus;
import dev.antigravity.lambdas.domain.port.RegistryPort.PushedImage;
import dev.antigravity.lambdas.fakes.TestPlatform;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The terminal view over the in-memory platform: redrawn in place in a terminal, one line per change when piped. */
class ControlCommandsTest {
    private final TestPlatform p = new TestPlatform();
    private final ReadStatus reader = new ReadStatus(p.ledger, p.ecs, p.alarms, p.freeze, p.clock);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private void baking() {
        p.registry.images.add(new PushedImage(digest(1), List.of("sha-1000000"), p.clock.instant()));
        p.acceptImage.handle(push("push-1", digest(1), "sha-1000000", p.clock.instant()));
        String rev = p.ecs.runningRevision(API);
        p.recordDeploymentEvent.handle(ecs("c-1", COMPLETED, p.ecs.lastDeploymentIdOf(rev), p.clock.instant()));
        p.alarms.states.put("api-5xx", AlarmStatus.OK);
    }

    /** Each refresh advances the clock a minute, as the real sleep would. */
    private ControlCommands.Sleep minutes() {
        return duration -> p.clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void pipedTheWatchPrintsOneLinePerChangeWithTheBakeCountingDown() {
        baking();
        Supplier<ServiceStatus> read = () -> reader.read(API);

        ControlCommands.watch(read, out, false, true, Duration.ofSeconds(60), 3, minutes());

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.getFirst())
                .isEqualTo(
                        "2026-11-26T10:00:00Z service=prod/api deployment=api:2 "
                                + "version=sha-1000000 state=BAKING bake_left=15m tasks=api:2:100% alarm:api-5xx=OK automation=on");
        assertThat(lines.get(1)).contains("bake_left=14m");
        assertThat(lines.get(2)).contains("bake_left=13m");
        assertThat(String.join("\n", lines)).doesNotContain("\033[");
    }

    @Test
    void pipedAnUnchangedStatusIsNotRepeated() {
        baking();
        p.ledger.suspend(API, "loop guard", p.clock.instant());
        p.clock.advance(Duration.ofMinutes(20)); // past the bake: nothing counts down any more

        ControlCommands.watch(() -> reader.read(API), out, false, true, Duration.ofSeconds(60), 3, minutes());

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .singleElement()
                .asString()
                .contains("bake_left=0s", "automation=SUSPENDED");
    }

    @Test
    void inATerminalTheViewIsRedrawnInPlaceWithColour() {
        baking();
        p.alarms.states.put("api-5xx", AlarmStatus.ALARM);

        ControlCommands.watch(() -> reader.read(API), out, true, true, Duration.ofSeconds(5), 2, minutes());

        String screen = bytes.toString(StandardCharsets.UTF_8);
        assertThat(screen.split("\033\\[H\033\\[2J", -1)).hasSize(3); // two redraws
        assertThat(screen)
                .contains(
                        "deployment   api:2 (sha-1000000)  \033[33mBAKING\033[0m  bake 15m left",
                        "guard alarms api-5xx \033[31mALARM\033[0m",
                        "tasks        api:2:100%",
                        "automation   on (not suspended, not frozen)",
                        "refreshing every 5s · Ctrl-C to quit");
    }

    @Test
    void withoutWatchTheStatusIsShownOnce() {
        ControlCommands.watch(() -> reader.read(API), out, true, false, Duration.ofSeconds(5), 10, minutes());

        String screen = bytes.toString(StandardCharsets.UTF_8);
        assertThat(screen).doesNotContain("\033[H").contains("deployment   none recorded yet");
        assertThat(p.clock.instant()).isEqualTo(TestPlatform.START);
    }
}
