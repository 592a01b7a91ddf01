"""Request latency for Prometheus, one log line per request, and the JSON log format of prod."""

import json
import logging
import time

from . import metrics

request_log = logging.getLogger("portal.request")


class RequestMetricsMiddleware:
    """First in MIDDLEWARE: times every request, page-cache hits included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        seconds = time.perf_counter() - started
        status = response.status_code
        metrics.REQUEST_LATENCY.labels(request.method, f"{status // 100}xx").observe(seconds)
        if request_log.isEnabledFor(logging.INFO):
            request_log.info(
                "request",
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": status,
                    "ms": round(seconds * 1000, 1),
                },
            )
        return response


# Attributes every LogRecord has; whatever else a call passed in `extra` goes into the line.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and the `extra` fields."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        line.update({k: v for k, v in vars(record).items() if k not in _STANDARD})
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str, ensure_ascii=False)
