"""``HEAD`` wherever ``GET`` works: the request is answered as a ``GET`` without its body.

FastAPI's routes answer only the methods they declare, so a monitoring probe or ``curl -I``
got "405 Method Not Allowed" from every page. Declaring ``methods=["GET", "HEAD"]`` on each
route would fix that but gives two operations one id, and FastAPI then warns "Duplicate
Operation ID" whenever /docs builds the OpenAPI schema. This middleware instead runs the
``GET`` route and drops the body, so status and headers (``Content-Length`` included) are
exactly those of the ``GET``, as RFC 9110 asks.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    """ASGI middleware: ``HEAD`` is served by the ``GET`` route, without the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return  # later chunks follow; the empty last one ends the response
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)
