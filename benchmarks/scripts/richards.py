# A Richards-like scheduler: six prioritised tasks pass a fixed pool of packets round a ring
# (worker -> handler -> device -> worker); devices wait to be released by the idle task.
import time

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)


class Packet:
    def __init__(self, ident):
        self.ident = ident
        self.data = [0, 0, 0, 0]
        self.datum = 0


class Task:
    def __init__(self, ident, priority):
        self.ident = ident
        self.priority = priority
        self.queue = []
        self.held = False
        self.steps = 0

    def runnable(self):
        return not self.held and (self.ident == IDLE or len(self.queue) > 0)


class Scheduler:
    def __init__(self, packets):
        self.tasks = [Task(i, p) for i, p in enumerate((0, 10, 20, 21, 30, 31))]
        self.order = sorted(self.tasks, key=lambda t: -t.priority)
        self.tasks[WORKER].queue = [Packet(i) for i in range(packets)]
        self.seed = 74755
        self.delivered = 0
        self.checksum = 0

    def send(self, packet, dest):
        self.tasks[dest].queue.append(packet)

    def step(self, task):
        task.steps += 1
        ident = task.ident
        if ident == IDLE:
            self.seed = (self.seed * 1309 + 13849) & 65535
            self.tasks[DEVICE_A if self.seed & 1 else DEVICE_B].held = False
        elif ident == WORKER:
            packet = task.queue.pop(0)
            for i in range(4):
                packet.data[i] = (task.steps + i * packet.ident) % 26
            self.send(packet, HANDLER_A if task.steps % 2 else HANDLER_B)
        elif ident == HANDLER_A or ident == HANDLER_B:
            packet = task.queue.pop(0)
            packet.datum = sum(packet.data) % 97
            self.send(packet, DEVICE_A if ident == HANDLER_A else DEVICE_B)
        else:
            packet = task.queue.pop(0)
            self.delivered += 1
            self.checksum = (self.checksum * 31 + packet.datum) % 1000007
            task.held = True
            self.send(packet, WORKER)

    def run(self, steps):
        for _ in range(steps):
            for task in self.order:
                if task.runnable():
                    self.step(task)
                    break
        return self.delivered, self.checksum, [t.steps for t in self.tasks]


Scheduler(3).run(2000)
start = time.perf_counter()
delivered, checksum, steps = Scheduler(3).run(900000)
elapsed = time.perf_counter() - start
print("packets delivered:", delivered)
print("checksum:", checksum)
print("steps per task (idle, worker, handlers, devices):", steps)
print(f"@time {elapsed:.6f}")
