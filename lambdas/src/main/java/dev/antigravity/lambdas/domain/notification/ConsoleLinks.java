package dev.antigravity.lambdas.domain.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** AWS console addresses a person clicks from a notification. */
public final class ConsoleLinks {
    private ConsoleLinks() {}

    public static String ecsService(String region, String cluster, String service) {
        return "https://" + region + ".console.aws.amazon.com/ecs/v2/clusters/" + encode(cluster) + "/services/"
                + encode(service) + "/deployments?region=" + region;
    }

    public static String cloudWatchAlarm(String region, String alarmName) {
        return "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region + "#alarmsV2:alarm/"
                + encode(alarmName);
    }

    /** The region of an ARN ({@code arn:partition:service:region:account:resource}), or null if it has none. */
    public static String regionOf(String arn) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length >= 6 && parts[0].equals("arn") && !parts[3].isEmpty() ? parts[3] : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
