package dev.antigravity.lambdas.adapters.aws;

import dev.antigravity.lambdas.domain.canary.CanaryMetrics;
import dev.antigravity.lambdas.domain.canary.MinuteFigures;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * CanaryMetrics over one paginated CloudWatch GetMetricData call: for each target group, per minute, AWS/ApplicationELB
 * RequestCount (Sum), HTTPCode_Target_5XX_Count (Sum) and TargetResponseTime at the configured percentile, with the
 * TargetGroup and LoadBalancer dimensions the ALB publishes them under. A minute without a RequestCount datapoint had
 * no requests and is left out; a missing 5xx datapoint is zero; a missing latency is none.
 */
public final class CloudWatchCanaryMetrics implements CanaryMetrics {
    private static final String NAMESPACE = "AWS/ApplicationELB";
    private static final int MINUTE = 60;

    private final CloudWatchClient cloudWatch;
    private final String loadBalancer;
    private final String latencyStatistic;

    /**
     * @param loadBalancer     the ALB's ARN or its dimension value ({@code app/name/id})
     * @param latencyStatistic the TargetResponseTime statistic to compare, e.g. {@code p99}
     */
    public CloudWatchCanaryMetrics(CloudWatchClient cloudWatch, String loadBalancer, String latencyStatistic) {
        this.cloudWatch = cloudWatch;
        this.loadBalancer = dimensionValue(loadBalancer, "loadbalancer/");
        this.latencyStatistic = latencyStatistic;
    }

    @Override
    public Map<String, List<MinuteFigures>> perMinute(List<String> targetGroupArns, Instant from, Instant to) {
        List<MetricDataQuery> queries = new ArrayList<>();
        for (int i = 0; i < targetGroupArns.size(); i++) {
            List<Dimension> dimensions = List.of(
                    Dimension.builder()
                            .name("TargetGroup")
                            .value(dimensionValue(targetGroupArns.get(i), ""))
                            .build(),
                    Dimension.builder().name("LoadBalancer").value(loadBalancer).build());
            queries.add(query("requests" + i, "RequestCount", "Sum", dimensions));
            queries.add(query("errors" + i, "HTTPCode_Target_5XX_Count", "Sum", dimensions));
            queries.add(query("latency" + i, "TargetResponseTime", latencyStatistic, dimensions));
        }
        GetMetricDataRequest request = GetMetricDataRequest.builder()
                .metricDataQueries(queries)
                .startTime(from)
                .endTime(to)
                .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .build();
        Map<String, TreeMap<Instant, Double>> series = new LinkedHashMap<>();
        for (GetMetricDataResponse page : cloudWatch.getMetricDataPaginator(request)) {
            for (MetricDataResult result : page.metricDataResults()) {
                TreeMap<Instant, Double> values = series.computeIfAbsent(result.id(), id -> new TreeMap<>());
                for (int j = 0;
                        j < Math.min(result.timestamps().size(), result.values().size());
                        j++) {
                    values.put(
                            result.timestamps().get(j).truncatedTo(ChronoUnit.MINUTES),
                            result.values().get(j));
                }
            }
        }
        Map<String, List<MinuteFigures>> figures = new LinkedHashMap<>();
        for (int i = 0; i < targetGroupArns.size(); i++) {
            TreeMap<Instant, Double> errors = series.getOrDefault("errors" + i, new TreeMap<>());
            TreeMap<Instant, Double> latency = series.getOrDefault("latency" + i, new TreeMap<>());
            List<MinuteFigures> minutes = new ArrayList<>();
            series.getOrDefault("requests" + i, new TreeMap<>()).forEach((minute, requests) -> {
                long served = Math.round(requests);
                if (served > 0) {
                    long failed = Math.min(served, Math.round(errors.getOrDefault(minute, 0.0)));
                    minutes.add(new MinuteFigures(minute, served, failed, latency.get(minute)));
                }
            });
            figures.put(targetGroupArns.get(i), minutes);
        }
        return figures;
    }

    private static MetricDataQuery query(String id, String metric, String statistic, List<Dimension> dimensions) {
        return MetricDataQuery.builder()
                .id(id)
                .returnData(true)
                .metricStat(stat -> stat.metric(
                                m -> m.namespace(NAMESPACE).metricName(metric).dimensions(dimensions))
                        .period(MINUTE)
                        .stat(statistic))
                .build();
    }

    /**
     * An ELB ARN's metric dimension value: {@code …:targetgroup/name/id} → {@code targetgroup/name/id},
     * {@code …:loadbalancer/app/name/id} → {@code app/name/id}; a value that is no ARN is taken as it is.
     */
    static String dimensionValue(String arnOrValue, String resourcePrefix) {
        String[] arn = arnOrValue.split(":", 6);
        if (arn.length < 6 || !"arn".equals(arn[0])) {
            return arnOrValue;
        }
        return arn[5].startsWith(resourcePrefix) ? arn[5].substring(resourcePrefix.length()) : arn[5];
    }
}
