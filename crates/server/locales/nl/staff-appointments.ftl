staff-book-title = Afspraak maken voor een burger
staff-book-intro = Boek een vrije tijd voor wie belt of aan de balie staat, met dezelfde regels als op de website.
staff-book-note = U boekt voor een burger aan de telefoon of de balie. De burger krijgt een bevestiging als u een e-mailadres ingeeft.
staff-book-soon = Ook tijden binnen de komende twee uur tonen
staff-book-soon-hint = Op de website kan een burger pas boeken vanaf twee uur later. U mag die termijn overslaan, bijvoorbeeld voor iemand die al onderweg is.
staff-field-name = Naam van de burger
staff-field-email = E-mailadres van de burger (niet verplicht)
staff-hint-email = Met een e-mailadres krijgt de burger de bevestiging, een herinnering en een link om zelf te verplaatsen of te annuleren.
staff-field-phone = Telefoonnummer van de burger (niet verplicht)
staff-field-locale = Taal van de burger
staff-find-title = Afspraak opzoeken
staff-find-intro = Zoek een afspraak op code, e-mailadres, telefoonnummer of naam, en verplaats of annuleer ze voor de burger.
staff-find-label = Code, e-mailadres, telefoonnummer of naam
staff-find-hint = U vindt de afspraken van vandaag en later. Van een naam volstaat een deel, bijvoorbeeld de familienaam.
staff-find-button = Zoeken
staff-find-none = Geen afspraken gevonden voor „{ $query }”.
staff-find-count = { $count ->
    [one] 1 afspraak gevonden
   *[other] { $count } afspraken gevonden
}
staff-appointment-title = Afspraak { $code }
staff-booked-title = De afspraak is gemaakt
staff-booked-text = Geef de burger de afspraakcode en het tijdstip door. Met de code haalt de burger een ticket aan de ticketzuil.
staff-code-hint = De burger tikt deze code in aan de ticketzuil.
staff-change-title = Wijzigen
staff-move = Afspraak verplaatsen
staff-cancel = Afspraak annuleren
staff-cancel-title = Deze afspraak annuleren?
staff-cancel-text = De tijd wordt meteen vrij voor iemand anders. Heeft de burger een e-mailadres, dan krijgt die een bericht van de annulering.
staff-cancel-confirm = Ja, annuleer deze afspraak
staff-field-national-number = Rijksregisternummer van de burger (niet verplicht)
staff-phone = Telefoonnummer
staff-national-number = Rijksregisternummer
staff-bring = Wat brengt de burger mee?
error-limit-email-staff = Met dit e-mailadres zijn al zoveel afspraken gemaakt als toegelaten. Zoek de afspraken van de burger op en annuleer of verplaats er een.
error-limit-national-number-staff = Voor dit rijksregisternummer is deze dienst al geboekt. Zoek die afspraak op en verplaats ze als de burger een ander tijdstip wil.
staff-move-soon = Afspraak verplaatsen, ook naar een tijd binnen de komende twee uur
