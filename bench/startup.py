#!/usr/bin/env python3
"""Cold start to ready, and resident memory, of the llmq console (a harness, not a test).

Run from the repository root (it starts the console the way users do, through ./llmq, which
builds the jar and its class-data-sharing archive when they are missing):
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

def start():
    env = dict(os.environ, LLMQ_DB_URL="jdbc:sqlite:" + tempfile.mkdtemp() + "/llmq.db")
    t0 = time.monotonic()
    p = subprocess.Popen(["./llmq", "console"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, env=env, text=True, bufsize=1)
    banner = p.stdout.readline()
    ready = time.monotonic() - t0
    assert banner.startswith("llmq console"), banner
    return p, ready

starts, rss_ready = [], []
for _ in range(RUNS):
    p, ready = start()
    starts.append(ready)
    time.sleep(0.5)
    rss_ready.append(rss_mb(p.pid))
    p.stdin.write("/quit\n"); p.stdin.flush(); p.wait()

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

print(f"cold start to ready: median {statistics.median(starts):.2f} s, min {min(starts):.2f}, max {max(starts):.2f} ({RUNS} runs)")
print(f"RSS after start: median {statistics.median(rss_ready):.0f} MB")
print(f"10,000 interactions ({answered} answers) in {took:.1f} s; RSS after: {rss_after:.0f} MB")
