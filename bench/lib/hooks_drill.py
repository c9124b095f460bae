"""The deployment hooks' world for the bench/ failure drills: one managed service in moto and the real Lambda handlers.

moto holds the ECR repository, the ECS cluster and service (its guard alarm in the service tag
`antigravity:guard-alarms`), a target group with two targets, the ledger table and the platform topic with an SQS
subscription. What moto cannot answer is played here: CloudWatch's DescribeAlarms (the SDK speaks Smithy RPCv2 CBOR to
it) and the service's /health, both driven by STATE. The handlers are the real ones over the production Dagger graphs,
run by the lambdas test class DrillHandlers (one JVM for the drill, a handler built afresh per event) because ECS on
moto needs the test-scope MotoEcsGaps (no new deployment on UpdateService, no deploymentConfiguration.alarms), which is
not in the Lambda jar. moto emits no AWS events: every ECR, ECS and CloudWatch event is built here from
events-schema/samples.
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import boto3

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "events-schema" / "samples"
STATE = {"version": "sha-0000000", "alarm": "OK"}
GUARD_ALARMS_TAG = "antigravity:guard-alarms"  # MotoEcsGaps reads the guard alarms from this service tag


def cbor(value):
    """Just enough CBOR (maps, arrays, text) for a DescribeAlarms answer; no CBOR library comes with the drills."""
    def head(major, n):
        if n < 24:
            return bytes([major << 5 | n])
        if n < 256:
            return bytes([major << 5 | 24, n])
        return bytes([major << 5 | 25]) + n.to_bytes(2, "big")
    if isinstance(value, str):
        data = value.encode()
        return head(3, len(data)) + data
    if isinstance(value, list):
        return head(4, len(value)) + b"".join(cbor(v) for v in value)
    if isinstance(value, dict):
        return head(5, len(value)) + b"".join(cbor(k) + cbor(v) for k, v in value.items())
    raise TypeError(value)


class StandIn(BaseHTTPRequestHandler):
    """The deployed service's /health and CloudWatch DescribeAlarms (both driven by STATE)."""
    alarm_name = None

    def log_message(self, *args):
        pass

    def do_GET(self):
        body = json.dumps({"status": "UP", "version": STATE["version"]}).encode()
        self.send_response(200 if self.path == "/health" else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = cbor({"MetricAlarms": [{"AlarmName": StandIn.alarm_name, "StateValue": STATE["alarm"]}],
                     "CompositeAlarms": []})
        self.send_response(200)
        self.send_header("Content-Type", "application/cbor")
        self.send_header("smithy-protocol", "rpc-v2-cbor")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def start_moto():
    """AWS_ENDPOINT_URL's moto_server, else one of our own: (endpoint, process or None)."""
    if os.environ.get("AWS_ENDPOINT_URL"):
        return os.environ["AWS_ENDPOINT_URL"], None
    if not shutil.which("moto_server"):
        sys.exit("moto_server not found: pip install 'moto[server]' (or set AWS_ENDPOINT_URL)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    for _ in range(150):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return f"http://127.0.0.1:{port}", process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    sys.exit("moto_server did not start")


def serve(handler_class):
    """A local HTTP server on an ephemeral port, served on a daemon thread: (server, base URL)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


class Handlers:
    """The lambdas test class DrillHandlers in a JVM of its own: one JSON request per line in, one answer per line out."""

    def __init__(self, classpath_file, environment, log_path):
        java = Path(os.environ.get("JAVA_HOME", "/usr")) / "bin" / "java"
        self.log = open(log_path, "a")
        self.process = subprocess.Popen(
            [str(java), "-cp", Path(classpath_file).read_text().strip(),
             "dev.antigravity.lambdas.integration.hooks.DrillHandlers"],
            env=environment, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log, text=True, cwd=ROOT)

    def call(self, handler, event, environment=None):
        """The handler's answer: {"outcome": ..., "millis": ...} or {"error": ..., "millis": ...}."""
        self.process.stdin.write(json.dumps({"handler": handler, "environment": environment or {},
                                             "event": event}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            sys.exit(f"DrillHandlers exited ({self.process.poll()}), see {self.log.name}")
        return json.loads(line)

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.log.close()


class DrillWorld:
    def __init__(self, endpoint, stand_in_url, classpath_file, log_path):
        self.endpoint = endpoint
        self.region = os.environ.get("AWS_REGION", "us-east-1")
        os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
        os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
        self.client = lambda name: boto3.client(name, endpoint_url=endpoint, region_name=self.region)
        suffix = uuid.uuid4().hex[:8]
        self.repository = f"drill-{suffix}/api"
        self.cluster = f"drill-{suffix}"
        self.service = "api"
        self.table = f"ledger-{suffix}"
        self.alarm = f"api-5xx-{suffix}"
        StandIn.alarm_name = self.alarm
        self.stand_in = stand_in_url
        self.classpath_file = classpath_file
        self.log_path = log_path
        self.handlers = None
        self.started = time.monotonic()

    # --- AWS resources (in moto) ---------------------------------------------------------------------------
    def create(self):
        ecr, ecs, ec2 = self.client("ecr"), self.client("ecs"), self.client("ec2")
        self.repository_uri = ecr.create_repository(repositoryName=self.repository)["repository"]["repositoryUri"]
        ecs.create_cluster(clusterName=self.cluster)
        self.baseline = ecs.register_task_definition(
            family=f"api-{self.cluster}", networkMode="awsvpc", requiresCompatibilities=["FARGATE"], cpu="256",
            memory="512", executionRoleArn="arn:aws:iam::123456789012:role/api-exec",
            containerDefinitions=[{"name": "api", "image": f"{self.repository_uri}@sha256:{'0' * 64}",
                                   "essential": True, "portMappings": [{"containerPort": 8080}],
                                   "environment": [{"name": "APP_VERSION", "value": "sha-0000000"}]}],
        )["taskDefinition"]["taskDefinitionArn"]
        self.service_arn = ecs.create_service(
            cluster=self.cluster, serviceName=self.service, taskDefinition=self.baseline, desiredCount=2,
            tags=[{"key": GUARD_ALARMS_TAG, "value": self.alarm}])["service"]["serviceArn"]
        ecs.update_service(cluster=self.cluster, service=self.service, desiredCount=2)  # moto: running = desired
        vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        elb = self.client("elbv2")
        self.target_group = elb.create_target_group(Name=f"tg-{self.cluster[-8:]}", Protocol="HTTP", Port=8080,
                                                    VpcId=vpc, TargetType="ip")["TargetGroups"][0]["TargetGroupArn"]
        elb.register_targets(TargetGroupArn=self.target_group,
                             Targets=[{"Id": "10.0.1.10", "Port": 8080}, {"Id": "10.0.2.10", "Port": 8080}])
        self.client("dynamodb").create_table(
            TableName=self.table, BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": n, "AttributeType": "S"} for n in ("pk", "sk", "gsi1pk", "gsi1sk")],
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
            GlobalSecondaryIndexes=[{"IndexName": "by-service-time", "Projection": {"ProjectionType": "ALL"},
                                     "KeySchema": [{"AttributeName": "gsi1pk", "KeyType": "HASH"},
                                                   {"AttributeName": "gsi1sk", "KeyType": "RANGE"}]}])
        sns, sqs = self.client("sns"), self.client("sqs")
        self.topic = sns.create_topic(Name=f"platform-{self.cluster}")["TopicArn"]
        self.queue = sqs.create_queue(QueueName=f"platform-{self.cluster}")["QueueUrl"]
        queue_arn = sqs.get_queue_attributes(QueueUrl=self.queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        sns.subscribe(TopicArn=self.topic, Protocol="sqs", Endpoint=queue_arn,
                      Attributes={"RawMessageDelivery": "true"})
        environment = dict(os.environ)
        environment.update(self.environment())
        self.handlers = Handlers(self.classpath_file, environment, self.log_path)
        self.say("setup", f"moto at {self.endpoint}: ECR {self.repository}, ECS {self.cluster}/{self.service} on "
                          f"{self.baseline.split('/')[-1]}, target group, ledger {self.table}, platform topic")

    def close(self):
        if self.handlers:
            self.handlers.close()

    def running(self):
        service = self.client("ecs").describe_services(cluster=self.cluster, services=[self.service])["services"][0]
        return service["taskDefinition"]

    # --- the handlers --------------------------------------------------------------------------------------------
    def environment(self):
        """The Lambda environment every handler reads (CloudWatch and /health at the stand-in)."""
        return {
            "AWS_ENDPOINT_URL": self.endpoint, "AWS_ENDPOINT_URL_CLOUDWATCH": self.stand_in,
            "AWS_REGION": self.region, "AWS_MAX_ATTEMPTS": "1",
            "LEDGER_TABLE": self.table, "PLATFORM_TOPIC_ARN": self.topic, "ENVIRONMENT": "drill", "BAKE_MINUTES": "0",
            "MANAGED_SERVICES": json.dumps([{"repository": self.repository, "cluster": self.cluster,
                                             "service": self.service, "container": "api",
                                             "targetGroupArn": self.target_group,
                                             "healthUrl": f"{self.stand_in}/health"}]),
        }

    def invoke(self, handler, event, label, environment=None):
        """Runs one handler on one event and returns its outcome; a handler that fails ends the drill."""
        self.say("simulated AWS event", label)
        answer = self.handlers.call(handler, event, environment)
        if "error" in answer:
            sys.exit(f"{handler} failed: {answer['error']} (its log: {self.log_path})")
        outcome = answer["outcome"]
        outcome["millis"] = answer["millis"]
        # The hooks answer {result, reason}; the notifier one {result, ...} per SNS record.
        summary = (f"{outcome['result']} - {outcome['reason']}" if "result" in outcome
                   else "; ".join(f"{r.get('result')} {json.dumps(r.get('outcome', r.get('reason')))}"
                                  for r in outcome.get("results", [])))
        self.say("handler", f"{handler}: {summary} ({answer['millis']} ms)")
        return outcome

    def say(self, kind, text):
        print(f"{time.monotonic() - self.started:7.1f}s  {kind:>18}  {text}")

    # --- simulated events --------------------------------------------------------------------------------------
    @staticmethod
    def sample(name):
        event = json.loads((SAMPLES / name).read_text())
        event["id"] = str(uuid.uuid4())
        return event

    def push(self, digest, tag):
        event = self.sample("ecr-image-push-sha-tag.json")
        event["detail"].update({"repository-name": self.repository, "image-digest": digest, "image-tag": tag})
        # Pushes are ordered by the push time ECR reports: each simulated push carries the time it was made.
        event["time"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        return event

    def ecs_event(self, sample, revision):
        """An ECS deployment event for `revision`, under the deployment id MotoEcsGaps gives it."""
        event = self.sample(sample)
        event["resources"] = [self.service_arn]
        event["detail"]["deploymentId"] = "ecs-svc/sim-" + revision.split("/")[-1].replace(":", "-")
        return event

    def alarm_event(self, state, reason):
        """The guard alarm's state change as CloudWatch sends it, now; DescribeAlarms answers `state` from here on."""
        STATE["alarm"] = state
        event = self.sample("cloudwatch-alarm-guard-ok-to-alarm.json" if state == "ALARM"
                            else "cloudwatch-alarm-guard-alarm-to-ok.json")
        now = time.gmtime()
        event["time"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", now)
        event["detail"]["alarmName"] = self.alarm
        event["detail"]["state"].update({"reason": reason, "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S.000+0000", now)})
        return event

    def schedule_tick(self):
        event = self.sample("unknown-detail-type.json")
        event.update({"detail-type": "Scheduled Event", "source": "aws.events"})
        return event

    # --- what the flow published ---------------------------------------------------------------------------------
    def drain_raw(self, queue):
        sqs, bodies = self.client("sqs"), []
        while True:
            messages = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10, WaitTimeSeconds=1).get("Messages", [])
            if not messages:
                return bodies
            for message in messages:
                bodies.append(message["Body"])
                sqs.delete_message(QueueUrl=queue, ReceiptHandle=message["ReceiptHandle"])

    def platform_events(self):
        """Every platform event published since the last call (the topic's SQS subscription, drained)."""
        return [json.loads(body) for body in self.drain_raw(self.queue)]

    def sns_delivery(self, event):
        """The Lambda event with which SNS delivers one platform event from the drill's topic."""
        return {"Records": [{"EventSource": "aws:sns", "EventVersion": "1.0", "Sns": {
            "Type": "Notification", "MessageId": str(uuid.uuid4()), "TopicArn": self.topic,
            "Message": json.dumps(event), "Timestamp": event.get("occurredAt")}}]}
