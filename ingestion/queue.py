"""The task queue: Celery, with Redis as its broker.

An upload becomes a `ingestion.document` task, a web source an `ingestion.crawl` task, and
a schedule (Celery beat, in every worker: the database hands each due source to one of
them) sends the crawls that are due. Notifications ride the same queue: a webhook
delivery is a `notifications.webhook` task, a mail a `notifications.mail` task. Workers are `python worker.py` processes, or a
consumer thread inside each API process while INGESTION_IN_API is on.

A task is acknowledged only once it has run (late acknowledgement): the message of a
worker killed mid-task stays unacknowledged, and the broker hands it to another worker
after INGESTION_VISIBILITY_TIMEOUT seconds. The work itself is idempotent, and a claim in
Redis keeps two workers off one job (ingestion/jobs.py).
"""

from __future__ import annotations

import logging
import smtplib
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from amqp.exceptions import ChannelError
from celery import Celery
from celery.beat import EmbeddedService
from celery.bootsteps import CLOSE
from celery.exceptions import WorkerShutdown
from celery.utils.timer2 import Timer
from celery.worker.consumer import Consumer
from kombu.exceptions import OperationalError

from config import Settings
from ingestion.jobs import JobOutcome
from ingestion.stats import TaskStats

log = logging.getLogger(__name__)

DOCUMENT_TASK = "ingestion.document"
CRAWL_TASK = "ingestion.crawl"
DUE_CRAWLS_TASK = "ingestion.due_crawls"
WEBHOOK_TASK = "notifications.webhook"
MAIL_TASK = "notifications.mail"
MAIL_RETRIES = 5
STOP_TIMEOUT_S = 30.0
# Tasks that wait on other organisations' servers (a site to crawl, a webhook receiver)
# run in a lane of their own, so a slow server never holds anyone's uploads or mail.
OUTBOUND_TASKS = frozenset({CRAWL_TASK, WEBHOOK_TASK})
OUTBOUND_LANE = "outbound"


class QueueUnavailable(Exception):
    """The broker cannot take a task now."""


@dataclass
class Handlers:
    """What the tasks do; the process that consumes them provides it."""

    run_job: Callable[[str], JobOutcome]
    crawl: Callable[[str], None]
    claim_due_crawls: Callable[[], list[str]]
    # A webhook delivery's attempt: seconds until the next one, or None when done.
    deliver_webhook: Callable[[str], float | None]
    send_mail: Callable[[dict[str, str]], None]


def broker_url(settings: Settings) -> str:
    """CELERY_BROKER_URL, else the service's Redis. Celery's Redis transport does not speak
    Redis Cluster: with REDIS_CLUSTER the broker is a plain Redis named on its own (the
    settings require it)."""
    if settings.celery_broker_url:
        return settings.celery_broker_url.get_secret_value()
    return settings.redis_url_or_local


class IngestionQueue:
    def __init__(self, settings: Settings, *, stats: TaskStats, lane: str | None = None) -> None:
        self.settings = settings
        self.stats = stats
        base = f"{settings.checkpoint_prefix}.ingestion"
        self.name = f"{base}.{lane}" if lane else base
        self.main_name, self.outbound_name = base, f"{base}.{OUTBOUND_LANE}"
        self.lane = lane
        self._outbound: IngestionQueue | None = None  # its consumer, beside this one
        self.handlers: Handlers | None = None
        self._consumer: Any = None
        self._consumer_thread: threading.Thread | None = None
        self._beat: EmbeddedService | None = None
        self._leaving = threading.Event()
        app = Celery(f"grounded-{settings.checkpoint_prefix}", set_as_current=False)
        app.conf.update(
            broker_url=broker_url(settings),
            broker_connection_retry_on_startup=True,
            broker_transport_options={
                "visibility_timeout": settings.ingestion_visibility_timeout,
                # Every key of the queue under the deployment's prefix, as the rest.
                "global_keyprefix": f"{settings.checkpoint_prefix}:celery:",
            },
            # An upload answers 503 quickly when the broker is away, instead of hanging.
            task_publish_retry_policy={"max_retries": 2, "interval_start": 0.2,
                                       "interval_step": 0.5},
            task_default_queue=self.name,
            task_acks_late=True,
            task_reject_on_worker_lost=True,
            task_ignore_result=True,
            task_serializer="json",
            accept_content=["json"],
            worker_prefetch_multiplier=1,
            worker_hijack_root_logger=False,
            worker_redirect_stdouts=False,
            beat_schedule={
                "due-web-crawls": {
                    "task": DUE_CRAWLS_TASK,
                    "schedule": settings.web_crawl_tick_seconds,
                }
            },
        )  # fmt: skip
        self.app = app
        self._register_tasks()

    # -- sending -------------------------------------------------------------------

    def enqueue_document(self, job_id: str) -> None:
        self._send(DOCUMENT_TASK, job_id)

    def enqueue_crawl(self, source_id: str) -> None:
        self._send(CRAWL_TASK, source_id)

    def enqueue_webhook(self, delivery_id: str) -> None:
        self._send(WEBHOOK_TASK, delivery_id)

    def enqueue_mail(self, *, to: str, subject: str, text: str) -> None:
        self._send(MAIL_TASK, {"to": to, "subject": subject, "text": text})

    def _send(self, task: str, argument: str | dict[str, str]) -> None:
        queue = self.outbound_name if task in OUTBOUND_TASKS else self.main_name
        try:
            self.app.send_task(task, args=[argument], queue=queue)
        except OperationalError as exc:
            raise QueueUnavailable(
                "the ingestion queue (its Redis broker) is unavailable; retry shortly"
            ) from exc

    def depth(self) -> tuple[int, int]:
        """(tasks waiting in both lanes, tasks taken but not yet acknowledged)."""
        with self.app.connection_for_read() as connection:
            channel = connection.default_channel
            waiting = 0
            for name in (self.main_name, self.outbound_name):
                try:
                    waiting += channel.queue_declare(name, passive=True).message_count
                except ChannelError:  # no task was ever sent
                    pass
            return waiting, int(channel.client.hlen(channel.unacked_key))

    # -- consuming -----------------------------------------------------------------

    def _register_tasks(self) -> None:
        app = self.app

        @app.task(name=DOCUMENT_TASK, bind=True, max_retries=None, shared=False)
        def document(task: Any, job_id: str) -> None:
            started = time.monotonic()
            outcome = self._handlers().run_job(job_id)
            self.stats.record("document", outcome.status, time.monotonic() - started,
                              chunks=outcome.embedded)  # fmt: skip
            if outcome.retry_in is not None:  # Redis was away, or another worker holds it
                raise task.retry(countdown=outcome.retry_in, max_retries=None)

        @app.task(name=CRAWL_TASK, shared=False)
        def crawl(source_id: str) -> None:
            started = time.monotonic()
            try:
                self._handlers().crawl(source_id)
            except Exception:
                self.stats.record("crawl", "failed", time.monotonic() - started)
                raise
            self.stats.record("crawl", "completed", time.monotonic() - started)

        @app.task(name=DUE_CRAWLS_TASK, shared=False)
        def due_crawls() -> None:
            for source_id in self._handlers().claim_due_crawls():
                self.enqueue_crawl(source_id)

        @app.task(name=WEBHOOK_TASK, bind=True, max_retries=None, shared=False)
        def webhook(task: Any, delivery_id: str) -> None:
            started = time.monotonic()
            retry_in = self._handlers().deliver_webhook(delivery_id)
            outcome = "completed" if retry_in is None else "retry"
            self.stats.record("webhook", outcome, time.monotonic() - started)
            if retry_in is not None:  # the delivery log counts the attempts
                raise task.retry(countdown=retry_in, max_retries=None)

        @app.task(name=MAIL_TASK, bind=True, max_retries=MAIL_RETRIES, shared=False)
        def mail(task: Any, message: dict[str, str]) -> None:
            started = time.monotonic()
            try:
                self._handlers().send_mail(message)
            except (smtplib.SMTPException, OSError) as exc:
                self.stats.record("mail", "retry", time.monotonic() - started)
                log.warning("mail not sent (%s); trying again", type(exc).__name__)
                raise task.retry(exc=exc, countdown=5 * 2**task.request.retries) from exc
            self.stats.record("mail", "completed", time.monotonic() - started)

    def _handlers(self) -> Handlers:
        if self.handlers is None:
            raise RuntimeError("this process consumes ingestion tasks without handlers")
        return self.handlers

    def worker_options(self, *, concurrency: int, kind: str) -> dict[str, Any]:
        """A worker process's options. Its pool's threads find the tasks through Celery's
        default app, so the process's one queue becomes that (`make_default`)."""
        return {
            "pool": "threads" if concurrency > 1 else "solo",
            "concurrency": concurrency,
            "queues": [self.name],
            "hostname": f"{kind}-{uuid.uuid4().hex[:6]}@{socket.gethostname()}",
            "without_mingle": True,
            "without_gossip": True,
            "optimization": "fair",
        }

    def make_default(self) -> None:
        self.app.set_default()
        self.app.set_current()

    def start_outbound_lane(self) -> None:
        """Consume the outbound lane (crawls, webhook deliveries) on a thread of its own,
        with the same handlers."""
        if self._outbound is None and not self.lane:
            self._outbound = IngestionQueue(self.settings, stats=self.stats, lane=OUTBOUND_LANE)
            self._outbound.handlers = self.handlers
            self._outbound.consume_in_thread(schedule=False)

    def consume_in_thread(self, *, schedule: bool = True) -> None:
        """Run a worker on a thread of this process (INGESTION_IN_API), one task at a time,
        with the schedule, and the outbound lane beside it. Tasks run on that thread itself
        (the solo pool): there Celery finds this queue's tasks, whatever other queues the
        process has (tests)."""
        if self._consumer_thread is not None:
            return
        self.app.finalize()
        # Without Celery's event loop (kombu's Hub is one per process, a module global:
        # two consumers of one process would share it): the blocking loop, which still
        # gives back the messages of dead workers (kombu restores them while idle).
        blocking = type("BlockingWorkController", (self.app.WorkController,),
                        {"should_use_eventloop": lambda _: False})  # fmt: skip
        app = self.app

        class AppTimer(Timer):
            """Runs tasks whose time has come (retries with a delay) on its own thread:
            there too Celery must find this queue's tasks."""

            def run(self) -> None:
                app.set_current()
                super().run()

        leaving = self._leaving

        class LeavingConsumer(Consumer):
            """Leaves its wait for the broker when asked to stop. Celery's own wait looks
            only at the process's shutdown flag, so a consumer whose broker is down (a
            Redis restarting, the tests' throwaway servers) would keep trying for hours."""

            def ensure_connected(self, conn: Any) -> Any:
                def waiting(exc: Exception, interval: float) -> None:
                    log.warning("ingestion consumer cannot reach the broker (%s); trying "
                                "again in %.0f s", exc, interval)  # fmt: skip

                def stop_if_leaving() -> None:
                    if leaving.is_set():
                        raise WorkerShutdown(0)

                stop_if_leaving()
                return conn.ensure_connection(
                    waiting, self.app.conf.broker_connection_max_retries,
                    callback=stop_if_leaving,
                )  # fmt: skip

        self._consumer = blocking(
            **self.worker_options(concurrency=1, kind="api"),
            without_heartbeat=True, loglevel=logging.WARNING, timer_cls=AppTimer,
            consumer_cls=LeavingConsumer,
        )  # fmt: skip

        consumer = self._consumer

        def consume() -> None:
            self.app.set_current()  # for this thread only
            try:
                consumer.start()
            finally:
                if self._leaving.is_set():  # asked to stop: done here, on its own thread
                    try:
                        consumer.stop(in_sighandler=False)
                    except Exception as exc:  # noqa: BLE001 - closing: logged, nothing to undo
                        # kombu's Redis channels share one dict of fanout queues per
                        # process: another consumer starting here (tests) may change it
                        # while this one's channel walks it to close; or the broker has
                        # gone and the connection fails to close cleanly.
                        log.warning("ingestion consumer closed with: %s", exc)
                    finally:
                        self.app.close()

        self._consumer_thread = threading.Thread(
            target=consume, name="ingestion-consumer", daemon=True
        )
        self._consumer_thread.start()
        if schedule:
            self.start_schedule()
        self.start_outbound_lane()

    def start_schedule(self) -> None:
        """Celery beat on a thread; kept in memory (each process's own: see claim_due)."""
        self._beat = EmbeddedService(self.app, thread=True, scheduler_cls="celery.beat:Scheduler")
        self._beat.start()

    def stop(self, *, wait: bool = True) -> None:
        """Stop consuming after the task in hand. The loop is asked to end (it notices
        within its broker poll, 2 s) and closes everything on its own thread: closing its
        connection from here, under its feet, made it crash. `wait=False` returns at once."""
        if self._outbound is not None:
            self._outbound.stop(wait=wait)
            self._outbound = None
        if self._beat is not None:
            # Beat leaves its loop only when it next wakes from its sleep (about a second
            # in the tests, longer between crawl ticks): waited for only when asked
            # (every test's app stops with wait=False).
            self._beat.service.stop(wait=wait)
            self._beat = None
        if self._consumer is None:
            self.app.close()
            return
        consumer, thread = self._consumer, self._consumer_thread
        self._consumer = self._consumer_thread = None
        self._leaving.set()
        if thread is None:
            return
        if wait:
            _end_loop(consumer, thread)
        else:
            threading.Thread(target=_end_loop, args=(consumer, thread), daemon=True).start()


def _end_loop(worker: Any, thread: threading.Thread) -> None:
    """Ask a consumer's loop to end until its thread has. Asked once, it could miss it:
    its blueprint marks itself running as it starts, and again on every reconnection."""
    deadline = time.monotonic() + STOP_TIMEOUT_S
    while thread.is_alive() and time.monotonic() < deadline:
        running = getattr(worker, "consumer", None)
        if running is not None and running.blueprint is not None:
            running.blueprint.state = CLOSE
        thread.join(0.1)
