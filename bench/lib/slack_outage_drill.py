#!/usr/bin/env python3
"""Slack down during a rollback: the rollback must still happen on time and the notification must
reach the DLQ path. Run by bench/failure-drills; prints a markdown summary on stdout.

It reuses scripts/rehearse (moto + the real Lambda handlers through the lambdas CLI, AWS events
simulated from events-schema/samples): deploy v1 to STABLE, deploy v2, guard alarm -> AlarmHandler.
Slack is a local socket that accepts connections and never answers (worse than refusing them: every
attempt waits for the sender's timeouts). Then the platform events the rollback published (read
from the topic's SQS subscription) go to NotifierHandler the way Lambda delivers an SNS event
asynchronously: up to 3 attempts (the first and Lambda's 2 retries), and after the last failure the
event goes to the DLQ, a moto SQS queue here, standing in for the function's on-failure destination.

Usage: bench/lib/slack_outage_drill.py LAMBDAS_JAR   (AWS_ENDPOINT_URL: a moto_server; else one is started)
"""
import importlib.machinery
import importlib.util
import io
import json
import socket
import subprocess
import sys
import threading
import time
import uuid
from contextlib import redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAMBDA_ATTEMPTS = 3  # an asynchronous invocation: the first try and Lambda's 2 retries
NOTIFIER_TIMEOUT_S = 120  # terraform/modules/deploy-hooks: notifier timeout_s


def load_rehearsal():
    # scripts/rehearse was this python module until issue 9 moved the rehearsal into test code (RehearsalTest) and
    # took the ECS stand-in (ANTIGRAVITY_SIMULATE_ECS) out of the Lambda jar; this drill needs porting to run again.
    if (ROOT / "scripts" / "rehearse").read_text().startswith("#!/usr/bin/env bash"):
        sys.exit("this drill ran on the python rehearsal's moto set-up, which is gone (see docs/benchmarks.md, "
                 "'Local rehearsal'); it needs porting to the test-code rehearsal")
    loader = importlib.machinery.SourceFileLoader("rehearse", str(ROOT / "scripts" / "rehearse"))
    spec = importlib.util.spec_from_loader("rehearse", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


class HangingSlack:
    """Accepts connections, reads, never answers: a Slack that is down behind a load balancer."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.held = []
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            self.held.append(conn)

    def close(self):
        for conn in self.held:
            conn.close()
        self.sock.close()


REHEARSE = None  # scripts/rehearse, loaded once by main()


def main():
    global REHEARSE
    rehearse = REHEARSE = load_rehearsal()
    rehearse.JAR = Path(sys.argv[1])
    endpoint, moto = rehearse.start_moto()
    stand_in = rehearse.ThreadingHTTPServer(("127.0.0.1", 0), rehearse.StandIn)
    threading.Thread(target=stand_in.serve_forever, daemon=True).start()
    slack = HangingSlack()
    try:
        run(rehearse, endpoint, f"http://127.0.0.1:{stand_in.server_address[1]}", slack)
    finally:
        slack.close()
        stand_in.shutdown()
        if moto:
            moto.terminate()


def run(rehearse, endpoint, stand_in_url, slack):
    drill = rehearse.Rehearsal(endpoint, stand_in_url)
    timeline = io.StringIO()
    with redirect_stdout(timeline):
        drill.create()
        secrets, sqs = drill.client("secretsmanager"), drill.client("sqs")
        secret = f"slack-webhook-{drill.cluster}"
        secrets.create_secret(Name=secret, SecretString=f"http://127.0.0.1:{slack.port}/hook")
        dlq = sqs.create_queue(QueueName=f"notifier-dlq-{drill.cluster}")["QueueUrl"]

        good, bad = "sha256:" + "a" * 64, "sha256:" + "b" * 64
        drill.invoke("ImagePushHandler", drill.push(good, "sha-aaaaaaa"), "ECR push api:sha-aaaaaaa")
        v1 = drill.running()
        rehearse.STATE["version"] = "sha-aaaaaaa"
        drill.invoke("DeploymentEventHandler", drill.ecs_event("ecs-deployment-completed.json", v1), "v1 COMPLETED")
        tick = drill.sample("unknown-detail-type.json")
        tick.update({"id": str(uuid.uuid4()), "detail-type": "Scheduled Event", "source": "aws.events"})
        drill.invoke("StabilizerHandler", tick, "schedule tick: v1 STABLE")
        drill.invoke("ImagePushHandler", drill.push(bad, "sha-bbbbbbb"), "ECR push api:sha-bbbbbbb")
        v2 = drill.running()
        rehearse.STATE["version"] = "sha-bbbbbbb"
        drill.invoke("DeploymentEventHandler", drill.ecs_event("ecs-deployment-completed.json", v2), "v2 COMPLETED")

        rehearse.STATE["alarm"] = "ALARM"
        alarm_at = time.monotonic()
        outcome = drill.invoke("AlarmHandler", drill.alarm_event("cloudwatch-alarm-guard-ok-to-alarm.json"),
                               "guard alarm OK -> ALARM")
        rollback_s = time.monotonic() - alarm_at
        running_after = drill.running()
        slack_during_rollback = slack.connections

        published = drain(sqs, drill.queue)
        # The notification that matters here; every other event takes the same path.
        events = [e for e in published if e.get("type") == "RollbackStarted"]
        attempts = [notify_like_lambda(drill, event, dlq) for event in events]
    dlq_bodies = [json.loads(m) for m in drain_raw(sqs, dlq)]

    rolled_back = running_after == v1 and outcome["result"] == "APPLIED"
    all_failed = all(a["failures"] == LAMBDA_ATTEMPTS for a in attempts)
    kept = sorted(e["eventId"] for e in dlq_bodies) == sorted(e["eventId"] for e in events)
    bounded = all(d < NOTIFIER_TIMEOUT_S for a in attempts for d in a["durations"])
    verdict = "PASS" if rolled_back and slack_during_rollback == 0 and events and all_failed and kept and bounded \
        else "FAIL"
    print(f"""
## Failure drill: Slack down during a rollback ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})
scripts/rehearse's moto set-up and simulated AWS events, the real handlers through `java -jar {rehearse.JAR.name} invoke`
(one JVM per invocation, so each time includes a cold start); Slack accepts connections and never answers.

| measure | value |
|---|---|
| AlarmHandler: alarm event to rollback applied (UpdateService to the last STABLE) | {rollback_s:.1f} s, result {outcome['result']} |
| service after the alarm | {running_after.split('/')[-1]} ({'the STABLE v1' if running_after == v1 else 'NOT v1'}) |
| Slack connections while the rollback ran | {slack_during_rollback} |
| platform events published by the flow | {len(published)}: {', '.join(e['type'] for e in published)} |
| NotifierHandler attempts per event (Lambda async: 1 + 2 retries) | {', '.join(f"{a['type']}: {a['failures']} failed of {len(a['durations'])}" for a in attempts)} |
| NotifierHandler attempt durations (s; the function's timeout is {NOTIFIER_TIMEOUT_S} s) | {', '.join('/'.join(f'{d:.1f}' for d in a['durations']) for a in attempts)} |
| Slack connections in total (the notifier's tries) | {slack.connections} |
| events in the DLQ after the last attempt | {len(dlq_bodies)} of {len(events)} ({'the same event ids' if kept else 'ids differ'}) |
| what the notifier reported | {attempts[0]['error'] if attempts else 'n/a'} |
| verdict | {verdict} |""")
    if verdict != "PASS":
        print(timeline.getvalue(), file=sys.stderr)


def drain_raw(sqs, queue):
    bodies = []
    while True:
        messages = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10, WaitTimeSeconds=1).get("Messages", [])
        if not messages:
            return bodies
        for message in messages:
            bodies.append(message["Body"])
            sqs.delete_message(QueueUrl=queue, ReceiptHandle=message["ReceiptHandle"])


def drain(sqs, queue):
    return [json.loads(body) for body in drain_raw(sqs, queue)]


def sns_delivery(drill, event):
    """A file holding the Lambda event with which SNS delivers one platform event from the drill's topic."""
    sns_event = {"Records": [{"EventSource": "aws:sns", "EventVersion": "1.0", "Sns": {
        "Type": "Notification", "MessageId": str(uuid.uuid4()), "TopicArn": drill.topic,
        "Message": json.dumps(event), "Timestamp": event.get("occurredAt")}}]}
    path = drill.workdir / f"sns-{uuid.uuid4()}.json"
    path.write_text(json.dumps(sns_event))
    return path


def notify_like_lambda(drill, event, dlq):
    """Delivers one platform event as Lambda delivers an SNS message asynchronously."""
    path = sns_delivery(drill, event)
    env = drill.environment()
    env.update({"SLACK_WEBHOOK_SECRET_ID": f"slack-webhook-{drill.cluster}", "SECRETS_CACHE_TTL_SECONDS": "0"})
    durations, failures, error = [], 0, ""
    for _ in range(LAMBDA_ATTEMPTS):
        started = time.monotonic()
        result = subprocess.run([REHEARSE.java(), "-jar", str(REHEARSE.JAR), "invoke",
                                 "NotifierHandler", str(path)], env=env, capture_output=True, text=True)
        durations.append(time.monotonic() - started)
        if result.returncode == 0:
            break
        failures += 1
        error = (result.stderr.strip().splitlines() or ["(no message)"])[-1][:160].replace("|", "/")
    if failures == LAMBDA_ATTEMPTS:
        # Lambda's on-failure destination receives the event after the last retry.
        drill.client("sqs").send_message(QueueUrl=dlq, MessageBody=json.dumps(event))
    return {"type": event["type"], "durations": durations, "failures": failures, "error": error}


if __name__ == "__main__":
    main()
