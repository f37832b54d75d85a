## Rendez-vous
error-site = Choisissez un site dans la liste.
error-products-none = Choisissez au moins un produit.
error-products-too-many = Vous pouvez réserver au maximum 6 produits ou personnes en un seul rendez-vous. Prenez un second rendez-vous pour le reste.
error-product-not-by-appointment = L'un de ces produits ne se fait pas sur rendez-vous. Consultez la page du produit pour savoir comment procéder.
error-products-zones = Ces produits sont traités dans des zones différentes. Prenez un rendez-vous séparé pour chacun.
error-person-name = Indiquez votre nom.
error-email = Indiquez une adresse e-mail valable, par exemple nom@exemple.be.
error-start = Choisissez une heure dans la liste.
error-start-too-soon = Cette heure est trop proche. Choisissez une heure au moins deux heures à partir de maintenant.
error-start-too-late = Vous ne pouvez pas encore prendre rendez-vous aussi loin à l'avance.
error-start-not-offered = Aucun rendez-vous n'est possible à cette heure. Choisissez une heure dans la liste.
problem-slot-taken = Cette heure n'est plus libre. Choisissez une autre heure.
problem-not-booked = Ce rendez-vous ne peut plus être modifié : il a été annulé ou est passé.

## Prendre rendez-vous sur le site
continue = Continuer
back = Retour
booking-products-title = Pour quoi voulez-vous prendre rendez-vous ?
booking-products-hint = Vous pouvez choisir plusieurs choses, par exemple une carte d'identité et un permis de conduire. Ainsi, vous réglez tout en une seule visite.
booking-persons-title = Pour combien de personnes ?
booking-persons-hint = Vous venez par exemple en famille demander des cartes d'identité ? Choisissez alors le nombre de personnes. Chaque personne vient au guichet.
booking-persons = { $count ->
    [one] { $count } personne
   *[other] { $count } personnes
}
booking-persons-of = { $count } × { $product }
booking-day-title = Choisissez un jour
booking-move-day-title = Choisissez un nouveau jour
booking-your-visit = Votre rendez-vous :
booking-zone-and-minutes = Environ { $minutes } minutes au guichet.
booking-months = Mois
booking-previous-month = Mois précédent
booking-next-month = Mois suivant
booking-free-times = { $count ->
    [one] 1 heure libre
   *[other] { $count } heures libres
}
booking-no-times = aucune heure libre
booking-month-full = Il n'y a plus d'heure libre ce mois-ci. Regardez le mois suivant.
booking-phone-help = Cela ne marche pas en ligne ? Appelez le { $phone }. Nous prenons volontiers le rendez-vous avec vous.
booking-time-title = Choisissez une heure
booking-other-day = Choisir un autre jour
booking-day-full = Il n'y a plus d'heure libre ce jour-là. Choisissez un autre jour.
booking-details-title = Qui vient ?
booking-when = { $day } à { $time }
field-person-name = Votre nom
field-email = Votre adresse e-mail
hint-email = Vous y recevez la confirmation, un rappel la veille et un lien pour déplacer ou annuler votre rendez-vous.
field-phone-optional = Votre numéro de téléphone (facultatif)
hint-phone-booking = Ainsi, nous pouvons vous appeler si quelque chose change.
field-national-number-optional = Votre numéro de registre national (facultatif)
hint-national-number = Nous pouvons alors préparer votre dossier à l'avance. Vous le trouvez au dos de votre carte d'identité, par exemple 85.07.30-033.28.
booking-check-title = Vérifiez votre rendez-vous
booking-check-what = Pour quoi
booking-check-when = Quand
booking-change-details = Modifier vos données
booking-check-promise = Tout est correct ? Confirmez alors votre rendez-vous. Vous pourrez encore le déplacer ou l'annuler plus tard.
booking-confirm = Confirmer le rendez-vous
booking-manage-title = Votre rendez-vous
booking-confirmed-title = Votre rendez-vous est pris
booking-confirmed-text = Vous recevez une confirmation par e-mail. Conservez aussi cette page ou notez votre code de rendez-vous. À la borne de l'hôtel de ville, scannez le code ou tapez-le.
booking-cancelled = Ce rendez-vous a été annulé.
booking-new = Prendre un nouveau rendez-vous
booking-code = Votre code de rendez-vous
booking-code-hint = Scannez ou tapez ce code à la borne à votre arrivée.
booking-qr-label = Code QR du code de rendez-vous { $code }
booking-where = Où
booking-follow-zone = Suivez la lettre { $zone } sur les écrans.
booking-change-title = Gérer votre rendez-vous
booking-add-to-calendar = Ajouter à votre agenda (.ics)
booking-move = Déplacer votre rendez-vous
booking-cancel = Annuler votre rendez-vous
booking-cancel-title = Voulez-vous annuler votre rendez-vous ?
booking-cancel-text = Votre heure devient alors tout de suite libre pour quelqu'un d'autre. Vous pouvez toujours prendre un nouveau rendez-vous ensuite.
booking-cancel-confirm = Oui, annulez mon rendez-vous
booking-calendar-summary = Rendez-vous { $site } : { $products }
booking-calendar-description = Votre code de rendez-vous est { $code }. Scannez-le ou tapez-le à la borne à votre arrivée.
home-book-button = Prendre rendez-vous

## Mails concernant un rendez-vous
mail-greeting = Bonjour { $name },
mail-zone = zone { $zone }
mail-manage = Consulter, déplacer ou annuler votre rendez-vous
mail-book-again = Prendre un nouveau rendez-vous
mail-regards = Meilleures salutations,
mail-booked-subject = Votre rendez-vous à { $site } : { $when }
mail-moved-subject = Votre rendez-vous à { $site } a été déplacé : { $when }
mail-cancelled-subject = Votre rendez-vous à { $site } a été annulé
mail-booked-intro = Votre rendez-vous est pris. À la borne, tapez ou scannez votre code de rendez-vous. Pour ajouter le rendez-vous à votre agenda, ouvrez le fichier joint.
mail-moved-intro = Votre rendez-vous a été déplacé. Voici votre nouvelle heure.
mail-cancelled-intro = Votre rendez-vous a été annulé. L'heure est de nouveau libre pour quelqu'un d'autre.
mail-reminder-subject = Rappel : votre rendez-vous à { $site } est demain, { $when }
mail-reminder-intro = Nous vous rappelons votre rendez-vous de demain.
mail-reminder-change = Vous ne pouvez pas venir ? Annulez via le lien de votre e-mail de confirmation ou appelez-nous, pour que quelqu'un d'autre puisse avoir votre heure.

## Agenda du jour pour le personnel
agenda-title = Rendez-vous du jour
agenda-intro = Qui vient quand dans chaque zone, qui est venu et qui n'est pas venu.
agenda-show = Afficher
agenda-days = Jours
agenda-previous-day = Jour précédent
agenda-next-day = Jour suivant
agenda-empty = Aucun rendez-vous dans cette zone ce jour-là.
agenda-time = Heure
agenda-status = État
agenda-mark-no-show = { $name } n'est pas venu(e)
status-booked = Réservé
status-cancelled = Annulé
status-checked-in = Enregistré
status-served = Servi
status-no-show = Pas venu
error-limit-email = Cette adresse e-mail a déjà autant de rendez-vous que permis. Vous n'en avez plus besoin d'un ? Annulez-le d'abord via le lien de votre e-mail de confirmation.
error-limit-national-number = Ce service est déjà réservé pour ce numéro de registre national. Vous souhaitez une autre heure ? Déplacez le rendez-vous que vous avez déjà, via le lien de votre e-mail de confirmation.
