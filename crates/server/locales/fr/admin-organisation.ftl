# Administration de l'organisation : services, sites, zones et salles d'entretien.

## Services
admin-department-new = Nouveau service
admin-department-edit-title = Modifier le service { $name }
hint-department-code = Lettres minuscules, chiffres et tirets, par exemple burgerzaken. Le code figure dans les adresses web.
admin-department-staffing = Fonctionnement
field-staffing = Comment le service reçoit-il le citoyen ?
hint-staffing = Sur appel : l'accueil appelle un collaborateur du service depuis le back-office.
error-staffing = Choisissez si le service a des guichets fixes ou vient sur appel.

## Commun
admin-code-fixed = Le code ne peut plus être modifié, car il figure dans des adresses web et des liens.
error-name-nl = Indiquez le nom en néerlandais, en 120 caractères au maximum.
error-name-fr = Indiquez le nom en français, en 120 caractères au maximum.
error-name-en = Indiquez le nom en anglais, en 120 caractères au maximum.
error-code-reserved = Ce code est réservé. Choisissez un autre code.

## Sites
admin-site-new = Nouveau site
admin-site-edit = Modifier les données
admin-site-edit-title = Modifier les données de { $name }
admin-site-holidays = Jours fériés légaux
admin-site-holidays-closed = Fermé
admin-site-holidays-open = Ouvert
admin-site-hours-link = Heures d'ouverture
admin-site-hours-text = Les heures des guichets et du téléphone, par jour de la semaine.
admin-site-closing-link = Jours de fermeture et exceptions
admin-site-closing-text = Les jours fériés, les jours de fermeture propres à la ville et les ouvertures exceptionnelles.
admin-site-zones = Zones
admin-site-zone-new = Nouvelle zone
admin-site-zone-edit = Modifier la zone { $letter }
admin-site-edit-short = Modifier
admin-site-no-zones = Ce site n'a pas encore de zones.
admin-site-actions = Actions
admin-site-counters = Guichets
admin-site-counter-new = Nouveau guichet
admin-site-counter = Guichet
admin-site-counter-number = Guichet { $number }
admin-site-counter-products = Nombre de produits
admin-site-no-counters = Ce site n'a pas encore de guichets.
admin-site-rooms = Salles d'entretien
admin-site-room-new = Nouvelle salle d'entretien
admin-site-no-rooms = Ce site n'a pas encore de salles d'entretien.
hint-site-code = Lettres minuscules, chiffres et tirets, par exemple stadskantoor. Le code figure dans les adresses web.
hint-site-name = Le nom que voit le citoyen, par exemple Stadskantoor Leuven.
field-address = Adresse
hint-address = Rue, numéro, code postal et commune, par exemple Professor Van Overstraetenplein 1, 3000 Leuven.
field-phone = Numéro de téléphone
hint-phone = Le numéro pour les rendez-vous et les questions, par exemple 016 27 28 29.
field-time-zone = Fuseau horaire
hint-time-zone = Le nom du fuseau horaire, par exemple Europe/Brussels. Toutes les heures du site s'entendent dans ce fuseau.
field-legal-holidays = Fermé les jours fériés légaux belges
error-address = Indiquez une adresse de 200 caractères au maximum.
error-phone = Indiquez un numéro de téléphone, par exemple 016 27 28 29.
error-time-zone = Nous ne connaissons pas ce fuseau horaire. Indiquez un fuseau comme Europe/Brussels.

## Zones
admin-zone-new-title = Nouvelle zone à { $site }
admin-zone-edit-title = Modifier la zone { $letter }
admin-zone-letter-fixed = La lettre ne peut plus être modifiée, car elle figure sur les tickets, les écrans et les panneaux.
admin-zone-preview = Aperçu de la lettre
admin-zone-contrast = Contraste avec la lettre blanche : { $ratio } pour 1
field-zone-letter = Lettre
hint-zone-letter = Une lettre majuscule, par exemple F. Le citoyen suit cette lettre dans le bâtiment.
field-colour = Couleur
hint-colour = Un code couleur avec # et six caractères, par exemple #047857. La lettre est écrite en blanc sur cette couleur : choisissez donc une couleur foncée.
error-zone-letter-format = Indiquez une seule lettre majuscule, par exemple F.
error-zone-letter-taken = Ce site a déjà une zone avec cette lettre. Choisissez une autre lettre.
error-colour = Indiquez un code couleur avec # et six caractères, par exemple #047857.
error-colour-contrast = Cette couleur est trop claire : une lettre blanche y est difficile à lire. Choisissez une couleur plus foncée, avec un contraste d'au moins 4,5 pour 1.

## Salles d'entretien
admin-room-new-title = Nouvelle salle d'entretien à { $site }
admin-room-edit-title = Modifier { $name }
hint-room-code = Lettres minuscules, chiffres et tirets, par exemple spreekruimte-2. Le code figure dans les adresses web.
field-note = Remarque
hint-note = Facultatif. Par exemple : grande table pour les plans de construction. 200 caractères au maximum.
error-note = Raccourcissez la remarque : 200 caractères au maximum.
