"""Schemathesis hooks for the transport pass of bench/api-fuzz (issue 10): every JSON request body
goes out under a rotating JSON media type (application/json or a +json type clients send, which
once made the server answer 500 and must now be 415), and every other one with chunked transfer
coding instead of Content-Length.
Loaded through SCHEMATHESIS_HOOKS; the generated data and the checks are Schemathesis' own."""
import itertools
import json

import schemathesis
from schemathesis.core import NotSet

MEDIA_TYPES = itertools.cycle([
    "application/json", "application/problem+json", "application/merge-patch+json", "application/vnd.x+json",
])
CHUNKED = itertools.cycle([False, True])


class ChunkedBody:
    """A body requests cannot size (an iterable without a length), so it sends it chunked: two chunks,
    so that framing matters. Keeps the whole body for the report (see after_call)."""

    def __init__(self, body):
        self.body = body

    def __iter__(self):
        yield self.body[: len(self.body) // 2]
        yield self.body[len(self.body) // 2:]


@schemathesis.hook
def before_call(context, case, kwargs):
    if isinstance(case.body, NotSet) or case.media_type is None or "json" not in case.media_type:
        return
    case.media_type = next(MEDIA_TYPES)
    if next(CHUNKED):
        try:
            # Negative cases may carry raw bytes (not JSON): those go out as they are.
            body = case.body if isinstance(case.body, bytes) else json.dumps(case.body).encode()
        except TypeError:
            return  # a value JSON cannot hold (bytes inside): Schemathesis serializes it its own way
        kwargs["data"] = ChunkedBody(body)


@schemathesis.hook
def after_call(context, case, response):
    # Schemathesis records the request body with its length; give it the bytes that were sent.
    if isinstance(response.request.body, ChunkedBody):
        response.request.body = response.request.body.body
