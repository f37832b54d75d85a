## Gestion : le plateau en direct
manage-title = Gestion
manage-task = Le plateau en direct : personnes en attente, pression aux guichets, rendez-vous et absences par zone, et la rapidité des guichets sur appel.
manage-heading = Le plateau maintenant : { $site }
manage-sites = Sites
manage-lead = Des chiffres seulement, sans noms. La page suit le plateau en direct.
manage-updated = Mis à jour à { $time }
manage-zones = Par zone
manage-zone = Zone
manage-waiting = En attente
manage-longest = Attente la plus longue
manage-open = Guichets ouverts
manage-paused = En pause
manage-pressure = Pression
manage-served-hour = Servis cette heure
manage-to-come = Rendez-vous à venir
manage-no-shows = Absences aujourd'hui
manage-no-counter-open = aucun guichet ouvert
manage-pressure-hint = Pression : le nombre de personnes en attente par guichet ouvert. Absences : les rendez-vous d'aujourd'hui non enregistrés à temps.
manage-on-call = Guichets sur appel aujourd'hui
manage-on-call-requested = Demandés
manage-on-call-waiting = Attendent un collaborateur
manage-on-call-picked-up = Pris en charge
manage-on-call-median = Médiane jusqu'à la prise en charge
manage-on-call-longest = Plus long jusqu'à la prise en charge

## Statistiques
error-stats-date = Indiquez une date au format AAAA-MM-JJ, par exemple 2026-12-01.
error-stats-span = Choisissez une date de fin égale ou postérieure à la date de début, au plus 366 jours plus tard.

## Gestion : historique
manage-history-title = Historique
manage-history-heading = Historique : { $site }
manage-history-lead = Par jour : visiteurs, tickets, rendez-vous, temps d'attente, temps de traitement et pression aux guichets. Sans noms.
manage-history-from = Du
manage-history-to = Au
manage-history-date-hint = Par exemple 2026-12-01.
manage-history-show = Afficher
manage-history-visitors = Visiteurs par jour
manage-history-chart-desc = Diagramme en barres du nombre de visiteurs par jour ; le tableau ci-dessous donne les mêmes chiffres.
manage-history-chart-caption = Une barre par jour, de gauche à droite. Les chiffres sont dans le tableau.
manage-history-days = Par jour
manage-history-csv = Télécharger en CSV
manage-history-wait = Attente (min)
manage-history-service = Traitement (min)
manage-history-median = Médiane
manage-history-p90 = 90e percentile
manage-history-max = Plus longue
manage-history-peak = Pic
manage-history-mean = Moyenne
manage-history-minutes-hint = Attente : du ticket à l'appel. Traitement : du début à la fin au guichet. Pression : personnes en attente par guichet ouvert, mesurée toutes les cinq minutes des heures d'ouverture.
manage-csv-date = Date
manage-csv-visitors = Visiteurs
manage-csv-tickets = Tickets
manage-csv-appointments = Rendez-vous
manage-csv-no-shows = Absences
manage-csv-wait-p50 = Attente médiane (min)
manage-csv-wait-p90 = Attente 90e percentile (min)
manage-csv-wait-max = Attente la plus longue (min)
manage-csv-service-p50 = Traitement médian (min)
manage-csv-service-p90 = Traitement 90e percentile (min)
manage-csv-pressure-peak = Pression pic
manage-csv-pressure-mean = Pression moyenne
manage-history-link = L'historique par jour, avec graphique et CSV

manage-history-heat = Visiteurs par jour de la semaine et par heure
manage-history-heat-hint = Combien de visiteurs sont arrivés chaque jour de la semaine à chaque heure de la période choisie ; plus c'est foncé, plus c'est chargé.
manage-history-hour-suffix = h
