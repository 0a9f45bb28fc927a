"""Outgoing mail through the operator's SMTP server (SMTP_* settings)."""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage

from config import Settings

log = logging.getLogger(__name__)


class Mailer:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @property
    def configured(self) -> bool:
        return bool(self.settings.smtp_host)

    def send(self, *, to: str, subject: str, text: str) -> None:
        """Send now (the queue's task calls this; it retries on SMTPException/OSError)."""
        settings = self.settings
        if not settings.smtp_host:
            log.info("mail not sent: SMTP_HOST is not set", extra={"subject": subject})
            return
        message = EmailMessage()
        message["From"] = settings.smtp_from
        message["To"] = to
        message["Subject"] = subject
        message.set_content(text)
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port,
                          timeout=settings.smtp_timeout) as smtp:  # fmt: skip
            if settings.smtp_starttls:
                smtp.starttls()
            if settings.smtp_username and settings.smtp_password:
                smtp.login(settings.smtp_username, settings.smtp_password.get_secret_value())
            smtp.send_message(message)
        log.info("mail sent", extra={"subject": subject})
