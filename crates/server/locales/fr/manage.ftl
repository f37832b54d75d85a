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
