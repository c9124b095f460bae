package dev.antigravity.infrastructure;

import static dev.antigravity.infrastructure.MotoQueryProtocol.element;
import static dev.antigravity.infrastructure.MotoQueryProtocol.ok;
import static dev.antigravity.infrastructure.MotoQueryProtocol.parse;
import static dev.antigravity.infrastructure.MotoQueryProtocol.values;

import dev.antigravity.infrastructure.MotoQueryProtocol.Reply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The member clusters of ElastiCache replication groups, which moto 5.2 lists in a group's MemberClusters but never
 * creates: DescribeCacheClusters for "GROUP-001" answers CacheClusterNotFound, and the provider, which reads the node
 * type, engine, security groups and windows of a replication group from its first member, fails the apply. The
 * settings of every CreateReplicationGroup that passes through are kept here (moto still creates the group), and a
 * DescribeCacheClusters naming one of its members is answered from them, the member "available".
 */
final class MotoElastiCacheMemberClusters {

    private record Group(Map<String, String> form, List<String> securityGroupIds) {
        int members() {
            return Integer.parseInt(form.getOrDefault("NumCacheClusters", "1"));
        }

        String setting(String name, String otherwise) {
            return form.getOrDefault(name, otherwise);
        }
    }

    /** How ElastiCache names a non-clustered group's members: the group's id, a dash and three digits from 001. */
    private static final Pattern MEMBER = Pattern.compile("^(.+)-(\\d{3})$");

    private final Map<String, Group> groups = new ConcurrentHashMap<>();

    /**
     * The reply to a form-encoded request body, or empty when moto should answer it. CreateReplicationGroup and
     * DeleteReplicationGroup are noted on the way to moto.
     */
    Optional<Reply> answer(String formBody) {
        Map<String, String> form = parse(formBody);
        String group = form.getOrDefault("ReplicationGroupId", "");
        switch (form.getOrDefault("Action", "")) {
            case "CreateReplicationGroup" -> {
                groups.put(group, new Group(form, values(form, "SecurityGroupIds.SecurityGroupId")));
                return Optional.empty();
            }
            case "DeleteReplicationGroup" -> {
                groups.remove(group);
                return Optional.empty();
            }
            case "DescribeCacheClusters" -> {
                return member(form.getOrDefault("CacheClusterId", ""));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private Optional<Reply> member(String clusterId) {
        Matcher member = MEMBER.matcher(clusterId);
        if (!member.matches()) {
            return Optional.empty();
        }
        Group group = groups.get(member.group(1));
        int number = Integer.parseInt(member.group(2));
        if (group == null || number < 1 || number > group.members()) {
            return Optional.empty();
        }
        return Optional.of(ok(
                "DescribeCacheClusters",
                "<CacheClusters>" + describe(clusterId, member.group(1), group) + "</CacheClusters>"));
    }

    private static String describe(String clusterId, String groupId, Group group) {
        String parameterGroup = group.setting("CacheParameterGroupName", "");
        return "<CacheCluster>" + element("CacheClusterId", clusterId)
                + element("CacheClusterStatus", "available")
                + element("ReplicationGroupId", groupId)
                + element("NumCacheNodes", "1")
                + element("CacheNodeType", group.setting("CacheNodeType", ""))
                + element("Engine", group.setting("Engine", "redis"))
                + element("EngineVersion", group.setting("EngineVersion", ""))
                + element("AutoMinorVersionUpgrade", group.setting("AutoMinorVersionUpgrade", "true"))
                + element("CacheSubnetGroupName", group.setting("CacheSubnetGroupName", ""))
                + element("PreferredMaintenanceWindow", group.setting("PreferredMaintenanceWindow", ""))
                + element("SnapshotWindow", group.setting("SnapshotWindow", ""))
                + element("SnapshotRetentionLimit", group.setting("SnapshotRetentionLimit", "0"))
                + element("AtRestEncryptionEnabled", group.setting("AtRestEncryptionEnabled", "false"))
                + element("TransitEncryptionEnabled", group.setting("TransitEncryptionEnabled", "false"))
                + element("AuthTokenEnabled", String.valueOf(group.form().containsKey("AuthToken")))
                + (parameterGroup.isEmpty()
                        ? ""
                        : "<CacheParameterGroup>" + element("CacheParameterGroupName", parameterGroup)
                                + element("ParameterApplyStatus", "in-sync") + "</CacheParameterGroup>")
                + "<SecurityGroups>"
                + group.securityGroupIds().stream()
                        .map(id ->
                                "<member>" + element("SecurityGroupId", id) + element("Status", "active") + "</member>")
                        .collect(Collectors.joining())
                + "</SecurityGroups></CacheCluster>";
    }
}
