package dev.antigravity.lambdas.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.antigravity.events.aws.CloudWatchAlarmStateChange;
import dev.antigravity.events.aws.CloudWatchAlarmStateChange.Value;
import dev.antigravity.events.aws.EcrImageAction;
import dev.antigravity.events.aws.EcsDeploymentStateChange;
import dev.antigravity.events.codec.EventCodec;
import dev.antigravity.events.lifecycle.LifecycleStage;
import dev.antigravity.events.platform.PlatformEvent;
import dev.antigravity.events.testing.MotoServer;
import dev.antigravity.lambdas.adapters.aws.SsmFreezeSwitch;
import dev.antigravity.lambdas.adapters.dynamodb.DynamoDbLedger;
import dev.antigravity.lambdas.adapters.lambda.FunctionUrlInvocation;
import dev.antigravity.lambdas.adapters.lambda.LifecycleHookInvocation;
import dev.antigravity.lambdas.adapters.secrets.Secret;
import dev.antigravity.lambdas.adapters.secrets.SecretsManagerSecretSource;
import dev.antigravity.lambdas.adapters.slack.SlackInteractivity;
import dev.antigravity.lambdas.adapters.slack.SlackSignature;
import dev.antigravity.lambdas.adapters.slack.SlackThreadReply;
import dev.antigravity.lambdas.adapters.sns.SnsPlatformEventPublisher;
import dev.antigravity.lambdas.adapters.webhook.Sleeper;
import dev.antigravity.lambdas.adapters.webhook.WebhookPoster;
import dev.antigravity.lambdas.app.OperatorControls;
import dev.antigravity.lambdas.app.Outcome;
import dev.antigravity.lambdas.app.PromoteNow;
import dev.antigravity.lambdas.app.ReadStatus;
import dev.antigravity.lambdas.app.ServiceLock;
import dev.antigravity.lambdas.app.lifecycle.AnswerLifecycleHook;
import dev.antigravity.lambdas.app.lifecycle.CanaryAnalysis;
import dev.antigravity.lambdas.app.lifecycle.StageChecks;
import dev.antigravity.lambdas.app.lifecycle.TestListeners;
import dev.antigravity.lambdas.cli.CliAccess;
import dev.antigravity.lambdas.domain.Deployment;
import dev.antigravity.lambdas.domain.ManagedService;
import dev.antigravity.lambdas.domain.ManagedServices;
import dev.antigravity.lambdas.domain.PlatformEvents;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.Settings;
import dev.antigravity.lambdas.domain.canary.CanaryPolicy;
import dev.antigravity.lambdas.domain.control.ControlPermissions;
import dev.antigravity.lambdas.domain.lifecycle.LifecycleHookPolicy;
import dev.antigravity.lambdas.domain.lifecycle.StageCheck;
import dev.antigravity.lambdas.domain.notification.RetrySchedule;
import dev.antigravity.lambdas.domain.policy.TagPolicy;
import dev.antigravity.lambdas.domain.port.PlatformEventPublisher;
import dev.antigravity.lambdas.fakes.MutableClock;
import dev.antigravity.lambdas.notifyfixtures.LedgerTables;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The local rehearsal: the hooks' real use cases, wired as the Dagger modules wire them (see
 * {@link SimulatedPlatform}), over real adapters on moto_server where moto is faithful — the DynamoDB ledger, the
 * SNS platform topic, the SSM freeze switch, the Slack signing secret in Secrets Manager — and over the simulation's
 * ECS, CloudWatch, load balancer and ECR where moto is not (moto starts no deployment on UpdateService, keeps no
 * deployment alarms and cannot serve CloudWatch; pushes here carry the simulated clock's push time). Events are
 * delivered in order, once; the clock is simulated, so a 15-minute bake takes no time, and the one random source
 * (the canary's traffic noise) is seeded. Each step notes what happened on a {@link RehearsalTimeline}.
 *
 * <p>Two services: {@code prod/api} rolls (a push that goes STABLE, a bad push rolled back on its guard alarm) and
 * {@code prod/checkout} is blue/green with the canary analysis at PRODUCTION_TRAFFIC_SHIFT (ECS holds the shift at
 * {@value #CANARY_PERCENT} % while the hook answers IN_PROGRESS, as it does for a lifecycle hook).
 */
final class Rehearsal implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-30T09:00:00Z");
    static final Duration TICK = Duration.ofSeconds(30);
    static final ServiceRef API = new ServiceRef("prod", "api");
    static final ServiceRef CHECKOUT = new ServiceRef("prod", "checkout");
    static final String API_ALARM = "api-5xx";
    static final String CHECKOUT_ALARM = "checkout-5xx";
    /** The 5xx guard alarms fire at 5 % of requests (terraform/modules/observability). */
    static final double ALARM_THRESHOLD = 0.05;

    static final int CANARY_PERCENT = 10;
    static final long REQUESTS_PER_MINUTE = 20_000;
    static final String ONCALL = "U0ONCALL";
    private static final String TARGET_GROUPS = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/";
    private static final String API_TARGETS = TARGET_GROUPS + "api/0123456789abcdef";
    private static final String BLUE = TARGET_GROUPS + "checkout-blue/1a2b3c4d5e6f7a8b";
    private static final String GREEN = TARGET_GROUPS + "checkout-green/8b7a6f5e4d3c2b1a";
    private static final String REVISIONS = "arn:aws:ecs:us-east-1:123456789012:service-revision/";
    private static final Settings SETTINGS =
            new Settings("rehearsal", Duration.ofMinutes(15), 3, Duration.ofMinutes(60), Duration.ofMinutes(10));
    private static final int MAX_TICKS = 120;

    /** How an image serves once deployed: its 5xx share and response time. */
    private record Serving(ImageHealth health, double errorRate, double latencySeconds) {}

    final RehearsalTimeline timeline;
    final List<SimulatedEcs.UpdateCall> updates = new ArrayList<>();
    final List<PlatformEvent> published = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private final MutableClock clock = new MutableClock(START);
    private final EventBus bus = new EventBus();
    private final SimulatedCloudWatch cloudWatch = new SimulatedCloudWatch(clock, bus);
    private final SimulatedRegistry registry = new SimulatedRegistry(clock, bus);
    private final SimulatedEcs ecs;
    private final SimulatedTraffic traffic;
    private final Map<String, Serving> images = new LinkedHashMap<>();
    private final SimulatedPlatform platform;
    private final OperatorControls controls;
    private final ReadStatus status;
    private final LifecycleHookInvocation lifecycleHook;
    private final FunctionUrlInvocation slack;
    private final DynamoDbLedger ledger;
    private final Secret signingSecret = new Secret("rehearsal-signing-secret");

    // moto: unique names, removed on close (moto is shared)
    private final DynamoDbClient dynamo = MotoServer.client(DynamoDbClient.builder());
    private final SnsClient sns = MotoServer.client(SnsClient.builder());
    private final SsmClient ssm = MotoServer.client(SsmClient.builder());
    private final SecretsManagerClient secrets = MotoServer.client(SecretsManagerClient.builder());
    private final String table;
    private final String topicArn;
    private final String freezeParameter = "/antigravity/" + MotoServer.uniqueName("rehearsal") + "/freeze";
    private final String secretArn;

    private final Map<String, Integer> alarmChanges = new LinkedHashMap<>();
    private Map<String, Integer> canaryWeights;
    private boolean loadSpike;
    private int ticks;
    private int pushes;

    Rehearsal(long seed) {
        timeline = new RehearsalTimeline(clock);
        traffic = new SimulatedTraffic(new SplittableRandom(seed));
        ecs = new SimulatedEcs(clock, bus, cloudWatch, digest -> serving(digest).health(), () -> null);
        ecs.onUpdate(this::updated);
        table = LedgerTables.create(dynamo);
        topicArn = sns.createTopic(r -> r.name(MotoServer.uniqueName("rehearsal-platform")))
                .topicArn();
        secretArn = secrets.createSecret(r ->
                        r.name(MotoServer.uniqueName("rehearsal-slack-signing")).secretString(signingSecret.reveal()))
                .arn();

        cloudWatch.create(API_ALARM, Value.OK);
        cloudWatch.create(CHECKOUT_ALARM, Value.OK);
        String apiBaseline = baseline(API, "antigravity/api", API_ALARM, API_TARGETS, null);
        String checkoutBaseline = baseline(CHECKOUT, "antigravity/checkout", CHECKOUT_ALARM, BLUE, GREEN);
        URI apiHealth = URI.create("http://api.internal/health");
        URI checkoutHealth = URI.create("http://checkout.internal/health");
        ManagedServices services = new ManagedServices(List.of(
                new ManagedService(
                        "antigravity/api", TagPolicy.defaultPolicy(), API, "app", API_TARGETS, null, apiHealth),
                new ManagedService(
                        "antigravity/checkout",
                        TagPolicy.defaultPolicy(),
                        CHECKOUT,
                        "app",
                        BLUE,
                        GREEN,
                        checkoutHealth)));
        SimulatedLoadBalancer loadBalancer = new SimulatedLoadBalancer(
                ecs,
                Map.of(apiHealth, API, checkoutHealth, CHECKOUT),
                digest -> serving(digest).health(),
                new SplittableRandom(seed));
        ledger = new DynamoDbLedger(dynamo, table, clock);
        EventCodec codec = new EventCodec();
        PlatformEventPublisher topic = new SnsPlatformEventPublisher(sns, topicArn, codec);
        PlatformEventPublisher publisher = event -> {
            topic.publish(event);
            published.add(event);
            timeline.note(
                    "SNS",
                    event.type() + " " + (event.deploymentId() == null ? event.service() : event.deploymentId())
                            + (event.reason() == null ? "" : ": " + event.reason()));
        };
        SsmFreezeSwitch freeze = new SsmFreezeSwitch(ssm, freezeParameter);
        ServiceLock lock = new ServiceLock(ledger, clock);
        platform = new SimulatedPlatform(
                services,
                new SimulatedPlatform.Ports(
                        ecs, ledger, registry, cloudWatch, loadBalancer, loadBalancer, freeze, publisher),
                SETTINGS,
                clock,
                lock);
        PlatformEvents events = new PlatformEvents(SETTINGS.environment());
        controls = new OperatorControls(
                services,
                ledger,
                platform.rollBack,
                new PromoteNow(ecs, ledger, platform.rollBack, platform.verify, publisher, events, lock, clock),
                freeze);
        status = new ReadStatus(ledger, ecs, cloudWatch, freeze, clock);
        CanaryAnalysis canary =
                new CanaryAnalysis(CanaryPolicy.standard(), this::targetGroupOf, traffic, publisher, events, clock);
        lifecycleHook = new LifecycleHookInvocation(
                new AnswerLifecycleHook(
                        new LifecycleHookPolicy(
                                Map.of(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, StageCheck.CANARY_ANALYSIS),
                                10,
                                Duration.ofSeconds(15)),
                        new StageChecks(
                                services,
                                TestListeners.none(),
                                List.of(),
                                loadBalancer,
                                (revision, container) -> Optional.empty(),
                                ecs,
                                cloudWatch,
                                canary),
                        this::rollingBack,
                        failure -> false),
                codec);
        // Slack's response_url is outside the allowed prefix: the announcement is the function's answer, shown here.
        SlackThreadReply reply = new SlackThreadReply(
                new WebhookPoster(
                        WebhookPoster.httpClient(Duration.ofSeconds(1)),
                        Duration.ofSeconds(1),
                        new RetrySchedule(1, Duration.ZERO, Duration.ZERO, Duration.ZERO),
                        Sleeper.REAL,
                        clock,
                        () -> 0.5),
                json,
                SlackThreadReply.SLACK_RESPONSE_PREFIX);
        slack = new FunctionUrlInvocation(
                new SlackInteractivity(
                        new SecretsManagerSecretSource(secrets),
                        secretArn,
                        ledger,
                        ControlPermissions.parse("rollback=" + ONCALL + ";promote=" + ONCALL),
                        controls,
                        reply,
                        json,
                        clock),
                json);
        timeline.note(
                "setup",
                API.key() + " runs " + Deployment.idOf(apiBaseline) + " (rolling, guard alarm "
                        + API_ALARM + "); " + CHECKOUT.key() + " runs " + Deployment.idOf(checkoutBaseline)
                        + " (blue/green, canary analysis at PRODUCTION_TRAFFIC_SHIFT); bake "
                        + SETTINGS.bake().toMinutes()
                        + " min; ledger, topic, freeze switch and signing secret on moto");
    }

    private String baseline(ServiceRef ref, String repository, String alarm, String targets, String alternate) {
        String digest = digest(ref.service() + "-0");
        images.put(digest, new Serving(ImageHealth.GOOD, 0.01, 0.120));
        registry.seed(new SimulatedRegistry.Image(
                repository, digest, "sha-0000000", START.minus(Duration.ofDays(1)), ImageHealth.GOOD));
        return ecs.create(
                new SimulatedEcs.Service(ref, List.of(alarm), false, targets, alternate, 2),
                ref.service(),
                registry.repositoryUri(repository) + "@" + digest,
                Map.of("APP_VERSION", "sha-0000000"));
    }

    // ---- what a person does ----

    /** Pushes {@code tag} to the service's repository; the push event goes to the push handler. */
    String push(ServiceRef ref, String tag, ImageHealth health, double errorRate, double latencySeconds) {
        String digest = digest(ref.service() + "-" + ++pushes);
        images.put(digest, new Serving(health, errorRate, latencySeconds));
        timeline.note(
                "developer",
                "pushes antigravity/" + ref.service() + ":" + tag
                        + (health.isBad()
                                ? " (it serves errors)"
                                : errorRate > 0.01 ? " (" + percent(errorRate) + " of 5xx)" : ""));
        registry.push("antigravity/" + ref.service(), digest, tag, health);
        return digest;
    }

    void loadSpike(boolean on) {
        loadSpike = on;
        timeline.note(
                "traffic", on ? "load spike: every revision of checkout at 1.6 s and 3 % of 5xx" : "load spike over");
    }

    /**
     * ECS at PRODUCTION_TRAFFIC_SHIFT asks the lifecycle hook, and again after each callBackDelay while it answers
     * IN_PROGRESS; a FAILED answer makes ECS roll back by itself, a SUCCEEDED one lets the rollout finish.
     */
    JsonNode canaryHook() {
        SimulatedEcs.Rollout canary = ecs.service(CHECKOUT).primary();
        SimulatedEcs.Rollout baseline = ecs.service(CHECKOUT).rollouts.stream()
                .filter(r -> r != canary)
                .findFirst()
                .orElseThrow();
        canaryWeights = Map.of(canary.targetGroup, CANARY_PERCENT, baseline.targetGroup, 100 - CANARY_PERCENT);
        JsonNode hookDetails = json.createObjectNode();
        for (int call = 1; call <= 60; call++) {
            JsonNode answer = ask(canary, baseline, hookDetails, call);
            String verdict = answer.path("hookStatus").asText();
            String detail = answer.path("hookDetails").path("reason").asText();
            if (!verdict.equals("IN_PROGRESS")) {
                timeline.note("hook", verdict + ": " + detail);
                canaryWeights = null;
                if (verdict.equals("SUCCEEDED")) {
                    ecs.hookSucceeded(CHECKOUT);
                } else {
                    ecs.hookFailed(CHECKOUT, detail);
                }
                deliver();
                return answer;
            }
            if (call == 1 || !answer.path("hookDetails").path("canaryVerdict").isMissingNode()) {
                timeline.note(
                        "hook",
                        "IN_PROGRESS: " + detail + " (ECS asks again every "
                                + answer.path("callBackDelay").asInt() + " s)");
            }
            hookDetails = answer.path("hookDetails");
            run(Duration.ofSeconds(answer.path("callBackDelay").asInt(60)));
        }
        throw new IllegalStateException("the lifecycle hook never answered");
    }

    private JsonNode ask(SimulatedEcs.Rollout canary, SimulatedEcs.Rollout baseline, JsonNode hookDetails, int call) {
        ObjectNode payload = json.createObjectNode()
                .put("executionId", "hook-" + canary.id + "-" + call)
                .put("lifecycleStage", LifecycleStage.PRODUCTION_TRAFFIC_SHIFT.name())
                .put(
                        "resourceArn",
                        "arn:aws:ecs:us-east-1:123456789012:service-deployment/" + CHECKOUT.cluster() + "/"
                                + CHECKOUT.service() + "/" + number(canary.id));
        ObjectNode details = payload.putObject("executionDetails")
                .put("serviceArn", ecs.service(CHECKOUT).serviceArn)
                .put("targetServiceRevisionArn", revisionArn(canary));
        details.putObject("testTrafficWeights");
        details.putObject("productionTrafficWeights")
                .put(revisionArn(canary), CANARY_PERCENT)
                .put(revisionArn(baseline), 100 - CANARY_PERCENT);
        payload.set("hookDetails", hookDetails);
        return read(lifecycleHook.respond(new ByteArrayInputStream(bytes(payload))));
    }

    /** A Slack "Roll back now" click on {@code deploymentId}: a function URL request signed with the secret. */
    JsonNode clickRollBack(String deploymentId, String actionTs) {
        timeline.note("slack", "<@" + ONCALL + "> clicks Roll back now on " + deploymentId);
        ObjectNode click = json.createObjectNode()
                .put("type", "block_actions")
                .put("response_url", "https://rehearsal.invalid/response");
        click.putObject("user").put("id", ONCALL).put("username", "oncall");
        click.putObject("container").put("message_ts", "1764493200.000100");
        click.putArray("actions")
                .addObject()
                .put("action_id", "rollback")
                .put("action_ts", actionTs)
                .put("value", CHECKOUT.key() + "|" + deploymentId);
        String body = "payload=" + URLEncoder.encode(click.toString(), StandardCharsets.UTF_8);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        ObjectNode request =
                json.createObjectNode().put("version", "2.0").put("body", body).put("isBase64Encoded", false);
        request.putObject("requestContext").putObject("http").put("method", "POST");
        request.putObject("headers")
                .put("x-slack-request-timestamp", timestamp)
                .put("x-slack-signature", SlackSignature.sign(signingSecret, timestamp, body));
        try {
            JsonNode answer = read(slack.handle(new ByteArrayInputStream(bytes(request))));
            timeline.note(
                    "slack",
                    "HTTP " + answer.path("statusCode").asInt() + ": "
                            + read(answer.path("body").asText()).path("text").asText());
            deliver();
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code status --service} shows now: the terminal block (without colour) and the piped line. */
    List<String> statusView(ServiceRef ref, boolean piped) {
        return CliAccess.statusView(status.read(ref), piped);
    }

    // ---- time ----

    /** Lets {@code duration} of simulated time pass. */
    void run(Duration duration) {
        for (long i = 0; i < duration.dividedBy(TICK); i++) {
            tick();
        }
    }

    /** Lets time pass until {@code done} holds; a bound keeps a rehearsal that goes wrong from running forever. */
    void runUntil(String what, BooleanSupplier done) {
        deliver();
        for (int i = 0; !done.getAsBoolean(); i++) {
            if (i == MAX_TICKS) {
                throw new IllegalStateException("after " + MAX_TICKS + " ticks still not: " + what);
            }
            tick();
        }
    }

    private void tick() {
        clock.advance(TICK);
        ecs.tick();
        deliver();
        if (++ticks % 2 == 0) {
            minute();
        }
    }

    /** Every minute: the traffic of the minute that ended, the alarms that judge it, and the stabilizer's run. */
    private void minute() {
        Instant ended = clock.instant().minus(Duration.ofMinutes(1));
        Map<String, SimulatedTraffic.Behaviour> checkout = new LinkedHashMap<>();
        SimulatedEcs.Service service = ecs.service(CHECKOUT);
        for (SimulatedEcs.Rollout rollout : service.rollouts) {
            int weight = canaryWeights != null
                    ? canaryWeights.getOrDefault(rollout.targetGroup, 0)
                    : rollout.targetGroup.equals(service.liveTargetGroup) && rollout.running > 0 ? 100 : 0;
            if (weight > 0) {
                Serving serving = serving(ecs.taskDefinition(rollout.taskDefinitionArn).digest);
                checkout.put(
                        rollout.targetGroup,
                        new SimulatedTraffic.Behaviour(
                                REQUESTS_PER_MINUTE * weight / 100,
                                loadSpike ? Math.max(serving.errorRate(), 0.03) : serving.errorRate(),
                                loadSpike ? 1.6 : serving.latencySeconds()));
            }
        }
        traffic.serve(ended, checkout);
        alarm(CHECKOUT_ALARM, traffic.errorRate(ended) >= ALARM_THRESHOLD);
        alarm(
                API_ALARM,
                ecs.runningDigests(API).keySet().stream()
                        .anyMatch(d -> serving(d).health().isBad()));
        deliver();
        Outcome stabilized = platform.stabilize.run("stabilizer-" + ticks);
        if (stabilized.result() == Outcome.Result.APPLIED) {
            timeline.note("stabilizer", stabilized.reason());
        }
        deliver();
    }

    private void alarm(String name, boolean firing) {
        Value next = firing ? Value.ALARM : Value.OK;
        if (cloudWatch.state(name) != next) {
            alarmChanges.merge(name, 1, Integer::sum);
            timeline.note("CloudWatch", name + " " + cloudWatch.state(name) + " -> " + next);
            cloudWatch.set(name, next);
        }
    }

    /** Delivers every due event, oldest first, to the handler its EventBridge rule invokes. */
    private void deliver() {
        for (EventBus.Delivery delivery; (delivery = bus.takeOldest(clock.instant())) != null; ) {
            Outcome outcome = switch (delivery.event()) {
                case EcrImageAction push -> platform.acceptImage.handle(push);
                case EcsDeploymentStateChange change -> {
                    timeline.note(
                            "ECS",
                            change.deploymentId() + " " + change.phase()
                                    + (change.reason() == null ? "" : ": " + change.reason()));
                    yield platform.recordDeploymentEvent.handle(change);
                }
                case CloudWatchAlarmStateChange alarm -> platform.handleAlarm.handle(alarm);
                default -> throw new IllegalStateException("no handler for " + delivery.event());
            };
            timeline.note(
                    "hooks",
                    outcome.handler() + " " + outcome.result()
                            + (outcome.deploymentId() == null ? "" : " " + outcome.deploymentId())
                            + (outcome.state() == null ? "" : " -> " + outcome.state()) + ": " + outcome.reason());
        }
    }

    private void updated(SimulatedEcs.UpdateCall call) {
        updates.add(call);
        timeline.note(
                "ECS",
                "UpdateService by " + call.origin() + ": " + call.service().key() + " "
                        + Deployment.idOf(call.primaryBefore()) + " -> " + Deployment.idOf(call.target())
                        + ", new deployment " + call.deploymentId());
        if (call.service().equals(CHECKOUT) && call.origin() == Origin.ANTIGRAVITY && forward(call)) {
            ecs.awaitHook(CHECKOUT); // ECS holds the canary at PRODUCTION_TRAFFIC_SHIFT until the hook answers
        }
    }

    /** A rollout of a newly pushed image (a rollback goes back to a revision that ran before). */
    private boolean forward(SimulatedEcs.UpdateCall call) {
        return ecs.service(CHECKOUT).everStarted.stream()
                        .filter(r -> r.taskDefinitionArn.equals(call.target()))
                        .count()
                == 1;
    }

    // ---- what the hook's ports read ----

    private Optional<String> targetGroupOf(String serviceRevisionArn) {
        String id = "ecs-svc/" + serviceRevisionArn.substring(serviceRevisionArn.lastIndexOf('/') + 1);
        return ecs.service(CHECKOUT).everStarted.stream()
                .filter(r -> r.id.equals(id))
                .findFirst()
                .map(r -> r.targetGroup);
    }

    /** ECS's word on whether the hooked deployment is a rollback: one ECS itself started. */
    private Optional<String> rollingBack(String deploymentArn, String serviceArn, String targetRevisionArn) {
        String id = "ecs-svc/" + deploymentArn.substring(deploymentArn.lastIndexOf('/') + 1);
        return ecs.service(CHECKOUT).everStarted.stream()
                .filter(r -> r.id.equals(id) && r.origin == Origin.ECS)
                .findFirst()
                .map(r -> "ECS is rolling back (" + r.id + ")");
    }

    // ---- reading the outcome ----

    Deployment record(ServiceRef ref, String tag) {
        return ledgerRecords(ref).stream()
                .filter(d -> d.image().tag().equals(tag))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no ledger record of " + ref.key() + " " + tag));
    }

    boolean recorded(ServiceRef ref, String tag) {
        return ledgerRecords(ref).stream().anyMatch(d -> d.image().tag().equals(tag));
    }

    private List<Deployment> ledgerRecords(ServiceRef ref) {
        return ledger.history(ref, 20);
    }

    String running(ServiceRef ref) {
        return Deployment.idOf(ecs.service(ref).primary().taskDefinitionArn);
    }

    int alarmChanges(String alarm) {
        return alarmChanges.getOrDefault(alarm, 0);
    }

    boolean settled() {
        return ecs.settled();
    }

    @Override
    public void close() {
        dynamo.deleteTable(r -> r.tableName(table));
        sns.deleteTopic(r -> r.topicArn(topicArn));
        secrets.deleteSecret(r -> r.secretId(secretArn).forceDeleteWithoutRecovery(true));
        try {
            ssm.deleteParameter(r -> r.name(freezeParameter));
        } catch (software.amazon.awssdk.services.ssm.model.ParameterNotFoundException neverFrozen) {
            // the rehearsal never froze deployments
        }
    }

    // ---- small things ----

    private Serving serving(String digest) {
        return images.get(digest);
    }

    /** A digest as ECR reports one: the SHA-256 of {@code seed}, so every run names the same images. */
    private static String digest(String seed) {
        try {
            return "sha256:"
                    + java.util.HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String number(String deploymentId) {
        return deploymentId.substring(deploymentId.indexOf('/') + 1);
    }

    private static String revisionArn(SimulatedEcs.Rollout rollout) {
        return REVISIONS + CHECKOUT.cluster() + "/" + CHECKOUT.service() + "/" + number(rollout.id);
    }

    static String percent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.0f %%", fraction * 100);
    }

    private byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
