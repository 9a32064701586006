"""Gunicorn settings; worker count follows the host unless WEB_CONCURRENCY says otherwise."""
import multiprocessing
import os

bind = "0.0.0.0:8000"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = 60
graceful_timeout = 30
max_requests = 1000
max_requests_jitter = 100
# Logs go to stdout/stderr; Docker's json-file driver rotates them (see compose.yaml).
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = "*"
