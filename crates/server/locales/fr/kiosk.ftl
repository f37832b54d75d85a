kiosk-restart = Recommencer
kiosk-start-title = Bienvenue. Pourquoi venez-vous ?
kiosk-start-lead = Touchez ce dont vous avez besoin. Vous recevez un ticket avec votre numéro.
kiosk-have-appointment = J'ai un rendez-vous
kiosk-no-appointment = Pas de rendez-vous ? Choisissez ce dont vous avez besoin :
kiosk-choose-product = Touchez ce dont vous avez besoin.
kiosk-other-choice = Choisir autre chose
kiosk-product-ticket = Vous recevez un ticket
kiosk-product-appointment = Uniquement sur rendez-vous
kiosk-product-online = Via l'e-guichet
kiosk-product-reception = À l'accueil
kiosk-you-chose = Votre choix : { $product }
kiosk-reception-title = Rendez-vous à l'accueil
kiosk-reception-text = On vous y aide tout de suite ou on appelle un collègue pour vous. Vous n'avez pas besoin de ticket.
kiosk-appointment-title = Pour ceci, prenez rendez-vous
kiosk-appointment-text = Ce service est uniquement sur rendez-vous. Ainsi, vous n'attendez pas.
kiosk-appointment-website = Prenez rendez-vous sur le site :
kiosk-appointment-phone = Ou appelez-nous :
kiosk-appointment-reception = L'accueil peut aussi prendre un rendez-vous pour vous.
kiosk-online-title = Vous le demandez en ligne
kiosk-online-text = Vous le demandez via l'e-guichet sur le site :
kiosk-online-reception = Vous n'y arrivez pas ? L'accueil vous aide.
kiosk-closed-title = Le bureau est fermé
kiosk-closed-text = Nous ne donnons pas de tickets en ce moment.
kiosk-closed-opens = Nous rouvrons le { $day } à { $time }.
kiosk-check-in-title = Signalez votre arrivée pour votre rendez-vous
kiosk-check-in-label = Votre code de rendez-vous
kiosk-check-in-hint = Le code figure dans votre confirmation, par exemple K7M2XQ9. Tapez le code ou présentez le code QR au lecteur.
kiosk-check-in-submit = Signaler mon arrivée
kiosk-check-in-refused = Nous ne pouvons pas enregistrer votre arrivée ici
kiosk-check-in-reception = Rendez-vous à l'accueil, on vous y aidera.
kiosk-check-in-empty = Saisissez votre code de rendez-vous.
kiosk-check-in-unknown = Nous ne trouvons pas de rendez-vous avec ce code pour aujourd'hui. Vérifiez le code.
kiosk-check-in-already = L'arrivée pour ce rendez-vous est déjà enregistrée.
kiosk-check-in-too-early = Vous êtes en avance pour votre rendez-vous. Vous pouvez signaler votre arrivée à partir d'une demi-heure avant.
kiosk-check-in-too-late = Il est trop tard pour signaler votre arrivée à ce rendez-vous.
kiosk-ticket-title = Ticket { $number }
kiosk-ticket-heading = Prenez votre ticket
kiosk-ticket-lead = Asseyez-vous. Votre numéro apparaîtra à l'écran quand ce sera votre tour.
kiosk-done = Terminé
kiosk-your-number = Votre numéro
kiosk-zone = Zone { $zone }
kiosk-counter = Guichet
kiosk-queue = Avant vous
kiosk-wait = Attente
kiosk-wait-minutes = { $count ->
    [0] c'est bientôt votre tour
    [one] environ 1 minute
   *[other] environ { $count } minutes
}
kiosk-wait-unknown = pas encore d'estimation
kiosk-ahead = { $count ->
    [0] vous êtes le suivant
    [one] encore 1 personne
   *[other] encore { $count } personnes
}
kiosk-qr-label = Code QR vers votre ticket sur votre téléphone
kiosk-qr-text = Scannez le code et suivez votre tour sur votre téléphone.
kiosk-follow-screens = Suivez votre numéro sur les écrans.
kiosk-phone-wait = Patientez
kiosk-phone-wait-text = Asseyez-vous. Votre numéro sera appelé sur les écrans.
kiosk-phone-go = Allez au guichet { $counter }
kiosk-phone-go-text = C'est votre tour.
kiosk-phone-serving = Vous êtes servi au guichet { $counter }
kiosk-phone-done = Terminé. Merci de votre visite.
kiosk-phone-no-show = Vous n'étiez pas là quand nous vous avons appelé
kiosk-phone-transferred = Vous avez été redirigé
kiosk-phone-cancelled = Ce ticket est annulé
kiosk-phone-to-reception = Rendez-vous à l'accueil, on vous y aidera.
kiosk-phone-refresh = Actualiser
kiosk-phone-live = Cette page se met à jour toute seule.
kiosk-phone-unknown-title = Ticket introuvable
kiosk-phone-unknown = Nous ne trouvons pas ce ticket. Un ticket n'est valable que le jour même. Scannez à nouveau le code de votre ticket ou demandez à l'accueil.
kiosk-phone-website = Vers le site
