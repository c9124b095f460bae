package dev.antigravity.lambdas.integration.hooks;

import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.port.EcsPort;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * For the integration tests against moto_server, which neither starts a new deployment on UpdateService nor stores {@code deploymentConfiguration.alarms}. This
 * decorator supplies what real ECS would report: a PRIMARY deployment {@link #deploymentIdOf(String)} for the
 * service's current revision with all its tasks running, and the guard alarms from the service tag
 * {@value #GUARD_ALARMS_TAG} (comma-separated). Everything else goes to the real adapter unchanged. Test code only:
 * {@link MotoHandlers} puts it in the handlers' graphs in place of the Lambda jar's {@code EcsModule}; the faithful
 * ECS (rollouts over time, rollbacks as deployments of their own) is the simulation's {@code SimulatedEcs}.
 */
final class MotoEcsGaps implements EcsPort {
    static final String GUARD_ALARMS_TAG = "antigravity:guard-alarms";

    private final EcsPort delegate;
    private final EcsClient ecs;

    MotoEcsGaps(EcsPort delegate, EcsClient ecs) {
        this.delegate = delegate;
        this.ecs = ecs;
    }

    /** The simulated ECS deployment id of a revision: {@code ecs-svc/sim-<family>-<revision>}. */
    static String deploymentIdOf(String taskDefinitionArn) {
        String familyRevision = taskDefinitionArn.substring(taskDefinitionArn.lastIndexOf('/') + 1);
        return "ecs-svc/sim-" + familyRevision.replace(':', '-');
    }

    @Override
    public ServiceSnapshot describe(ServiceRef service) {
        ServiceSnapshot real = delegate.describe(service);
        List<String> alarms = real.guardAlarms().isEmpty() ? taggedAlarms(service) : real.guardAlarms();
        EcsDeployment primary = new EcsDeployment(
                deploymentIdOf(real.taskDefinitionArn()),
                "PRIMARY",
                real.taskDefinitionArn(),
                "COMPLETED",
                real.runningCount(),
                real.desiredCount(),
                0,
                null);
        return new ServiceSnapshot(
                service,
                real.taskDefinitionArn(),
                real.desiredCount(),
                real.runningCount(),
                0,
                List.of(primary),
                alarms,
                false);
    }

    private List<String> taggedAlarms(ServiceRef service) {
        return ecs
                .describeServices(r ->
                        r.cluster(service.cluster()).services(service.service()).include(ServiceField.TAGS))
                .services()
                .stream()
                .flatMap(s -> s.tags().stream())
                .filter(t -> GUARD_ALARMS_TAG.equals(t.key()))
                .map(Tag::value)
                .findFirst()
                .map(v -> Arrays.stream(v.split(","))
                        .map(String::trim)
                        .filter(a -> !a.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    @Override
    public String registerRevision(
            String fromTaskDefinitionArn, String container, String image, Map<String, String> environment) {
        return delegate.registerRevision(fromTaskDefinitionArn, container, image, environment);
    }

    @Override
    public String updateService(ServiceRef service, String taskDefinitionArn) {
        delegate.updateService(service, taskDefinitionArn);
        return deploymentIdOf(taskDefinitionArn);
    }

    @Override
    public boolean isActive(String taskDefinitionArn) {
        return delegate.isActive(taskDefinitionArn);
    }

    /** moto answers ListServiceDeployments with HTTP 500: these tests lose no UpdateService response. */
    @Override
    public boolean deployedSince(ServiceRef service, String taskDefinitionArn, java.time.Instant since) {
        return false;
    }

    @Override
    public Optional<ContainerImage> containerImage(String taskDefinitionArn, String container) {
        return delegate.containerImage(taskDefinitionArn, container);
    }
}
