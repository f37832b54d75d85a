## Afspraken
error-site = Kies een vestiging uit de lijst.
error-products-none = Kies minstens één product.
error-products-too-many = U kunt hoogstens 6 producten of personen in één afspraak boeken. Maak een tweede afspraak voor de rest.
error-product-not-by-appointment = Voor een van deze producten maakt u geen afspraak. Kijk op de pagina van het product hoe u het regelt.
error-products-zones = Deze producten worden in verschillende zones geholpen. Maak voor elk een aparte afspraak.
error-person-name = Vul uw naam in.
error-email = Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.be.
error-start = Kies een tijdstip uit de lijst.
error-start-too-soon = Dit tijdstip is te snel. Kies een tijdstip minstens twee uur vanaf nu.
error-start-too-late = Zo ver vooruit kunt u nog geen afspraak maken.
error-start-not-offered = Op dit tijdstip kunt u geen afspraak maken. Kies een tijdstip uit de lijst.
problem-slot-taken = Dit tijdstip is intussen niet meer vrij. Kies een ander tijdstip.
problem-not-booked = Deze afspraak kan niet meer gewijzigd worden: ze is geannuleerd of voorbij.

## Een afspraak maken op de website
continue = Verder
back = Terug
booking-products-title = Waarvoor wilt u een afspraak maken?
booking-products-hint = U kunt meer dan één ding kiezen, bijvoorbeeld een identiteitskaart en een rijbewijs. Zo regelt u alles in één bezoek.
booking-persons-title = Voor hoeveel personen?
booking-persons-hint = Komt u bijvoorbeeld met uw gezin een identiteitskaart aanvragen? Kies dan het aantal personen. Iedere persoon komt mee naar het loket.
booking-persons = { $count ->
    [one] { $count } persoon
   *[other] { $count } personen
}
booking-persons-of = { $count } × { $product }
booking-day-title = Kies een dag
booking-move-day-title = Kies een nieuwe dag
booking-your-visit = Uw afspraak:
booking-zone-and-minutes = Ongeveer { $minutes } minuten aan het loket.
booking-months = Maanden
booking-previous-month = Vorige maand
booking-next-month = Volgende maand
booking-free-times = { $count ->
    [one] 1 tijd vrij
   *[other] { $count } tijden vrij
}
booking-no-times = geen vrije tijden
booking-month-full = Deze maand is er geen vrije tijd meer. Kijk bij de volgende maand.
booking-phone-help = Lukt het niet online? Bel { $phone }. Wij maken de afspraak graag samen met u.
booking-time-title = Kies een uur
booking-other-day = Een andere dag kiezen
booking-day-full = Op deze dag is er geen vrije tijd meer. Kies een andere dag.
booking-details-title = Wie komt er?
booking-when = { $day } om { $time }
field-person-name = Uw naam
field-email = Uw e-mailadres
hint-email = U krijgt hierop de bevestiging, een herinnering de dag voordien en een link om uw afspraak te verplaatsen of te annuleren.
field-phone-optional = Uw telefoonnummer (niet verplicht)
hint-phone-booking = Zo kunnen wij u bellen als er iets verandert.
field-national-number-optional = Uw rijksregisternummer (niet verplicht)
hint-national-number = Dan kunnen wij uw dossier vooraf klaarleggen. U vindt het op de achterkant van uw identiteitskaart, bijvoorbeeld 85.07.30-033.28.
booking-check-title = Kijk uw afspraak na
booking-check-what = Waarvoor
booking-check-when = Wanneer
booking-change-details = Uw gegevens wijzigen
booking-check-promise = Klopt alles? Bevestig dan uw afspraak. U kunt ze later nog verplaatsen of annuleren.
booking-confirm = Afspraak bevestigen
booking-manage-title = Uw afspraak
booking-confirmed-title = Uw afspraak is gemaakt
booking-confirmed-text = U krijgt een bevestiging per e-mail. Bewaar ook deze pagina of noteer uw afspraakcode. Aan de ticketzuil in het stadskantoor scant u de code of tikt u ze in.
booking-cancelled = Deze afspraak is geannuleerd.
booking-new = Een nieuwe afspraak maken
booking-code = Uw afspraakcode
booking-code-hint = Scan of tik deze code aan de ticketzuil als u aankomt.
booking-qr-label = QR-code van afspraakcode { $code }
booking-where = Waar
booking-follow-zone = Volg de letter { $zone } op de schermen.
booking-change-title = Uw afspraak beheren
booking-add-to-calendar = In uw agenda zetten (.ics)
booking-move = Uw afspraak verplaatsen
booking-cancel = Uw afspraak annuleren
booking-cancel-title = Wilt u uw afspraak annuleren?
booking-cancel-text = Uw tijd wordt dan meteen vrij voor iemand anders. U kunt daarna altijd een nieuwe afspraak maken.
booking-cancel-confirm = Ja, annuleer mijn afspraak
booking-calendar-summary = Afspraak { $site }: { $products }
booking-calendar-description = Uw afspraakcode is { $code }. Scan of tik ze aan de ticketzuil als u aankomt.
home-book-button = Maak een afspraak

## Mails over een afspraak
mail-greeting = Beste { $name },
mail-zone = zone { $zone }
mail-manage = Uw afspraak bekijken, verplaatsen of annuleren
mail-book-again = Een nieuwe afspraak maken
mail-regards = Met vriendelijke groeten,
mail-booked-subject = Uw afspraak bij { $site }: { $when }
mail-moved-subject = Uw afspraak bij { $site } is verplaatst: { $when }
mail-cancelled-subject = Uw afspraak bij { $site } is geannuleerd
mail-booked-intro = Uw afspraak is gemaakt. Aan de ticketzuil tikt of scant u uw afspraakcode. De afspraak in uw agenda zetten? Open het bijgevoegde bestand.
mail-moved-intro = Uw afspraak is verplaatst. Dit is uw nieuwe tijdstip.
mail-cancelled-intro = Uw afspraak is geannuleerd. Het tijdstip is weer vrij voor iemand anders.
mail-reminder-subject = Herinnering: uw afspraak bij { $site } is morgen, { $when }
mail-reminder-intro = Wij herinneren u aan uw afspraak van morgen.
mail-reminder-change = Kunt u niet komen? Annuleer dan via de link in uw bevestigingsmail of bel ons, zodat iemand anders uw tijd kan krijgen.

## Dagagenda voor medewerkers
agenda-title = Afspraken van de dag
agenda-intro = Wie wanneer komt per zone, wie er was en wie niet kwam.
agenda-show = Tonen
agenda-days = Dagen
agenda-previous-day = Vorige dag
agenda-next-day = Volgende dag
agenda-empty = Geen afspraken in deze zone op deze dag.
agenda-time = Uur
agenda-status = Stand
agenda-mark-no-show = { $name } is niet gekomen
status-booked = Geboekt
status-cancelled = Geannuleerd
status-checked-in = Aangemeld
status-served = Geholpen
status-no-show = Niet gekomen
error-limit-email = Met dit e-mailadres zijn al zoveel afspraken gemaakt als toegelaten. Hebt u er een niet meer nodig? Annuleer die eerst via de link in uw bevestigingsmail.
error-limit-national-number = Voor dit rijksregisternummer is deze dienst al geboekt. Wilt u een ander tijdstip? Verplaats dan de afspraak die u al hebt, via de link in uw bevestigingsmail.
