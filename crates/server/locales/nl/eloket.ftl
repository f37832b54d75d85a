## Het e-loket: aanmelden als burger, bewonerskaarten
error-demo-resident = Deze persoon staat niet in het register van de demo. Kies een van de demo-inwoners.
error-plate-empty = Vul de nummerplaat in, bijvoorbeeld 1-ABC-123.
error-plate-format = Dit is geen Belgische nummerplaat. Schrijf ze zoals op de auto, bijvoorbeeld 1-ABC-123.

## Wat men aan het e-loket kan aanvragen
request-type-attest-woonst = Attest van woonst
request-type-attest-gezinssamenstelling = Attest van gezinssamenstelling
request-type-attest-leven = Attest van leven
request-type-attest-nationaliteit = Attest van nationaliteit
request-type-uittreksel-bevolkingsregister = Uittreksel uit het bevolkingsregister
request-type-adreswijziging = Adreswijziging
request-type-bewonerskaart = Bewonerskaart

## Berichten in het e-loket
ebox-document-delivered-subject = Uw { $type } staat klaar
ebox-document-delivered-body = U vroeg een { $type } aan. Het document staat hieronder, klaar om te downloaden. Het draagt een verificatiecode: wie het van u krijgt, kan nagaan of het echt is.
ebox-mail-subject = Nieuw bericht in uw e-loket van { $organisation }
ebox-mail-greeting = Beste,
ebox-mail-text = Er wacht een nieuw bericht in uw e-loket van { $organisation }.
ebox-mail-how = Meld u aan om het te lezen:
ebox-mail-why = Om uw privacy te beschermen staat in deze e-mail niets over de inhoud van het bericht.

## Aanmelden en de startpagina van het e-loket
nav-eloket = E-loket
eloket-title = Mijn e-loket
eloket-sign-in-title = Aanmelden bij het e-loket
eloket-sign-in-needed = Meld u aan om uw e-loket te openen.
eloket-sign-in-lead = Vraag attesten aan, geef een adreswijziging door of vraag een bewonerskaart aan, van thuis uit. Attesten staan meteen in uw e-loket.
eloket-sign-in-unavailable = Aanmelden bij het e-loket is hier nog niet ingesteld. Bel ons of kom langs aan het loket.
eloket-demo-title = Aanmelden als demo-inwoner
eloket-demo-lead = Dit is een demo. Kies een van de verzonnen inwoners van Leuven en bekijk het e-loket zoals die inwoner het ziet. Niemand van hen bestaat echt.
eloket-demo-resident = Demo-inwoner
eloket-demo-pick = Kies een inwoner
eloket-demo-choose = Kies een van de demo-inwoners uit de lijst.
eloket-demo-submit = Aanmelden als deze inwoner
eloket-sign-out = Afmelden bij het e-loket
eloket-welcome = Dag { $name }
eloket-registered-at = U woont volgens het bevolkingsregister in { $address }.
eloket-what-title = Wat wilt u doen?
eloket-certificates-title = Een attest aanvragen
eloket-certificates-text = Attest van woonst, gezinssamenstelling, leven, nationaliteit of een uittreksel: meteen in uw e-loket.
eloket-requests-title = Uw aanvragen
eloket-requests-none = U hebt nog niets aangevraagd.
eloket-request-what = Aanvraag
eloket-request-date = Datum
eloket-request-status = Stand van zaken
eloket-back = Terug naar mijn e-loket
request-status-delivered = In uw e-loket
request-status-submitted = Ingediend, wordt nagekeken
request-status-approved = Goedgekeurd
request-status-refused = Geweigerd
request-status-awaiting-payment = Wacht op betaling
request-status-issued = Uitgereikt
request-status-cancelled = Ingetrokken

## Een attest aanvragen
eloket-certificates-lead = Kies het attest dat u nodig hebt. Het wordt meteen gemaakt en staat binnen enkele seconden in uw e-loket.
eloket-certificate-which = Welk attest hebt u nodig?
eloket-certificate-choose = Kies welk attest u nodig hebt.
eloket-certificates-dutch = Attesten zijn in het Nederlands, de bestuurstaal van de stad.
eloket-certificates-submit = Attest aanvragen

## Het e-loket: berichten
ebox-title = Berichten en documenten
ebox-empty = Er staan nog geen berichten in uw e-loket.
ebox-unread = { $count ->
    [one] { $count } nieuw
   *[other] { $count } nieuw
}
ebox-unread-lead = { $count ->
    [0] U hebt alle berichten gelezen.
    [one] U hebt { $count } nieuw bericht.
   *[other] U hebt { $count } nieuwe berichten.
}
ebox-new = Nieuw
ebox-has-document = Met document
ebox-back = Terug naar uw berichten
ebox-received = Ontvangen op { $when }
ebox-document = Document
ebox-download = Document downloaden
error-request-type = Kies wat u aanvraagt: een van de soorten uit /api/v1/eloket/request-types.

## Een attest voor een bezoeker aan het loket
eloket-counter-title = Attest voor een bezoeker
eloket-counter-task = Maak een attest uit het bevolkingsregister voor wie aan uw loket staat.
eloket-counter-lead = Lees het rijksregisternummer van de identiteitskaart van de bezoeker en kies het attest. Het wordt meteen gemaakt en staat ook in het e-loket van de bezoeker.
eloket-counter-number = Rijksregisternummer van de bezoeker
eloket-counter-number-hint = Op de achterkant van de identiteitskaart, bijvoorbeeld 85.07.30-033.28.
eloket-counter-not-registered = Deze persoon staat niet in het bevolkingsregister van de stad. Controleer het nummer op de identiteitskaart.
eloket-counter-submit = Attest maken
eloket-counter-issued-title = Het attest is gemaakt
eloket-counter-holder = Over
eloket-counter-also-ebox = Het attest staat ook in het e-loket van de bezoeker.
eloket-counter-open = Attest openen om af te drukken
eloket-counter-another = Nog een attest maken
