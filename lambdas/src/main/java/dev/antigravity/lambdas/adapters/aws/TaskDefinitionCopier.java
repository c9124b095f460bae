package dev.antigravity.lambdas.adapters.aws;

import dev.antigravity.lambdas.domain.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * A RegisterTaskDefinition request that reproduces an existing revision. Fields are copied by the SDK's own
 * field metadata (every request member that the described TaskDefinition also has), so a field AWS adds later is
 * carried over too instead of being silently dropped; only tags live outside TaskDefinition and come separately.
 */
public final class TaskDefinitionCopier {
    /** Request members that are not on TaskDefinition and how they are supplied. */
    static final Set<String> SUPPLIED_SEPARATELY = Set.of("tags");

    private TaskDefinitionCopier() {}

    public static RegisterTaskDefinitionRequest.Builder copyOf(TaskDefinition source, List<Tag> tags) {
        Map<String, SdkField<?>> sourceFields =
                source.sdkFields().stream().collect(Collectors.toMap(SdkField::memberName, Function.identity()));
        RegisterTaskDefinitionRequest.Builder request = RegisterTaskDefinitionRequest.builder();
        for (SdkField<?> field : request.sdkFields()) {
            SdkField<?> from = sourceFields.get(field.memberName());
            if (from != null) {
                Object value = from.getValueOrDefault(source);
                if (value != null && !isEmptyAutoConstructed(value)) {
                    field.set(request, value);
                }
            }
        }
        if (tags != null && !tags.isEmpty()) {
            request.tags(tags);
        }
        return request;
    }

    /** Request members with no TaskDefinition counterpart (must equal {@link #SUPPLIED_SEPARATELY}). */
    static Set<String> uncopiableMembers() {
        Set<String> described = TaskDefinition.builder().build().sdkFields().stream()
                .map(SdkField::memberName)
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        RegisterTaskDefinitionRequest.builder().sdkFields().forEach(f -> {
            if (!described.contains(f.memberName())) {
                missing.add(f.memberName());
            }
        });
        return missing;
    }

    /** The container's image replaced and {@code environment} entries set (others kept, order kept). */
    public static List<ContainerDefinition> withImage(
            List<ContainerDefinition> containers, String container, String image, Map<String, String> environment) {
        List<ContainerDefinition> result = new ArrayList<>();
        boolean found = false;
        for (ContainerDefinition definition : containers) {
            if (definition.name().equals(container)) {
                found = true;
                List<KeyValuePair> env = new ArrayList<>();
                definition.environment().stream()
                        .filter(kv -> !environment.containsKey(kv.name()))
                        .forEach(env::add);
                environment.forEach((name, value) ->
                        env.add(KeyValuePair.builder().name(name).value(value).build()));
                result.add(definition.toBuilder().image(image).environment(env).build());
            } else {
                result.add(definition);
            }
        }
        if (!found) {
            throw new ConfigurationException("task definition has no container named '" + container + "'");
        }
        return result;
    }

    private static boolean isEmptyAutoConstructed(Object value) {
        return value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>
                || value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?>;
    }
}
