package dev.antigravity.infrastructure;

import static dev.antigravity.infrastructure.MotoQueryProtocol.element;
import static dev.antigravity.infrastructure.MotoQueryProtocol.error;
import static dev.antigravity.infrastructure.MotoQueryProtocol.list;
import static dev.antigravity.infrastructure.MotoQueryProtocol.metadata;
import static dev.antigravity.infrastructure.MotoQueryProtocol.ok;
import static dev.antigravity.infrastructure.MotoQueryProtocol.parse;

import dev.antigravity.infrastructure.MotoQueryProtocol.Reply;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * ElastiCache cache parameter groups, which moto 5.2 does not implement (nor tags on them: its
 * ElastiCache ARN pattern has no "parametergroup"), kept in memory for {@link MotoProtocolTranslator}.
 * ElastiCache speaks the AWS query protocol: form-encoded requests, XML answers. Only what the
 * provider's aws_elasticache_parameter_group calls is answered; every other ElastiCache action goes
 * on to moto.
 */
final class MotoElastiCacheParameterGroups {

    private record Group(
            String name, String family, String description, Map<String, String> parameters, Map<String, String> tags) {}

    private static final Set<String> ACTIONS = Set.of(
            "CreateCacheParameterGroup",
            "DescribeCacheParameterGroups",
            "ModifyCacheParameterGroup",
            "ResetCacheParameterGroup",
            "DescribeCacheParameters",
            "DeleteCacheParameterGroup",
            "ListTagsForResource",
            "AddTagsToResource",
            "RemoveTagsFromResource");

    private final String arnPrefix;
    private final Map<String, Group> groups = new ConcurrentHashMap<>();

    MotoElastiCacheParameterGroups(String region, String accountId) {
        this.arnPrefix = "arn:aws:elasticache:" + region + ":" + accountId + ":parametergroup:";
    }

    /** The reply to a form-encoded request body, or empty when moto should answer it. */
    Optional<Reply> answer(String formBody) {
        Map<String, String> form = parse(formBody);
        String action = form.getOrDefault("Action", "");
        boolean tagCall = action.endsWith("TagsForResource")
                || action.endsWith("TagsToResource")
                || action.endsWith("TagsFromResource");
        if (!ACTIONS.contains(action)
                || (tagCall && !form.getOrDefault("ResourceName", "").startsWith(arnPrefix))) {
            return Optional.empty();
        }
        return Optional.of(
                switch (action) {
                    case "CreateCacheParameterGroup" -> create(form);
                    case "DescribeCacheParameterGroups" -> describeGroups(form.get("CacheParameterGroupName"));
                    case "ModifyCacheParameterGroup", "ResetCacheParameterGroup" -> modify(action, form);
                    case "DescribeCacheParameters" ->
                        withGroup(
                                form.get("CacheParameterGroupName"),
                                group -> ok(
                                        action,
                                        "<Parameters>"
                                                + group.parameters().entrySet().stream()
                                                        .map(parameter -> "<Parameter>"
                                                                + element("ParameterName", parameter.getKey())
                                                                + element("ParameterValue", parameter.getValue())
                                                                + element("Source", "user")
                                                                + element("IsModifiable", "true") + "</Parameter>")
                                                        .collect(Collectors.joining())
                                                + "</Parameters>"));
                    case "DeleteCacheParameterGroup" ->
                        withGroup(form.get("CacheParameterGroupName"), group -> {
                            groups.remove(group.name());
                            return new Reply(
                                    200,
                                    "<DeleteCacheParameterGroupResponse xmlns=\"" + MotoQueryProtocol.NAMESPACE + "\">"
                                            + metadata() + "</DeleteCacheParameterGroupResponse>");
                        });
                    default -> tags(action, form);
                });
    }

    private Reply create(Map<String, String> form) {
        String name = form.get("CacheParameterGroupName");
        Group group = new Group(
                name,
                form.get("CacheParameterGroupFamily"),
                form.getOrDefault("Description", ""),
                new TreeMap<>(),
                new TreeMap<>(list(form, "Tags.Tag", "Key", "Value")));
        if (groups.putIfAbsent(name, group) != null) {
            return error(400, "CacheParameterGroupAlreadyExists", "Parameter group " + name + " already exists");
        }
        return ok("CreateCacheParameterGroup", describe(group));
    }

    private Reply describeGroups(String name) {
        if (name != null) {
            return withGroup(
                    name,
                    group -> ok(
                            "DescribeCacheParameterGroups",
                            "<CacheParameterGroups>" + describe(group) + "</CacheParameterGroups>"));
        }
        return ok(
                "DescribeCacheParameterGroups",
                "<CacheParameterGroups>"
                        + groups.values().stream().map(this::describe).collect(Collectors.joining())
                        + "</CacheParameterGroups>");
    }

    private Reply modify(String action, Map<String, String> form) {
        return withGroup(form.get("CacheParameterGroupName"), group -> {
            Map<String, String> changes =
                    list(form, "ParameterNameValues.ParameterNameValue", "ParameterName", "ParameterValue");
            if (action.equals("ModifyCacheParameterGroup")) {
                group.parameters().putAll(changes);
            } else if ("true".equals(form.get("ResetAllParameters"))) {
                group.parameters().clear();
            } else {
                changes.keySet().forEach(group.parameters()::remove);
            }
            return ok(action, element("CacheParameterGroupName", group.name()));
        });
    }

    private Reply tags(String action, Map<String, String> form) {
        String arn = form.get("ResourceName");
        return withGroup(arn.substring(arnPrefix.length()), group -> {
            if (action.equals("AddTagsToResource")) {
                group.tags().putAll(list(form, "Tags.Tag", "Key", "Value"));
            } else if (action.equals("RemoveTagsFromResource")) {
                form.entrySet().stream()
                        .filter(entry -> entry.getKey().startsWith("TagKeys.member."))
                        .forEach(entry -> group.tags().remove(entry.getValue()));
            }
            return ok(
                    action,
                    "<TagList>"
                            + group.tags().entrySet().stream()
                                    .map(tag -> "<Tag>" + element("Key", tag.getKey())
                                            + element("Value", tag.getValue()) + "</Tag>")
                                    .collect(Collectors.joining())
                            + "</TagList>");
        });
    }

    private Reply withGroup(String name, java.util.function.Function<Group, Reply> action) {
        Group group = name == null ? null : groups.get(name);
        if (group == null) {
            return error(404, "CacheParameterGroupNotFound", "Parameter group " + name + " not found");
        }
        return action.apply(group);
    }

    private String describe(Group group) {
        return "<CacheParameterGroup>" + element("CacheParameterGroupName", group.name())
                + element("CacheParameterGroupFamily", group.family()) + element("Description", group.description())
                + element("IsGlobal", "false") + element("ARN", arnPrefix + group.name()) + "</CacheParameterGroup>";
    }
}
