#!/usr/bin/env python3
"""Slack down during a rollback: the rollback must still happen on time and the notification must
reach the DLQ path. Run by bench/failure-drills; prints a markdown summary on stdout.

On the drill world of hooks_drill.py (moto + the real handlers through the lambdas test class DrillHandlers, AWS
events simulated from events-schema/samples): deploy v1 to STABLE, deploy v2, guard alarm -> AlarmHandler.
Slack is a local socket that accepts connections and never answers (worse than refusing them: every
attempt waits for the sender's timeouts). Then the platform events the rollback published (read
from the topic's SQS subscription) go to NotifierHandler the way Lambda delivers an SNS event
asynchronously: up to 3 attempts (the first and Lambda's 2 retries), and after the last failure the
event goes to the DLQ, a moto SQS queue here, standing in for the function's on-failure destination.

Usage: bench/lib/slack_outage_drill.py CLASSPATH_FILE HANDLERS_LOG
       (AWS_ENDPOINT_URL: a moto_server; else one is started)
"""
import io
import json
import socket
import sys
import threading
import time
from contextlib import redirect_stdout

from hooks_drill import STATE, DrillWorld, StandIn, serve, start_moto

LAMBDA_ATTEMPTS = 3  # an asynchronous invocation: the first try and Lambda's 2 retries
NOTIFIER_TIMEOUT_S = 120  # terraform/modules/deploy-hooks: notifier timeout_s


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


def main():
    classpath_file, handlers_log = sys.argv[1], sys.argv[2]
    endpoint, moto = start_moto()
    stand_in, stand_in_url = serve(StandIn)
    slack = HangingSlack()
    drill = DrillWorld(endpoint, stand_in_url, classpath_file, handlers_log)
    try:
        passed = run(drill, slack)
    finally:
        drill.close()
        slack.close()
        stand_in.shutdown()
        if moto:
            moto.terminate()
    sys.exit(0 if passed else 1)


def run(drill, slack):
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
        STATE["version"] = "sha-aaaaaaa"
        drill.invoke("DeploymentEventHandler", drill.ecs_event("ecs-deployment-completed.json", v1), "v1 COMPLETED")
        drill.invoke("StabilizerHandler", drill.schedule_tick(), "schedule tick: v1 STABLE")
        drill.invoke("ImagePushHandler", drill.push(bad, "sha-bbbbbbb"), "ECR push api:sha-bbbbbbb")
        v2 = drill.running()
        STATE["version"] = "sha-bbbbbbb"
        drill.invoke("DeploymentEventHandler", drill.ecs_event("ecs-deployment-completed.json", v2), "v2 COMPLETED")

        alarm_at = time.monotonic()
        outcome = drill.invoke("AlarmHandler", drill.alarm_event("ALARM", "drill: 5xx during the bake"),
                               "guard alarm OK -> ALARM")
        rollback_s = time.monotonic() - alarm_at
        running_after = drill.running()
        slack_during_rollback = slack.connections

        published = drill.platform_events()
        # The notification that matters here; every other event takes the same path.
        events = [e for e in published if e.get("type") == "RollbackStarted"]
        notifier_environment = {"SLACK_WEBHOOK_SECRET_ID": secret, "SECRETS_CACHE_TTL_SECONDS": "0"}
        attempts = [notify_like_lambda(drill, event, dlq, notifier_environment) for event in events]
    dlq_bodies = [json.loads(m) for m in drill.drain_raw(dlq)]

    rolled_back = running_after == v1 and outcome["result"] == "APPLIED"
    all_failed = all(a["failures"] == LAMBDA_ATTEMPTS for a in attempts)
    kept = sorted(e["eventId"] for e in dlq_bodies) == sorted(e["eventId"] for e in events)
    bounded = all(d < NOTIFIER_TIMEOUT_S for a in attempts for d in a["durations"])
    verdict = "PASS" if rolled_back and slack_during_rollback == 0 and events and all_failed and kept and bounded \
        else "FAIL"
    print(f"""
## Failure drill: Slack down during a rollback ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})
The drill's moto world and simulated AWS events (bench/lib/hooks_drill.py); the real handlers over the production Dagger
graphs with the test-scope ECS module, through the lambdas test class `DrillHandlers` (one JVM for the drill, each
handler built afresh per event as a cold start builds it, without the JVM start); Slack accepts connections and never
answers.

| measure | value |
|---|---|
| AlarmHandler: alarm event to rollback applied (UpdateService to the last STABLE) | {rollback_s:.1f} s ({outcome['millis']} ms inside the JVM), result {outcome['result']} |
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
    return verdict == "PASS"


def notify_like_lambda(drill, event, dlq, environment):
    """Delivers one platform event as Lambda delivers an SNS message asynchronously."""
    delivery = drill.sns_delivery(event)
    durations, failures, error = [], 0, ""
    for _ in range(LAMBDA_ATTEMPTS):
        started = time.monotonic()
        answer = drill.handlers.call("NotifierHandler", delivery, environment)
        durations.append(time.monotonic() - started)
        if "error" not in answer:
            break
        failures += 1
        error = answer["error"][:160].replace("|", "/")
    if failures == LAMBDA_ATTEMPTS:
        # Lambda's on-failure destination receives the event after the last retry.
        drill.client("sqs").send_message(QueueUrl=dlq, MessageBody=json.dumps(event))
    return {"type": event["type"], "durations": durations, "failures": failures, "error": error}


if __name__ == "__main__":
    main()
