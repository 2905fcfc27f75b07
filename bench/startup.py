#!/usr/bin/env python3
"""Cold start to ready, and resident memory, of the llmq console (a harness, not a test).

Run from the repository root (it starts the console the way users do, through ./llmq, which
builds the jar and trains its start-up cache when they are missing), side by side with the same
jar started without the cache and with the JVM alone (java -version), taking turns:
    python3 bench/startup.py [runs]
Ready = the console's banner line has been printed (bank loaded, store opened and migrated,
scheduler started). RSS is VmRSS from /proc after ready, and again after 10,000 interactions
(5,000 asks + 5,000 reveals) have been answered."""
import os, statistics, subprocess, sys, tempfile, time

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
subprocess.run(["./llmq", "--version"], check=True, stdout=subprocess.DEVNULL)  # build jar + archive first

def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")

JAVA = os.path.join(subprocess.run(["bin/find-jdk", "--runtime"], check=True, capture_output=True, text=True)
                    .stdout.strip(), "bin", "java")
JAR = os.path.abspath("bot-app/target/llmq.jar")
DB = tempfile.mkdtemp() + "/llmq.db"   # one store, as a user's restarts have (the first start migrates it)

def start(cmd=("./llmq", "console")):
    env = dict(os.environ, LLMQ_DB_URL="jdbc:sqlite:" + DB)
    t0 = time.monotonic()
    p = subprocess.Popen(list(cmd), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, env=env, text=True, bufsize=1)
    banner = p.stdout.readline()
    ready = time.monotonic() - t0
    assert banner.startswith("llmq console"), banner
    return p, ready

def floor():
    """The JVM alone: start, print its version, exit (the same java, with its default class-data archive)."""
    t0 = time.monotonic()
    subprocess.run([JAVA, "-version"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - t0

start()[0].communicate("/quit\n")  # creates and migrates the store
starts, plain, floors, rss_ready = [], [], [], []
for _ in range(RUNS):  # the three take turns, so the machine's noise falls on all of them
    p, ready = start()
    starts.append(ready)
    time.sleep(0.5)
    rss_ready.append(rss_mb(p.pid))
    p.stdin.write("/quit\n"); p.stdin.flush(); p.wait()
    p, ready = start((JAVA, "-jar", JAR, "console"))
    plain.append(ready)
    p.stdin.write("/quit\n"); p.stdin.flush(); p.wait()
    floors.append(floor())

p, _ = start()
t0 = time.monotonic()
for i in range(5000):
    p.stdin.write("/llmq\n1\n")
p.stdin.write("/llmq help\n"); p.stdin.flush()
answered = 0
for line in p.stdout:
    if line.startswith("── Answer"):
        answered += 1
    if line.startswith("llmq: LLM interview practice") or "/llmq topics" in line and answered >= 5000:
        break
took = time.monotonic() - t0
rss_after = rss_mb(p.pid)
p.stdin.write("/quit\n"); p.stdin.flush(); p.wait()

def line(name, xs):
    print(f"{name}: median {statistics.median(xs):.2f} s, min {min(xs):.2f}, max {max(xs):.2f} ({RUNS} runs)")
line("./llmq console (with the start-up cache), start to banner", starts)
line("java -jar llmq.jar console (no cache), start to banner", plain)
line("java -version (the JVM alone), start to exit", floors)
print(f"RSS after start: median {statistics.median(rss_ready):.0f} MB")
print(f"10,000 interactions ({answered} answers) in {took:.1f} s; RSS after: {rss_after:.0f} MB")
