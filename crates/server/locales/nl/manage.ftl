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
