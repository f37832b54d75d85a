# Beheer van de organisatie: diensten, vestigingen, zones en spreekruimtes.

## Diensten
admin-department-new = Nieuwe dienst
admin-department-edit-title = Dienst { $name } wijzigen
hint-department-code = Kleine letters, cijfers en streepjes, bijvoorbeeld burgerzaken. De code staat in webadressen.
admin-department-staffing = Werkwijze
field-staffing = Hoe helpt de dienst de burger?
hint-staffing = Op afroep: het onthaal roept een medewerker van de dienst uit de backoffice.
error-staffing = Kies of de dienst vaste loketten heeft of op afroep komt.

## Gemeenschappelijk
admin-code-fixed = De code kan niet meer wijzigen, omdat ze in webadressen en koppelingen staat.
error-name-nl = Vul de naam in het Nederlands in, met hoogstens 120 tekens.
error-name-fr = Vul de naam in het Frans in, met hoogstens 120 tekens.
error-name-en = Vul de naam in het Engels in, met hoogstens 120 tekens.
error-code-reserved = Deze code is voorbehouden. Kies een andere code.

## Vestigingen
admin-site-new = Nieuwe vestiging
admin-site-edit = Gegevens wijzigen
admin-site-edit-title = Gegevens van { $name } wijzigen
admin-site-holidays = Wettelijke feestdagen
admin-site-holidays-closed = Gesloten
admin-site-holidays-open = Open
admin-site-hours-link = Openingsuren
admin-site-hours-text = De uren van de loketten en van de telefoon, per weekdag.
admin-site-closing-link = Sluitingsdagen en uitzonderingen
admin-site-closing-text = De feestdagen, de eigen sluitingsdagen van de stad en uitzonderlijke openingen.
admin-site-zones = Zones
admin-site-zone-new = Nieuwe zone
admin-site-zone-edit = Zone { $letter } wijzigen
admin-site-edit-short = Wijzigen
admin-site-no-zones = Deze vestiging heeft nog geen zones.
admin-site-actions = Acties
admin-site-counters = Loketten
admin-site-counter-new = Nieuw loket
admin-site-counter = Loket
admin-site-counter-number = Loket { $number }
admin-site-counter-products = Aantal producten
admin-site-no-counters = Deze vestiging heeft nog geen loketten.
admin-site-rooms = Spreekruimtes
admin-site-room-new = Nieuwe spreekruimte
admin-site-no-rooms = Deze vestiging heeft nog geen spreekruimtes.
hint-site-code = Kleine letters, cijfers en streepjes, bijvoorbeeld stadskantoor. De code staat in webadressen.
hint-site-name = De naam die de burger ziet, bijvoorbeeld Stadskantoor Leuven.
field-address = Adres
hint-address = Straat, nummer, postcode en gemeente, bijvoorbeeld Professor Van Overstraetenplein 1, 3000 Leuven.
field-phone = Telefoonnummer
hint-phone = Het nummer voor afspraken en vragen, bijvoorbeeld 016 27 28 29.
field-time-zone = Tijdzone
hint-time-zone = De naam van de tijdzone, bijvoorbeeld Europe/Brussels. Alle uren van de vestiging gelden in deze tijdzone.
field-legal-holidays = Gesloten op de Belgische wettelijke feestdagen
error-address = Vul een adres in van hoogstens 200 tekens.
error-phone = Vul een telefoonnummer in, bijvoorbeeld 016 27 28 29.
error-time-zone = Deze tijdzone kennen wij niet. Vul een tijdzone in zoals Europe/Brussels.

## Zones
admin-zone-new-title = Nieuwe zone in { $site }
admin-zone-edit-title = Zone { $letter } wijzigen
admin-zone-letter-fixed = De letter kan niet meer wijzigen, omdat ze op tickets, schermen en borden staat.
admin-zone-preview = Zo ziet de letter eruit
admin-zone-contrast = Contrast met de witte letter: { $ratio } op 1
field-zone-letter = Letter
hint-zone-letter = Eén hoofdletter, bijvoorbeeld F. De burger volgt deze letter in het gebouw.
field-colour = Kleur
hint-colour = Een kleurcode met # en zes tekens, bijvoorbeeld #047857. De letter staat in het wit op deze kleur, dus kies een donkere kleur.
error-zone-letter-format = Vul één hoofdletter in, bijvoorbeeld F.
error-zone-letter-taken = Deze vestiging heeft al een zone met deze letter. Kies een andere letter.
error-colour = Vul een kleurcode in met # en zes tekens, bijvoorbeeld #047857.
error-colour-contrast = Deze kleur is te licht: een witte letter is er slecht op te lezen. Kies een donkerdere kleur, met een contrast van minstens 4,5 op 1.

## Spreekruimtes
admin-room-new-title = Nieuwe spreekruimte in { $site }
admin-room-edit-title = { $name } wijzigen
hint-room-code = Kleine letters, cijfers en streepjes, bijvoorbeeld spreekruimte-2. De code staat in webadressen.
field-note = Opmerking
hint-note = Niet verplicht. Bijvoorbeeld: grote tafel voor bouwplannen. Hoogstens 200 tekens.
error-note = Maak de opmerking korter: hoogstens 200 tekens.
