"""Slow-body drill (issue 10, finding 2): while SLOW connections of one customer send a POST
/api/orders body at one byte per second, another client reads the catalogue as fast as it can.
Prints one JSON object: the reader's request count, statuses and latency percentiles, and what
happened to the slow connections. Every socket goes to the given loopback port; every loop ends
after SECONDS.

    python3 slow_body_drill.py PORT CUSTOMER_TOKEN SECONDS SLOW BODY_BYTES
"""
import http.client
import json
import socket
import sys
import threading
import time

HOST = "127.0.0.1"


def slow_upload(port, token, body_bytes, deadline, outcomes):
    """Sends the head of a BODY_BYTES order, then one byte of it per second until the deadline."""
    sock = socket.create_connection((HOST, port), timeout=2)
    sock.sendall((f"POST /api/orders HTTP/1.1\r\nHost: {HOST}\r\nAuthorization: Bearer {token}\r\n"
                  f"Content-Type: application/json\r\nContent-Length: {body_bytes}\r\n\r\n").encode())
    sent, outcome = 0, "still sending at the end"
    try:
        while time.monotonic() < deadline and sent < body_bytes:
            sock.sendall(b" ")
            sent += 1
            time.sleep(1)
    except OSError as e:
        outcome = f"cut by the server after {sent} bytes ({type(e).__name__})"
    finally:
        sock.close()
    outcomes.append(outcome)


def reader(port, deadline, samples):
    """Sequential anonymous reads on one keep-alive connection (a new one if the server closes it)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=5)
    while time.monotonic() < deadline:
        start = time.perf_counter()
        try:
            conn.request("GET", "/api/products?page=0&size=20")
            response = conn.getresponse()
            response.read()
            samples.append((response.status, (time.perf_counter() - start) * 1000))
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=5)
        except (OSError, http.client.HTTPException) as e:
            samples.append((type(e).__name__, (time.perf_counter() - start) * 1000))
            conn.close()
            conn = http.client.HTTPConnection(HOST, port, timeout=5)
    conn.close()


def percentile(sorted_values, p):
    if not sorted_values:
        return None
    return round(sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * p / 100))], 2)


def main():
    port, token, seconds, slow, body_bytes = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    deadline = time.monotonic() + seconds
    outcomes, samples = [], []
    uploads = [threading.Thread(target=slow_upload, args=(port, token, body_bytes, deadline, outcomes)) for _ in range(slow)]
    for t in uploads:
        t.start()
    time.sleep(1)  # every slow body has started before the reader begins
    read = threading.Thread(target=reader, args=(port, deadline, samples))
    read.start()
    read.join()
    for t in uploads:
        t.join()
    statuses = {}
    for status, _ in samples:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    latencies = sorted(ms for status, ms in samples if status == 200)
    print(json.dumps({
        "reader_requests": len(samples), "reader_statuses": statuses,
        "reader_ms": {"p50": percentile(latencies, 50), "p99": percentile(latencies, 99),
                      "max": round(latencies[-1], 2) if latencies else None},
        "slow_connections": {o: outcomes.count(o) for o in sorted(set(outcomes))},
    }))


if __name__ == "__main__":
    main()
