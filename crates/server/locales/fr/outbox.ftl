## E-mails sortants
outbox-title = E-mails sortants
outbox-intro = Les e-mails que Loket envoie aux citoyens : envoyés, en attente ou en échec.
outbox-lead = Chaque e-mail de Loket arrive d'abord ici et part dès que le serveur de messagerie l'accepte. En cas d'échec, Loket réessaie plus tard. Si aucun serveur de messagerie n'est configuré, comme dans la démo, les e-mails restent ici et vous pouvez les lire ici.
outbox-empty = Il n'y a pas encore d'e-mails.
outbox-subject = Objet
outbox-recipient = À
outbox-created = Créé le
outbox-send-after = Pas d'envoi avant
outbox-sent-at = Envoyé le
outbox-status = État
outbox-status-pending = En attente d'envoi
outbox-status-sent = Envoyé
outbox-status-failed = Échec
outbox-attempts = Tentatives
outbox-last-error = Dernière erreur
outbox-attachment = Pièce jointe
outbox-text = Texte de l'e-mail
