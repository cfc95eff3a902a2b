#!/usr/bin/env python3
"""Slow and greedy clients against a running server, for tests/http/guard.sh.

  slow_clients.py crowd PORT N ADDR[,ADDR...]
      opens N connections spread over the source addresses (127.0.0.0/8 is all
      loopback on Linux), each sending a request head one header line at a
      time, a line every 0.5 s, never finishing it; after 1 s a new client
      from 127.0.0.1 asks GET /healthz. Prints three lines:
        open K            connections of the crowd still open then
        answered STATUS   the new client's status line ("none" if no answer)
        within_1s yes|no  whether the answer came within 1 s
  slow_clients.py office PORT N ADDR
      an office behind one address: N connections from ADDR each ask
      GET /healthz (keep-alive), read the answer and stay open, idle; then one
      more from ADDR asks the same. Prints two lines:
        answered STATUS   the last client's status line ("none" if no answer)
        closed K          how many of the N idle ones the server closed
  slow_clients.py trickle PORT head|body
      one connection that sends a header line (head) or 10 body bytes of a
      100,000-byte POST (body) every 0.5 s; prints "closed" and the seconds it
      took the server to close it (to one decimal), or "open" after 15 s.
"""
import socket
import sys
import time


def connect(port, src):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((src, 0))
    s.connect(("127.0.0.1", port))
    return s


def is_closed(s):
    """Whether the server has closed s (reads what is there, never waits)."""
    s.setblocking(False)
    try:
        return s.recv(4096) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True
    finally:
        s.setblocking(True)


def send_line(s, line):
    try:
        s.sendall(line)
    except OSError:
        pass


def crowd(port, n, addrs):
    conns = []
    for i in range(n):
        try:
            s = connect(port, addrs[i % len(addrs)])
        except OSError:
            continue
        send_line(s, b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        conns.append(s)
    for k in range(2):
        time.sleep(0.5)
        for s in conns:
            send_line(s, b"X-Slow-%d: y\r\n" % k)
    still = sum(1 for s in conns if not is_closed(s))
    start = time.monotonic()
    status = "none"
    try:
        c = connect(port, "127.0.0.1")
        c.settimeout(5)
        c.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = c.recv(4096)
        if data:
            status = data.split(b"\r\n", 1)[0].decode("ascii", "replace")
        c.close()
    except OSError:
        pass
    took = time.monotonic() - start
    print("open %d" % still)
    print("answered %s" % status)
    print("within_1s %s" % ("yes" if status != "none" and took < 1.0 else "no"))
    for s in conns:
        s.close()


def ask(s):
    """GET /healthz on s, kept alive; the status line, or "none"."""
    try:
        s.settimeout(5)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                return "none"
            data += chunk
        head, body = data.split(b"\r\n\r\n", 1)
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        while len(body) < length:
            chunk = s.recv(4096)
            if not chunk:
                break
            body += chunk
        return head.split(b"\r\n", 1)[0].decode("ascii", "replace")
    except OSError:
        return "none"


def office(port, n, addr):
    idle = []
    for _ in range(n):
        s = connect(port, addr)
        ask(s)
        idle.append(s)
    last = connect(port, addr)
    status = ask(last)
    time.sleep(0.3)
    print("answered %s" % status)
    print("closed %d" % sum(1 for s in idle if is_closed(s)))
    for s in idle + [last]:
        s.close()


def trickle(port, what):
    s = connect(port, "127.0.0.1")
    if what == "head":
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
    else:
        s.sendall(b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 100000\r\n\r\n")
    start = time.monotonic()
    k = 0
    while time.monotonic() - start < 15:
        time.sleep(0.5)
        if is_closed(s):
            print("closed %.1f" % (time.monotonic() - start))
            return
        send_line(s, b"X-Slow-%d: y\r\n" % k if what == "head" else b"0123456789")
        k += 1
    print("open")


def main():
    mode, port = sys.argv[1], int(sys.argv[2])
    if mode == "crowd":
        crowd(port, int(sys.argv[3]), sys.argv[4].split(","))
    elif mode == "office":
        office(port, int(sys.argv[3]), sys.argv[4])
    elif mode == "trickle":
        trickle(port, sys.argv[3])
    else:
        sys.exit("usage: slow_clients.py crowd PORT N ADDRS | office PORT N ADDR | trickle PORT head|body")


if __name__ == "__main__":
    main()
