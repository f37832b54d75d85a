## Beheer: de vloer live
manage-title = Beheer
manage-task = De vloer live: wachtenden, loketdruk, afspraken en no-shows per zone, en hoe snel loketten op afroep opgepikt worden.
manage-heading = De vloer nu: { $site }
manage-sites = Vestigingen
manage-lead = Alleen cijfers, zonder namen. De pagina volgt de vloer live.
manage-updated = Bijgewerkt om { $time }
manage-zones = Per zone
manage-zone = Zone
manage-waiting = Wachtend
manage-longest = Langst wachtend
manage-open = Loketten open
manage-paused = Gepauzeerd
manage-pressure = Loketdruk
manage-served-hour = Geholpen dit uur
manage-to-come = Afspraken nog te komen
manage-no-shows = No-shows vandaag
manage-no-counter-open = geen loket open
manage-pressure-hint = Loketdruk: het aantal wachtenden per open loket. No-shows: afspraken van vandaag die niet incheckten binnen hun tijd.
manage-on-call = Loketten op afroep vandaag
manage-on-call-requested = Gevraagd
manage-on-call-waiting = Wachten nu op een medewerker
manage-on-call-picked-up = Opgepikt
manage-on-call-median = Mediaan tot opgepikt
manage-on-call-longest = Langst tot opgepikt

## Statistieken
error-stats-date = Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-12-01.
error-stats-span = Kies een einddatum op of na de begindatum, hoogstens 366 dagen verder.

## Beheer: geschiedenis
manage-history-title = Geschiedenis
manage-history-heading = Geschiedenis: { $site }
manage-history-lead = Per dag: bezoekers, tickets, afspraken, wachttijden, behandeltijden en loketdruk. Zonder namen.
manage-history-from = Van
manage-history-to = Tot en met
manage-history-date-hint = Bijvoorbeeld 2026-12-01.
manage-history-show = Tonen
manage-history-visitors = Bezoekers per dag
manage-history-chart-desc = Staafdiagram van het aantal bezoekers per dag; de tabel hieronder geeft dezelfde cijfers.
manage-history-chart-caption = Eén staaf per dag, van links naar rechts. De cijfers staan in de tabel.
manage-history-days = Per dag
manage-history-csv = Downloaden als CSV
manage-history-wait = Wachttijd (min)
manage-history-service = Behandeltijd (min)
manage-history-median = Mediaan
manage-history-p90 = 90e percentiel
manage-history-max = Langste
manage-history-peak = Piek
manage-history-mean = Gemiddeld
manage-history-minutes-hint = Wachttijd: van het ticket tot de oproep. Behandeltijd: van het begin tot het einde aan het loket. Loketdruk: wachtenden per open loket, elke vijf minuten van de openingsuren gemeten.
manage-csv-date = Datum
manage-csv-visitors = Bezoekers
manage-csv-tickets = Tickets
manage-csv-appointments = Afspraken
manage-csv-no-shows = No-shows
manage-csv-wait-p50 = Wachttijd mediaan (min)
manage-csv-wait-p90 = Wachttijd 90e percentiel (min)
manage-csv-wait-max = Wachttijd langste (min)
manage-csv-service-p50 = Behandeltijd mediaan (min)
manage-csv-service-p90 = Behandeltijd 90e percentiel (min)
manage-csv-pressure-peak = Loketdruk piek
manage-csv-pressure-mean = Loketdruk gemiddeld
manage-history-link = De geschiedenis per dag, met grafiek en CSV

manage-history-heat = Bezoekers per weekdag en uur
manage-history-heat-hint = Hoeveel bezoekers binnenkwamen op elke weekdag in elk uur van de gekozen periode; hoe donkerder, hoe drukker.
manage-history-hour-suffix = u
