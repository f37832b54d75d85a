#!/usr/bin/env python3
"""A real SMTP server for Loket's mail tests.

    python3 smtp_sink.py PORT FOLDER

Listens on 127.0.0.1:PORT with aiosmtpd (pinned in .ci/run) and writes every message it receives
into FOLDER as NNNN.eml (the message as it arrived) and NNNN.json (the envelope and the parts as
Python's email package reads them), before it answers 250, so the message is on disk once the
sender hears it was accepted. Prints "ready" when it accepts connections and stops when its
standard input closes (the test ended) or on SIGTERM.
"""

import email
import email.policy
import json
import os
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        base = os.path.join(self.folder, f"{self.count:04d}")
        with open(base + ".eml", "wb") as file:
            file.write(raw)
        message = email.message_from_bytes(raw, policy=email.policy.default)
        parts = []
        for part in message.walk():
            if part.is_multipart():
                continue
            body = part.get_content()
            if isinstance(body, bytes):
                body = body.decode("utf-8", errors="replace")
            parts.append(
                {
                    "content_type": part.get_content_type(),
                    "params": {key: value for key, value in part.get_params() or []},
                    "filename": part.get_filename(),
                    "disposition": part.get_content_disposition(),
                    "body": body,
                }
            )
        def header(name):
            value = message[name]
            return None if value is None else str(value)

        summary = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "from": header("From"),
            "to": header("To"),
            "subject": header("Subject"),
            "date": header("Date"),
            "message_id": header("Message-ID"),
            "structure": [part.get_content_type() for part in message.walk()],
            "parts": parts,
        }
        with open(base + ".json.tmp", "w", encoding="utf-8") as file:
            json.dump(summary, file, ensure_ascii=False, indent=1)
        os.replace(base + ".json.tmp", base + ".json")
        return "250 Message accepted for delivery"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
