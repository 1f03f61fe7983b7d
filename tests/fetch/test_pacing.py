"""Politeness between requests to one host, and stopping promptly."""

import threading
import time

from tomtat.fetch.pacing import HostPacer


def test_second_request_to_a_host_waits_other_hosts_do_not():
    pacer = HostPacer(0.2, threading.Event())
    assert pacer.wait_turn("a.test") and pacer.wait_turn("b.test")
    assert pacer.waited == 0.0
    started = time.monotonic()
    assert pacer.wait_turn("a.test")
    assert time.monotonic() - started >= 0.15 and pacer.waited > 0.1


def test_a_longer_crawl_delay_asked_by_the_host_wins():
    pacer = HostPacer(0.0, threading.Event())
    pacer.ask_for("slow.test", 0.2)
    pacer.wait_turn("slow.test")
    started = time.monotonic()
    pacer.wait_turn("slow.test")
    assert time.monotonic() - started >= 0.15


def test_a_stop_request_ends_a_wait_at_once_and_says_so():
    stop = threading.Event()
    pacer = HostPacer(30.0, stop)
    pacer.wait_turn("a.test")
    threading.Timer(0.1, stop.set).start()
    started = time.monotonic()
    assert pacer.wait_turn("a.test") is False
    assert time.monotonic() - started < 5
    assert pacer.pause(30.0) is False
