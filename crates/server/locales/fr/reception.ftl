## Accueil : tout l'étage d'un coup d'œil et ce que l'accueil fait pour un visiteur
reception-title = Accueil
reception-task-text = Tout l'étage en direct, donner un ticket, noter une question, enregistrer un rendez-vous et appeler un service sur appel.
reception-zones = Qui attend
reception-zone = Zone
reception-waiting = En attente
reception-longest = Attente la plus longue
reception-open = Ouverts
reception-paused = En pause
reception-empty = Vides
reception-counters = Guichets
reception-counter-open = Ouvert
reception-counter-paused = En pause
reception-counter-empty = Non occupé
reception-counter-ticket = Sert { $number }
reception-on-call = Guichet sur appel
reception-on-call-none = Personne n'attend un service sur appel.
reception-on-call-ticket = Ticket
reception-on-call-for = Pour
reception-on-call-since = Appelé depuis
reception-on-call-status = État
reception-on-call-overdue = Personne n'a accepté : signalé à nouveau
reception-back-office = Back-office
reception-back-office-nobody = Personne de ce service n'a de compte.
reception-ticket-title = Donner un ticket
reception-ticket-product = Pour quoi vient le visiteur ?
reception-choose = Choisissez un service
reception-ticket-give = Donner le ticket
reception-summon-title = Guichet sur appel
reception-summon-hint = Pour l'urbanisme, l'environnement et le bien-être : appelez un collaborateur du back-office.
reception-summon = Appeler un collaborateur
reception-question-title = Question répondue
reception-question-subject = Sur quoi portait la question ?
reception-question-note = Noter la question
reception-questions-today = { $count ->
    [0] Aucune question notée aujourd'hui.
    [one] 1 question notée aujourd'hui.
   *[other] { $count } questions notées aujourd'hui.
}
reception-question-noted = Noté : une question sur { $subject }.
reception-appointment-title = Trop tôt ou trop tard pour un rendez-vous
reception-appointment-find = Chercher un rendez-vous
reception-appointment-hint = Le code du rendez-vous, un nom, une adresse e-mail ou un numéro de téléphone.
reception-appointment-search = Chercher
reception-back = Retour à l'accueil
reception-ticket-given = Ticket { $number } donné
reception-ticket-appointment = Enregistré pour le rendez-vous { $code }.
reception-ticket-lead = Imprimez le ticket ou laissez le visiteur scanner le code QR pour suivre le ticket sur son téléphone.
reception-print = Imprimer le ticket
reception-check-in-title = Enregistrer à l'accueil
reception-check-in-hint = Pour qui arrive aujourd'hui trop tôt ou trop tard pour la borne. Qui arrive en retard attend comme un visiteur sans rendez-vous.
reception-check-in = Enregistrer et donner un ticket
reception-check-in-already = Ce rendez-vous est déjà enregistré.
reception-check-in-not-today = Ce rendez-vous n'est pas aujourd'hui. Déplacez-le à un autre moment.
reception-check-in-closed = La maison communale est fermée maintenant ; l'enregistrement n'est pas possible.
error-reception-product = Choisissez un service dans la liste.
error-reception-closed = La maison communale est fermée maintenant : aucun ticket n'est donné.
error-check-in-not-today = Ce rendez-vous n'est pas aujourd'hui.
