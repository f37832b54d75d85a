## Uitgaande e-mail
outbox-title = Uitgaande e-mail
outbox-intro = De e-mails die Loket aan burgers stuurt: verstuurd, wachtend of mislukt.
outbox-lead = Elke e-mail van Loket komt eerst hier en vertrekt zodra de mailserver hem aanneemt. Lukt dat niet, dan probeert Loket het later opnieuw. Is er geen mailserver ingesteld, zoals in de demo, dan blijven de e-mails hier wachten en kunt u ze hier lezen.
outbox-empty = Er zijn nog geen e-mails.
outbox-subject = Onderwerp
outbox-recipient = Aan
outbox-created = Aangemaakt
outbox-send-after = Niet te versturen voor
outbox-sent-at = Verstuurd
outbox-status = Stand
outbox-status-pending = Wacht op verzending
outbox-status-sent = Verstuurd
outbox-status-failed = Mislukt
outbox-attempts = Pogingen
outbox-last-error = Laatste fout
outbox-attachment = Bijlage
outbox-text = Tekst van de e-mail
