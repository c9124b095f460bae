#!/usr/bin/env python3
"""PostgreSQL stopped with no deployment in flight: the alarm path must page, and resolve after recovery.
Run by bench/failure-drills (mode `page`), which starts the API on the drill's own PostgreSQL; prints a
markdown summary on stdout.

Locally there is no CloudWatch, so this script plays the guard alarm: it probes GET /api/products?size=1 (a
database read) every 0.25 s and evaluates the 5xx-rate guard alarm's rule on a 60x shorter clock (1 s
periods of 4 probes, more than 5 % 5xx in 2 of 3 periods -> ALARM; 3 clean periods -> OK). Each state change
goes, as the CloudWatch event it would be, to the real AlarmHandler (the drill world of hooks_drill.py: an ECS
service in moto guarded by the alarm, the ledger, the platform topic with an SQS subscription; DescribeAlarms
answers from the same state; the handlers run through the lambdas test class DrillHandlers). The platform events
it publishes go to the real NotifierHandler as Lambda delivers SNS messages, with PagerDuty played by a local
server that records the Events API v2 bodies.

Usage: bench/lib/alarm_page_drill.py CLASSPATH_FILE HANDLERS_LOG API_URL PG_STOP_COMMAND PG_START_COMMAND
       (AWS_ENDPOINT_URL: a moto_server; else one is started)
"""
import io
import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import redirect_stdout
from http.server import BaseHTTPRequestHandler

from hooks_drill import DrillWorld, StandIn, serve, start_moto

PROBE_EVERY_S = 0.25
PROBE_TIMEOUT_S = 1       # no answer within it counts as a 5xx, as a load balancer would answer 504
PERIOD_PROBES = 4          # one "minute" of the guard alarm = 1 s here
THRESHOLD_PERCENT = 5      # terraform/modules/observability: max_5xx_percent
DATAPOINTS, PERIODS = 2, 3  # the 5xx-rate guard alarm: 2 of 3 periods
RECOVERY_PERIODS = 3
ROUTING_KEY = "drill-routing-key"


class PagerDuty(BaseHTTPRequestHandler):
    """Records Events API v2 bodies with the time they arrived."""
    received = []

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        PagerDuty.received.append((time.monotonic(), body))
        answer = b'{"status":"success","message":"Event processed"}'
        self.send_response(202)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)


class GuardAlarm:
    """The 5xx-rate rule over probes of the API, on a 1 s period."""

    def __init__(self, url):
        self.url = url
        self.periods = []  # one bool per period: breaching
        self.probes = []
        self.stop = threading.Event()

    def probe(self):
        try:
            with urllib.request.urlopen(self.url, timeout=PROBE_TIMEOUT_S) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return 599  # no answer counts as a server error, as the load balancer's 5xx would

    def run(self):
        while not self.stop.is_set():
            codes = []
            for _ in range(PERIOD_PROBES):
                started = time.monotonic()
                codes.append(self.probe())
                self.stop.wait(max(0.0, PROBE_EVERY_S - (time.monotonic() - started)))
            self.probes.extend(codes)
            errors = sum(1 for code in codes if code >= 500)
            self.periods.append(100 * errors / len(codes) > THRESHOLD_PERCENT)

    def in_alarm(self):
        return sum(self.periods[-PERIODS:]) >= DATAPOINTS

    def recovered(self):
        return len(self.periods) >= RECOVERY_PERIODS and not any(self.periods[-RECOVERY_PERIODS:])


def wait_for(condition, timeout_s):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return time.monotonic()
        time.sleep(0.05)
    return None


def main():
    classpath_file, handlers_log, api, pg_stop, pg_start = sys.argv[1:6]
    endpoint, moto = start_moto()
    stand_in, stand_in_url = serve(StandIn)
    pagerduty, pagerduty_url = serve(PagerDuty)
    alarm = GuardAlarm(f"{api}/api/products?size=1")
    drill = DrillWorld(endpoint, stand_in_url, classpath_file, handlers_log)
    try:
        passed = run(drill, pagerduty_url, alarm, pg_stop, pg_start)
    finally:
        alarm.stop.set()
        drill.close()
        stand_in.shutdown()
        pagerduty.shutdown()
        if moto:
            moto.terminate()
    sys.exit(0 if passed else 1)


def transition(drill, pagerduty_url, state, action):
    """The guard alarm's state change as CloudWatch would send it: AlarmHandler, then every platform event it
    published through NotifierHandler (as Lambda delivers an SNS message). Returns the outcome, the events and when
    PagerDuty received `action`."""
    reason = (f"local rule: more than {THRESHOLD_PERCENT} % 5xx in {DATAPOINTS} of the last {PERIODS} periods"
              if state == "ALARM" else f"local rule: no 5xx for {RECOVERY_PERIODS} periods")
    outcome = drill.invoke("AlarmHandler", drill.alarm_event(state, reason), f"guard alarm {drill.alarm} -> {state}")
    events = drill.platform_events()
    notifier_environment = {"PAGERDUTY_ROUTING_KEY_SECRET_ID": f"pagerduty-{drill.cluster}",
                            "PAGERDUTY_EVENTS_URL": f"{pagerduty_url}/v2/enqueue"}
    for event in events:
        drill.invoke("NotifierHandler", drill.sns_delivery(event), f"SNS delivers {event['type']}", notifier_environment)
    received = wait_for(lambda: any(b["event_action"] == action for _, b in PagerDuty.received), 10)
    return outcome, events, received


def run(drill, pagerduty_url, alarm, pg_stop, pg_start):
    timeline = io.StringIO()
    with redirect_stdout(timeline):
        drill.create()
        drill.client("secretsmanager").create_secret(Name=f"pagerduty-{drill.cluster}", SecretString=ROUTING_KEY)
        running_before = drill.running()
        threading.Thread(target=alarm.run, daemon=True).start()
        time.sleep(3)
        healthy_before = not alarm.in_alarm()

        stopped = time.monotonic()
        subprocess.run(["bash", "-c", pg_stop], check=True)
        drill.say("drill", "PostgreSQL stopped (no deployment in flight)")
        alarmed = wait_for(alarm.in_alarm, 60)
        raised, raised_events, paged = transition(drill, pagerduty_url, "ALARM", "trigger")
        time.sleep(3)

        subprocess.run(["bash", "-c", pg_start], check=True)
        started = time.monotonic()
        drill.say("drill", "PostgreSQL started again")
        recovered = wait_for(alarm.recovered, 60)
        cleared, cleared_events, resolved = transition(drill, pagerduty_url, "OK", "resolve")
        running_after = drill.running()
    alarm.stop.set()

    triggers = [b for _, b in PagerDuty.received if b["event_action"] == "trigger"]
    resolves = [b for _, b in PagerDuty.received if b["event_action"] == "resolve"]
    incident = triggers[0]["dedup_key"] if triggers else None
    since = lambda t, t0: f"{t - t0:.1f} s" if t and t0 else "never"  # noqa: E731
    verdict = "PASS" if (healthy_before and alarmed and [e["type"] for e in raised_events] == ["ServiceUnhealthy"]
                         and len(triggers) == 1 and incident.endswith("/service-unhealthy")
                         and triggers[0]["routing_key"] == ROUTING_KEY and recovered
                         and "AlarmCleared" in [e["type"] for e in cleared_events]
                         and incident in [b["dedup_key"] for b in resolves]
                         and running_after == running_before) else "FAIL"
    codes = {}
    for code in alarm.probes:
        codes[code] = codes.get(code, 0) + 1
    print(f"""
## Failure drill: PostgreSQL stopped with no deployment in flight -> page, then resolve ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})
One API instance on the drill's own PostgreSQL; the 5xx-rate guard alarm's rule evaluated locally on a 1 s period
(4 probes of GET /api/products?size=1, 1 s time-out, > {THRESHOLD_PERCENT} % 5xx in {DATAPOINTS} of {PERIODS} periods); AlarmHandler and
NotifierHandler are the real handlers over the production Dagger graphs with the test-scope ECS module, through the
lambdas test class `DrillHandlers` (one JVM for the drill, each handler built afresh per event), on the drill's moto
world (bench/lib/hooks_drill.py); PagerDuty is a local Events API v2 stand-in.

| measure | value |
|---|---|
| probes by status over the drill | {', '.join(f'{k}: {v}' for k, v in sorted(codes.items()))} |
| database stopped -> local guard alarm in ALARM | {since(alarmed, stopped)} |
| AlarmHandler on ALARM | {raised['result']}: {raised['reason']} ({raised['millis']} ms) |
| platform events published on ALARM | {', '.join(e['type'] for e in raised_events) or 'none'} |
| PagerDuty trigger received (after the ALARM was decided) | {since(paged, alarmed)}; dedup_key `{incident}`; summary "{triggers[0]['payload']['summary'] if triggers else ''}" |
| database started -> local guard alarm OK | {since(recovered, started)} |
| AlarmHandler on OK | {cleared['result']}: {cleared['reason']} ({cleared['millis']} ms) |
| platform events published on OK | {', '.join(e['type'] for e in cleared_events) or 'none'} |
| PagerDuty resolves received | {', '.join(f"`{b['dedup_key']}`" for b in resolves) or 'none'} ({since(resolved, recovered)} after OK) |
| ECS service revision before / after (nothing rolled back) | {running_before.split('/')[-1]} / {running_after.split('/')[-1]} |
| verdict | {verdict} |""")
    if verdict != "PASS":
        print(timeline.getvalue(), file=sys.stderr)
    return verdict == "PASS"


if __name__ == "__main__":
    main()
