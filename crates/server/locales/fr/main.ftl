# Loket — français, traduction du texte néerlandais. Vouvoyez le citoyen, en phrases courtes.

## Général
skip-to-content = Aller au contenu
demo-label = Démo.
demo-banner = Ceci est une démonstration de Loket avec des données fictives. Tous les comptes de démo ont le mot de passe « demo ».
brand-subtitle = Administration communale
language-switcher = Choisir la langue
main-navigation = Menu principal
nav-home = Accueil
nav-opening-hours = Heures d'ouverture
nav-staff = Mon travail
nav-admin = Gestion
nav-staff-login = Connexion pour le personnel
nav-accessibility = Accessibilité
signed-in-as = Connecté en tant que { $name }
logout = Se déconnecter
footer-phone = Appelez le
breadcrumbs = Fil d'Ariane
error-back-home = Aller à la page d'accueil
choose = Faites un choix
none = Aucun
save = Enregistrer
cancel = Annuler
yes = Oui
no = Non
today = aujourd'hui
closed = Fermé

## Dates, heures et montants
date-long = { $weekday } { $day } { $month } { $year }
time = { $hour }h{ $minute }
hours-range = de { $opens } à { $closes }
minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
fee-free = Gratuit
fee-unknown = Prix au guichet
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Page d'accueil
home-title = Bienvenue
home-heading = Bienvenue à { $site }
home-lead = Réglez vos démarches avec la ville : sur rendez-vous, sans rendez-vous au guichet rapide ou directement en ligne.
home-all-hours = Toutes les heures d'ouverture
today-open-until = Ouvert aujourd'hui jusqu'à { $time }.
closed-now-opens = Fermé pour le moment. Nous serons à nouveau ouverts { $day } à { $time }.
closed-now = Fermé pour le moment.
home-appointment-title = Sur rendez-vous
home-appointment-text = Pour ces démarches, vous prenez rendez-vous. Ainsi, vous n'attendez pas. Prenez-le ici en ligne ou appelez le { $phone }.
home-fast-title = Sans rendez-vous au guichet rapide (A)
home-fast-text = Vous venez retirer un document prêt ou acheter quelque chose ? Prenez un ticket à la borne et rendez-vous en zone A.
home-online-title = En ligne via l'e-loket
home-online-text = Faites la demande depuis chez vous. Vous recevez généralement les attestations le jour même dans votre e-Box.
home-reception-title = Via l'accueil
home-reception-text = Pour ces questions, l'accueil vous aide. Si nécessaire, un collaborateur du service descend vous voir.

## Page produit
product-fee = Prix
product-duration = Durée au guichet
product-zone = Zone
product-how = Comment faire ?
product-how-appointment = Prenez rendez-vous, ici en ligne ou au { $phone }. Venez à l'heure convenue et présentez-vous à la borne avec votre code de rendez-vous.
product-how-fast-counter = Vous n'avez pas besoin de rendez-vous. Prenez un ticket à la borne et suivez la lettre A sur les écrans.
product-how-on-call = Présentez-vous à l'accueil. Un collaborateur du service descend et vous aide à un guichet ou dans un local d'entretien.
product-how-reception = Posez votre question à l'accueil, près de l'entrée.
product-how-online = Faites la demande en ligne via l'e-loket. Vous vous connectez avec votre carte d'identité électronique (eID) ou itsme.
product-pickup-later = Vous retirez le document plus tard au guichet rapide (zone A). Vous recevez un message dès qu'il est prêt.
product-bring = Que devez-vous apporter ?

## Heures d'ouverture
hours-title = Heures d'ouverture
hours-lead = Quand { $site } est ouvert, aussi en soirée, et les jours de fermeture.
hours-counters = Guichets
hours-evening = ouverture en soirée
hours-appointment-note = Pour la plupart des démarches, prenez d'abord rendez-vous.
hours-phone = Téléphone
hours-phone-text = Appelez le { $phone } pour un rendez-vous ou une question.
hours-closures = Jours de fermeture
hours-no-closures = Aucun jour de fermeture n'est prévu.
hours-date = Date
hours-reason = Motif

## Jours fériés
holiday-new-year = Nouvel An
holiday-easter-monday = Lundi de Pâques
holiday-labour-day = Fête du Travail
holiday-ascension = Ascension
holiday-whit-monday = Lundi de Pentecôte
holiday-national-day = Fête nationale
holiday-assumption = Assomption
holiday-all-saints = Toussaint
holiday-armistice = Armistice
holiday-christmas = Noël

## Accessibilité
accessibility-title = Accessibilité
accessibility-lead = { $organisation } veut que tout le monde puisse utiliser ce site web.
accessibility-status-title = Ce site web est-il accessible ?
accessibility-status = Ce site web suit les règles WCAG 2.1 au niveau AA. Chaque page est testée automatiquement à chaque nouvelle version.
accessibility-how-title = À quoi pouvez-vous vous attendre ?
accessibility-how-keyboard = Vous pouvez tout utiliser avec le clavier.
accessibility-how-zoom = Vous pouvez zoomer jusqu'à 200 % sans rien perdre.
accessibility-how-colour = La couleur n'est jamais la seule indication : la lettre de la zone est toujours indiquée aussi.
accessibility-how-test = Les formulaires fonctionnent aussi sans JavaScript.
accessibility-contact-title = Vous êtes quand même bloqué ?
accessibility-contact = Appelez-nous au { $phone }. Nous vous aidons volontiers et nous adaptons le site web.

## Pages d'erreur
error-not-found-title = Page introuvable
error-not-found = Cette page n'existe pas (ou plus). Vérifiez l'adresse ou allez à la page d'accueil.
error-forbidden-title = Pas d'accès
error-forbidden = Vous êtes connecté, mais vous n'avez pas accès à cette page. Si vous pensez que c'est une erreur, demandez à votre administrateur.
error-internal-title = Une erreur s'est produite
error-internal = Une erreur s'est produite chez nous. Réessayez dans quelques minutes.

## Connexion
login-title = Connexion pour le personnel
login-lead = Connectez-vous avec votre nom d'utilisateur et votre mot de passe.
login-needed = Connectez-vous d'abord pour voir cette page.
login-submit = Se connecter
login-demo-hint = Démo : connectez-vous en tant que admin, manager, onthaal, balie1 … balie6, backoffice1, telefoon ou winkel1, avec le mot de passe demo.
field-username = Nom d'utilisateur
field-password = Mot de passe
error-login = Le nom d'utilisateur ou le mot de passe n'est pas correct.
error-too-many-attempts = Vous avez essayé trop souvent. Attendez { $seconds } secondes et réessayez.

## Personnel
staff-title = Mon travail
staff-welcome = Bienvenue, { $name }
staff-roles = Vos rôles : { $roles }.
staff-no-tasks = Il n'y a pas encore de tâches ici pour votre rôle.
role-admin = Administrateur
role-manager = Manager
role-reception = Accueil
role-counter = Agent de guichet
role-backoffice = Back-office
role-telephonist = Téléphoniste
role-shop = Point de vente
channel-appointment = Sur rendez-vous
channel-fast-counter = Guichet rapide sans rendez-vous
channel-on-call = Guichet sur appel via l'accueil
channel-reception = À l'accueil
channel-online = En ligne via l'e-loket
staffing-fixed = Guichets fixes
staffing-on-call = Sur appel

## Gestion
admin-title = Gestion
admin-intro = Gérez les produits, les guichets et le personnel de l'administration communale.
admin-products = Produits
admin-products-text = Noms, canal, durée, prix, zone et rubrique sur la borne.
admin-users = Personnel
admin-users-text = Comptes, rôles et services.
admin-audit = Dernières modifications
admin-audit-when = Quand
admin-audit-who = Qui
admin-audit-what = Quoi
admin-audit-subject = Sur quoi
admin-saved = Les modifications ont été enregistrées.
admin-product-new = Nouveau produit
admin-product-new-title = Nouveau produit
admin-product-edit-title = Modifier { $name }
admin-product-identity = Code et nom
admin-product-service = Prestation de service
admin-product-texts = Explication pour le citoyen
admin-user-new = Nouveau membre du personnel
admin-user-edit-title = Modifier le compte { $name }

## Champs de formulaire
field-code = Code
hint-code = Lettres minuscules, chiffres et tirets, par exemple eid-aanvraag. Le code figure dans les adresses web.
field-name = Nom
field-name-nl = Nom en néerlandais
field-name-fr = Nom en français
field-name-en = Nom en anglais
field-department = Service
field-channel = Canal
hint-channel = Comment le citoyen obtient ce produit.
field-zone = Zone
field-rubric = Rubrique sur la borne
hint-rubric = Le bouton sous lequel le citoyen trouve ce produit.
field-minutes = Durée en minutes
hint-minutes = Le temps habituel au guichet, entre 1 et 480 minutes.
field-fee = Prix en euros
hint-fee = Par exemple 20,00. Laissez vide si le prix n'est pas fixe.
field-online = Peut aussi être demandé en ligne
field-pickup-later = Le document est retiré plus tard
field-description-nl = Explication en néerlandais
field-description-fr = Explication en français
field-description-en = Explication en anglais
field-bring-nl = À apporter, en néerlandais
field-bring-fr = À apporter, en français
field-bring-en = À apporter, en anglais
hint-bring = Un élément par ligne.
field-display-name = Nom
field-roles = Rôles
field-departments = Services
hint-departments = Pour le personnel du back-office : les services pour lesquels ils viennent sur appel.
field-active = Actif
field-active-long = Ce compte peut se connecter
hint-username = Lettres minuscules, chiffres, points ou tirets, par exemple jan.peeters.
field-new-password = Nouveau mot de passe
hint-new-password = Laissez vide pour garder le mot de passe. Un nouveau mot de passe compte au moins { $count } caractères.
hint-password = Au moins { $count } caractères.

## Messages d'erreur des formulaires
error-summary-title = Il y a un problème
error-prefix = Erreur :
error-required = Remplissez ce champ.
error-code = Indiquez un code avec des lettres minuscules, des chiffres et des tirets, par exemple eid-aanvraag.
error-code-taken = Ce code est déjà utilisé. Choisissez un autre code.
error-name = Indiquez un nom de 120 caractères au maximum.
error-department = Choisissez un service dans la liste.
error-zone-letter = Choisissez une zone dans la liste.
error-zone-needed = Choisissez une zone : ce produit est traité à un guichet.
error-channel = Choisissez un canal dans la liste.
error-minutes = Indiquez une durée de 1 à 480 minutes, par exemple 10.
error-fee = Indiquez un montant en euros, par exemple 20,00, ou laissez le champ vide.
error-rubric = Choisissez une rubrique dans la liste.
error-username = Indiquez un nom d'utilisateur de 2 à 40 lettres minuscules, chiffres, points ou tirets.
error-username-taken = Ce nom d'utilisateur est déjà utilisé. Choisissez-en un autre.
error-display-name = Indiquez un nom de 80 caractères au maximum.
error-roles = Choisissez au moins un rôle.
error-password = Choisissez un mot de passe d'au moins 10 caractères.
error-json = Envoyez un objet JSON valide.
national-number-empty = Indiquez votre numéro de registre national.
national-number-length = Un numéro de registre national compte 11 chiffres, par exemple 85.07.30-033.28.
national-number-digits = Un numéro de registre national se compose uniquement de chiffres, éventuellement avec des points et un tiret.
national-number-check = Ce numéro de registre national n'est pas correct. Vérifiez les chiffres sur votre carte d'identité.
hours-invalid-range = L'heure de fin doit être après l'heure de début.
hours-overlap = Les heures se chevauchent.
hours-invalid-time = Indiquez une heure comme 09:00 ou 16:30.
closing-rule-invalid = Nous ne comprenons pas cette règle pour un jour de fermeture.

## Erreurs de l'API
problem-invalid = Données non valides
problem-invalid-detail = Un ou plusieurs champs ne sont pas remplis correctement.
problem-unauthorized = Non connecté
problem-unauthorized-detail = Connectez-vous avec un jeton valide.
problem-forbidden = Pas d'accès
problem-forbidden-detail = Votre rôle ne donne pas accès à cette action.
problem-not-found = Introuvable
problem-not-found-detail = Cela n'existe pas.
problem-conflict = Conflit
problem-conflict-detail = Cela entre en conflit avec ce qui existe déjà.
problem-rate-limited = Trop de demandes
problem-internal = Erreur interne
problem-internal-detail = Une erreur s'est produite. Réessayez plus tard.
admin-departments = Services
admin-departments-text = Les services de la ville, avec guichets fixes ou sur appel.
admin-sites = Sites
admin-sites-text = Zones, guichets, salles d'entretien, heures d'ouverture et jours de fermeture.
