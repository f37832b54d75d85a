staff-book-title = Prendre un rendez-vous pour un citoyen
staff-book-intro = Réservez une heure libre pour la personne au téléphone ou au guichet, avec les mêmes règles que sur le site.
staff-book-note = Vous réservez pour un citoyen au téléphone ou au guichet. Le citoyen reçoit une confirmation si vous indiquez une adresse e-mail.
staff-book-soon = Montrer aussi les heures des deux prochaines heures
staff-book-soon-hint = Sur le site, un citoyen ne peut réserver qu'à partir de deux heures plus tard. Vous pouvez passer ce délai, par exemple pour quelqu'un déjà en route.
staff-field-name = Nom du citoyen
staff-field-email = Adresse e-mail du citoyen (facultative)
staff-hint-email = Avec une adresse e-mail, le citoyen reçoit la confirmation, un rappel et un lien pour déplacer ou annuler lui-même.
staff-field-phone = Numéro de téléphone du citoyen (facultatif)
staff-field-locale = Langue du citoyen
staff-find-title = Rechercher un rendez-vous
staff-find-intro = Recherchez un rendez-vous par code, adresse e-mail, numéro de téléphone ou nom, et déplacez-le ou annulez-le pour le citoyen.
staff-find-label = Code, adresse e-mail, numéro de téléphone ou nom
staff-find-hint = Vous trouvez les rendez-vous d'aujourd'hui et des jours suivants. Une partie du nom suffit, par exemple le nom de famille.
staff-find-button = Rechercher
staff-find-none = Aucun rendez-vous trouvé pour « { $query } ».
staff-find-count = { $count ->
    [one] 1 rendez-vous trouvé
   *[other] { $count } rendez-vous trouvés
}
staff-appointment-title = Rendez-vous { $code }
staff-booked-title = Le rendez-vous est pris
staff-booked-text = Communiquez au citoyen le code et l'heure du rendez-vous. Avec le code, il prend un ticket à la borne.
staff-code-hint = Le citoyen tape ce code à la borne à tickets.
staff-change-title = Modifier
staff-move = Déplacer le rendez-vous
staff-cancel = Annuler le rendez-vous
staff-cancel-title = Annuler ce rendez-vous ?
staff-cancel-text = L'heure se libère aussitôt pour quelqu'un d'autre. Si le citoyen a une adresse e-mail, il reçoit un message de l'annulation.
staff-cancel-confirm = Oui, annuler ce rendez-vous
staff-field-national-number = Numéro de registre national du citoyen (facultatif)
staff-phone = Numéro de téléphone
staff-national-number = Numéro de registre national
staff-bring = Ce que le citoyen apporte
error-limit-email-staff = Cette adresse e-mail a déjà autant de rendez-vous que permis. Recherchez les rendez-vous du citoyen et annulez-en ou déplacez-en un.
error-limit-national-number-staff = Ce service est déjà réservé pour ce numéro de registre national. Recherchez ce rendez-vous et déplacez-le si le citoyen souhaite une autre heure.
staff-move-soon = Déplacer le rendez-vous, aussi vers une heure des deux prochaines heures
