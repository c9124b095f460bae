package dev.antigravity.lambdas.adapters.aws;

import dev.antigravity.lambdas.domain.port.TargetHealthPort;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/** TargetHealthPort over ELBv2 DescribeTargetHealth. */
public final class ElbTargetHealth implements TargetHealthPort {
    private final ElasticLoadBalancingV2Client elb;

    public ElbTargetHealth(ElasticLoadBalancingV2Client elb) {
        this.elb = elb;
    }

    @Override
    public TargetHealth health(String targetGroupArn) {
        List<TargetHealthDescription> targets =
                elb.describeTargetHealth(r -> r.targetGroupArn(targetGroupArn)).targetHealthDescriptions();
        List<String> notHealthy = targets.stream()
                .filter(t -> t.targetHealth().state() != TargetHealthStateEnum.HEALTHY)
                .map(t -> t.target().id() + ":" + t.target().port() + "="
                        + t.targetHealth().stateAsString()
                        + (t.targetHealth().reason() == null
                                ? ""
                                : " (" + t.targetHealth().reasonAsString() + ")"))
                .toList();
        return new TargetHealth(targets.size(), targets.size() - notHealthy.size(), notHealthy);
    }
}
