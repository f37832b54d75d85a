display-title = Appels
display-calls = Derniers appels
display-no-calls = Pas encore d'appel. Vous serez appelé avec le numéro de votre ticket.
display-waiting = En attente
display-counter = Guichet { $counter }
display-say = Numéro { $letter } { $number }, guichet { $counter }
