package dev.antigravity.lambdas.adapters.aws;

import dev.antigravity.lambdas.domain.ConfigurationException;
import dev.antigravity.lambdas.domain.EcsRejectedException;
import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.port.EcsPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentAlarms;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/** EcsPort over the AWS SDK. */
public final class EcsAdapter implements EcsPort {
    private static final Pattern REVISION_ARN = Pattern.compile("arn:aws[\\w-]*:ecs:.+:task-definition/.+:\\d+");
    private final EcsClient ecs;
    private final Map<String, Optional<ContainerImage>> containerImages = BoundedMemo.synchronizedOf(512);

    public EcsAdapter(EcsClient ecs) {
        this.ecs = ecs;
    }

    @Override
    public ServiceSnapshot describe(ServiceRef ref) {
        List<Service> services = ecs.describeServices(
                        r -> r.cluster(ref.cluster()).services(ref.service()))
                .services();
        if (services.isEmpty() || !"ACTIVE".equals(services.getFirst().status())) {
            throw new ConfigurationException("ECS service " + ref + " does not exist or is not ACTIVE");
        }
        Service service = services.getFirst();
        List<EcsDeployment> deployments = service.deployments().stream()
                .map(d -> new EcsDeployment(
                        d.id(),
                        d.status(),
                        d.taskDefinition(),
                        d.rolloutStateAsString(),
                        valueOf(d.runningCount()),
                        valueOf(d.desiredCount()),
                        valueOf(d.failedTasks()),
                        d.createdAt()))
                .toList();
        int elsewhere = service.deployments().stream()
                .filter(d -> !"PRIMARY".equals(d.status()))
                .mapToInt(d -> valueOf(d.runningCount()))
                .sum();
        DeploymentAlarms configured = service.deploymentConfiguration() == null
                ? null
                : service.deploymentConfiguration().alarms();
        List<String> alarms = configured == null ? List.of() : configured.alarmNames();
        boolean rollsBack = configured != null
                && Boolean.TRUE.equals(configured.enable())
                && Boolean.TRUE.equals(configured.rollback());
        return new ServiceSnapshot(
                ref,
                service.taskDefinition(),
                valueOf(service.desiredCount()),
                valueOf(service.runningCount()),
                elsewhere,
                deployments,
                alarms,
                rollsBack);
    }

    @Override
    public String registerRevision(
            String fromTaskDefinitionArn, String container, String image, Map<String, String> environment) {
        DescribeTaskDefinitionResponse current = ecs.describeTaskDefinition(
                r -> r.taskDefinition(fromTaskDefinitionArn).include(TaskDefinitionField.TAGS));
        var request = TaskDefinitionCopier.copyOf(current.taskDefinition(), current.tags());
        request.containerDefinitions(TaskDefinitionCopier.withImage(
                current.taskDefinition().containerDefinitions(), container, image, environment));
        return ecs.registerTaskDefinition(request.build()).taskDefinition().taskDefinitionArn();
    }

    @Override
    public String updateService(ServiceRef service, String taskDefinitionArn) {
        Service updated;
        try {
            updated = ecs.updateService(r -> r.cluster(service.cluster())
                            .service(service.service())
                            .taskDefinition(taskDefinitionArn))
                    .service();
        } catch (ClientException | InvalidParameterException refused) {
            // An INACTIVE revision, a bad parameter: ECS will refuse the retry just the same.
            throw new EcsRejectedException(
                    refused.awsErrorDetails() == null
                            ? refused.getMessage()
                            : refused.awsErrorDetails().errorMessage(),
                    refused);
        }
        return updated.deployments().stream()
                .filter(d -> "PRIMARY".equals(d.status()))
                .map(Deployment::id)
                .findFirst()
                .orElseThrow(() ->
                        new IllegalStateException("UpdateService of " + service + " answered no PRIMARY deployment"));
    }

    @Override
    public boolean deployedSince(ServiceRef service, String taskDefinitionArn, Instant since) {
        List<String> revisions = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            ListServiceDeploymentsResponse listed = ecs.listServiceDeployments(r -> r.cluster(service.cluster())
                    .service(service.service())
                    .createdAt(c -> c.after(since))
                    .nextToken(page));
            listed.serviceDeployments().stream()
                    .map(ServiceDeploymentBrief::targetServiceRevisionArn)
                    .filter(Objects::nonNull)
                    .forEach(revisions::add);
            token = listed.nextToken();
        } while (token != null);
        // DescribeServiceRevisions takes at most 20 ARNs a call.
        for (int from = 0; from < revisions.size(); from += 20) {
            List<String> batch = revisions.subList(from, Math.min(revisions.size(), from + 20));
            boolean found = ecs.describeServiceRevisions(r -> r.serviceRevisionArns(batch)).serviceRevisions().stream()
                    .anyMatch(revision -> taskDefinitionArn.equals(revision.taskDefinition()));
            if (found) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isActive(String taskDefinitionArn) {
        try {
            return ecs.describeTaskDefinition(r -> r.taskDefinition(taskDefinitionArn))
                            .taskDefinition()
                            .status()
                    == TaskDefinitionStatus.ACTIVE;
        } catch (ClientException unknownRevision) {
            return false;
        }
    }

    @Override
    public Optional<ContainerImage> containerImage(String taskDefinitionArn, String container) {
        if (!REVISION_ARN.matcher(taskDefinitionArn).matches()) {
            return describeContainerImage(taskDefinitionArn, container);
        }
        // A task definition revision never changes once registered (deregistering changes its status, not its
        // containers), so what one revision runs is read from ECS once per container life: the push path asks it
        // twice per decision.
        return containerImages.computeIfAbsent(
                taskDefinitionArn + "#" + container, key -> describeContainerImage(taskDefinitionArn, container));
    }

    private Optional<ContainerImage> describeContainerImage(String taskDefinitionArn, String container) {
        return ecs
                .describeTaskDefinition(r -> r.taskDefinition(taskDefinitionArn))
                .taskDefinition()
                .containerDefinitions()
                .stream()
                .filter(c -> c.name().equals(container))
                .findFirst()
                .map(EcsAdapter::imageOf);
    }

    private static ContainerImage imageOf(ContainerDefinition definition) {
        return new ContainerImage(
                definition.image(),
                definition.environment().stream()
                        .collect(Collectors.toMap(
                                kv -> kv.name(), kv -> kv.value() == null ? "" : kv.value(), (a, b) -> b)));
    }

    private static int valueOf(Integer count) {
        return count == null ? 0 : count;
    }
}
