"""The convoy effect (bpo-7946), measured: a loopback echo server in one thread, a client sending
small requests one at a time, and 0, 1 or 2 CPU-bound threads beside them. Every request makes
the server thread block in recv and then need the lock back, which it can only get when a
CPU-bound holder gives it up: at its next switch interval. Prints requests per second and the
p50 / p99 / p99.9 round-trip latency per configuration, at switch intervals 5 ms, 1 ms and 100 us.

    python3 benchmarks/observe/convoy_echo.py [seconds per configuration]
    ./gild  benchmarks/observe/convoy_echo.py [seconds per configuration]

(Gild needs its socket module for this one.) With --gil off the CPU-bound threads do not hold
anything up, so the figures stay near those of the server alone.
"""
import socket
import sys
import threading
import time

SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
stop_spinning = False


def spin():
    n = 0
    while not stop_spinning:
        n += 1


def serve(listener):
    conn, _ = listener.accept()
    with conn:
        while True:
            data = conn.recv(64)
            if not data:
                return
            conn.sendall(data)


def percentile(sorted_values, fraction):
    index = min(len(sorted_values) - 1, int(fraction * len(sorted_values)))
    return sorted_values[index]


def measure(spinners, interval):
    global stop_spinning
    sys.setswitchinterval(interval)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    server = threading.Thread(target=serve, args=(listener,), name="echo-server")
    server.start()
    client = socket.create_connection(listener.getsockname())
    client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    stop_spinning = False
    cpu = [threading.Thread(target=spin, name=f"cpu-{i}") for i in range(spinners)]
    for t in cpu:
        t.start()
    latencies = []
    deadline = time.perf_counter() + SECONDS
    started = time.perf_counter()
    while time.perf_counter() < deadline:
        sent = time.perf_counter()
        client.sendall(b"x" * 16)
        received = 0
        while received < 16:
            received += len(client.recv(64))
        latencies.append(time.perf_counter() - sent)
    elapsed = time.perf_counter() - started
    stop_spinning = True
    for t in cpu:
        t.join()
    client.close()
    server.join()
    listener.close()
    latencies.sort()
    return len(latencies) / elapsed, latencies


print(f"{'cpu threads':>11} {'interval':>9} {'requests/s':>11} {'p50 ms':>8} {'p99 ms':>8} {'p99.9 ms':>9}")
for interval in (0.005, 0.001, 0.0001):
    for spinners in (0, 1, 2):
        rate, lat = measure(spinners, interval)
        label = f"{interval * 1000:g}ms" if interval >= 0.001 else f"{interval * 1e6:g}us"
        print(f"{spinners:>11} {label:>9} {rate:>11.0f} {1000 * percentile(lat, 0.5):>8.3f} "
              f"{1000 * percentile(lat, 0.99):>8.3f} {1000 * percentile(lat, 0.999):>9.3f}")
        sys.stdout.flush()
