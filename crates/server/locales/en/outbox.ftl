## Outgoing e-mail
outbox-title = Outgoing e-mail
outbox-intro = The e-mails Loket sends to citizens: sent, waiting or failed.
outbox-lead = Every e-mail from Loket comes here first and leaves as soon as the mail server accepts it. If that fails, Loket tries again later. When no mail server is configured, as in the demo, the e-mails wait here and you can read them here.
outbox-empty = There are no e-mails yet.
outbox-subject = Subject
outbox-recipient = To
outbox-created = Created
outbox-send-after = Not to be sent before
outbox-sent-at = Sent
outbox-status = Status
outbox-status-pending = Waiting to be sent
outbox-status-sent = Sent
outbox-status-failed = Failed
outbox-attempts = Attempts
outbox-last-error = Last error
outbox-attachment = Attachment
outbox-text = Text of the e-mail
