kiosk-restart = Opnieuw beginnen
kiosk-start-title = Welkom. Waarvoor komt u?
kiosk-start-lead = Tik op wat u nodig hebt. U krijgt een ticket met uw nummer.
kiosk-have-appointment = Ik heb een afspraak
kiosk-no-appointment = Geen afspraak? Kies wat u nodig hebt:
kiosk-choose-product = Tik op wat u nodig hebt.
kiosk-other-choice = Iets anders kiezen
kiosk-product-ticket = U krijgt een ticket
kiosk-product-appointment = Alleen op afspraak
kiosk-product-online = Via het e-loket
kiosk-product-reception = Aan het onthaal
kiosk-you-chose = U koos: { $product }
kiosk-reception-title = Ga naar het onthaal
kiosk-reception-text = Daar helpen we u meteen verder of roepen we een collega voor u op. U hebt geen ticket nodig.
kiosk-appointment-title = Hiervoor maakt u een afspraak
kiosk-appointment-text = Dit kan alleen op afspraak. Zo hoeft u niet te wachten.
kiosk-appointment-website = Maak een afspraak op de website:
kiosk-appointment-phone = Of bel ons:
kiosk-appointment-reception = Aan het onthaal kunnen we ook een afspraak voor u maken.
kiosk-online-title = Dit vraagt u online aan
kiosk-online-text = Dit vraagt u aan via het e-loket op de website:
kiosk-online-reception = Lukt het niet? Aan het onthaal helpen we u verder.
kiosk-closed-title = Het kantoor is nu gesloten
kiosk-closed-text = Op dit moment geven we geen tickets.
kiosk-closed-opens = We zijn weer open op { $day } om { $time }.
kiosk-check-in-title = Meld u aan voor uw afspraak
kiosk-check-in-label = Uw afspraakcode
kiosk-check-in-hint = De code staat in uw bevestiging, bijvoorbeeld K7M2XQ9. Typ de code of houd de QR-code onder de scanner.
kiosk-check-in-submit = Aanmelden
kiosk-check-in-refused = We kunnen u hier niet aanmelden
kiosk-check-in-reception = Ga naar het onthaal, dan helpen we u verder.
kiosk-check-in-empty = Vul uw afspraakcode in.
kiosk-check-in-unknown = We vinden geen afspraak met deze code voor vandaag. Kijk de code na.
kiosk-check-in-already = Deze afspraak is al aangemeld.
kiosk-check-in-too-early = U bent te vroeg voor uw afspraak. Aanmelden kan vanaf een halfuur voordien.
kiosk-check-in-too-late = Het aanmelden voor deze afspraak is voorbij.
kiosk-ticket-title = Ticket { $number }
kiosk-ticket-heading = Neem uw ticket
kiosk-ticket-lead = Neem plaats. Uw nummer verschijnt op het scherm als u aan de beurt bent.
kiosk-done = Klaar
kiosk-your-number = Uw nummer
kiosk-zone = Zone { $zone }
kiosk-counter = Loket
kiosk-queue = Voor u
kiosk-wait = Wachttijd
kiosk-wait-minutes = { $count ->
    [0] u bent zo aan de beurt
    [one] ongeveer 1 minuut
   *[other] ongeveer { $count } minuten
}
kiosk-wait-unknown = nog geen schatting
kiosk-ahead = { $count ->
    [0] u bent de volgende
    [one] nog 1 persoon
   *[other] nog { $count } personen
}
kiosk-qr-label = QR-code naar uw ticket op uw gsm
kiosk-qr-text = Scan de code en volg uw beurt op uw gsm.
kiosk-follow-screens = Volg uw nummer op de schermen.
kiosk-phone-wait = Even wachten
kiosk-phone-wait-text = Neem plaats. We roepen uw nummer af op de schermen.
kiosk-phone-go = Ga naar loket { $counter }
kiosk-phone-go-text = U bent aan de beurt.
kiosk-phone-serving = U wordt geholpen aan loket { $counter }
kiosk-phone-done = Klaar. Bedankt voor uw bezoek.
kiosk-phone-no-show = U was er niet toen we u riepen
kiosk-phone-transferred = U bent doorverwezen
kiosk-phone-cancelled = Dit ticket is geannuleerd
kiosk-phone-to-reception = Ga naar het onthaal, dan helpen we u verder.
kiosk-phone-refresh = Vernieuwen
kiosk-phone-live = Deze pagina verandert vanzelf.
kiosk-phone-unknown-title = Ticket niet gevonden
kiosk-phone-unknown = We vinden dit ticket niet. Een ticket geldt alleen op de dag zelf. Scan de code op uw ticket opnieuw of vraag het aan het onthaal.
kiosk-phone-website = Naar de website
