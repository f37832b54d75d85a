counter-title = Guichet
counter-task-text = Prenez place à un guichet, appelez le citoyen suivant et enregistrez ce que vous avez fait.
counter-choose = Choisissez le guichet où vous travaillez à { $site }.
counter-at = Guichet { $counter }
counter-sign-in-at = Travailler au guichet { $counter }
counter-taken-by = Occupé par { $name }
counter-state-open = Ouvert
counter-state-paused = En pause
counter-pause = Faire une pause
counter-resume = Reprendre
counter-sign-out = Quitter le guichet
counter-paused-hint = Votre guichet est en pause : personne n'y est appelé. Choisissez « Reprendre » pour appeler à nouveau.
counter-current = À votre guichet
counter-no-current = Personne n'est à votre guichet.
counter-call-next = Appeler le suivant
counter-called-at = Appelé à { $time }
counter-serving = En cours
counter-start = Commencer
counter-recall = Rappeler
counter-recalls-left = { $count ->
    [0] Vous ne pouvez plus rappeler. Si le citoyen n'est pas venu, choisissez « Pas venu ».
    [one] Vous pouvez encore rappeler 1 fois.
   *[other] Vous pouvez encore rappeler { $count } fois.
}
counter-no-show = Pas venu
counter-transactions = Opérations effectuées
counter-finish = Terminer
counter-transfer-to = Réorienter vers
counter-transfer = Réorienter
counter-waiting = { $count ->
    [0] Personne n'attend
    [one] 1 personne attend pour ce guichet
   *[other] { $count } personnes attendent pour ce guichet
}
counter-nobody-waiting = Personne n'attend pour ce que fait ce guichet.
counter-number = Numéro
counter-product = Pour
counter-waited = Attend depuis
counter-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}
counter-appointment-at = Rendez-vous à { $time }
counter-open-screen = Ouvrir l'écran de la salle d'attente
counter-done-signed-in = Vous travaillez maintenant à ce guichet.
counter-done-paused = Votre guichet est en pause.
counter-done-resumed = Votre guichet est de nouveau ouvert.
counter-done-signed-out = Vous avez quitté le guichet.
counter-done-called = { $number } est appelé.
counter-done-recalled = { $number } est rappelé.
counter-done-started = Le traitement de { $number } a commencé.
counter-done-no-show = { $number } est noté comme pas venu.
counter-done-finished = { $number } est terminé avec { $count ->
    [one] 1 opération
   *[other] { $count } opérations
}.
counter-done-transferred = Réorienté : le nouveau numéro est { $number }.
counter-error-taken = Un collègue travaille déjà au guichet { $counter }. Choisissez un autre guichet.
counter-error-state = Ce n'est pas possible maintenant : le ticket a entre-temps été traité, vous ne pouvez plus le rappeler, ou votre guichet n'est pas ouvert.
counter-error-not-found = Ce guichet, ce ticket ou ce produit n'existe pas.
counter-error-no-transactions = Cochez au moins une opération effectuée.
counter-transfer-choose = Choisissez un produit
