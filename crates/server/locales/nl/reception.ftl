## Onthaal: de vloer in één oogopslag en wat het onthaal voor een bezoeker doet
reception-title = Onthaal
reception-task-text = De hele vloer live, een ticket geven, een vraag noteren, een afspraak inchecken en een dienst op afroep oproepen.
reception-zones = Wie wacht er
reception-zone = Zone
reception-waiting = Wachtend
reception-longest = Langst wachtend
reception-open = Open
reception-paused = Pauze
reception-empty = Leeg
reception-counters = Loketten
reception-counter-open = Open
reception-counter-paused = Pauze
reception-counter-empty = Niet bemand
reception-counter-ticket = Bedient { $number }
reception-on-call = Loket op afroep
reception-on-call-none = Niemand wacht op een dienst op afroep.
reception-on-call-ticket = Ticket
reception-on-call-for = Voor
reception-on-call-since = Opgeroepen sinds
reception-on-call-status = Stand
reception-on-call-overdue = Niemand nam aan: opnieuw gemeld
reception-back-office = Backoffice
reception-back-office-nobody = Niemand van deze dienst heeft een account.
reception-ticket-title = Ticket geven
reception-ticket-product = Waarvoor komt de bezoeker?
reception-choose = Kies een dienst
reception-ticket-give = Ticket geven
reception-summon-title = Loket op afroep
reception-summon-hint = Voor bouwen, milieu en welzijn: roep een medewerker uit de backoffice op.
reception-summon = Medewerker oproepen
reception-question-title = Vraag beantwoord
reception-question-subject = Waarover ging de vraag?
reception-question-note = Vraag noteren
reception-questions-today = { $count ->
    [0] Vandaag nog geen vragen genoteerd.
    [one] Vandaag 1 vraag genoteerd.
   *[other] Vandaag { $count } vragen genoteerd.
}
reception-question-noted = Genoteerd: een vraag over { $subject }.
reception-appointment-title = Te vroeg of te laat voor een afspraak
reception-appointment-find = Afspraak zoeken
reception-appointment-hint = De afspraakcode, een naam, e-mailadres of telefoonnummer.
reception-appointment-search = Zoeken
reception-back = Terug naar het onthaal
reception-ticket-given = Ticket { $number } gegeven
reception-ticket-appointment = Ingecheckt voor afspraak { $code }.
reception-ticket-lead = Druk het ticket af of laat de bezoeker de QR-code scannen om het ticket op de gsm te volgen.
reception-print = Ticket afdrukken
reception-check-in-title = Aanmelden aan het onthaal
reception-check-in-hint = Voor wie vandaag te vroeg of te laat is voor de zuil. Wie te laat is, wacht zoals wie zonder afspraak komt.
reception-check-in = Nu aanmelden en ticket geven
reception-check-in-already = Deze afspraak is al aangemeld.
reception-check-in-not-today = Deze afspraak is niet vandaag. Verplaats ze naar een ander moment.
reception-check-in-closed = Het stadskantoor is nu gesloten; aanmelden kan niet.
error-reception-product = Kies een dienst uit de lijst.
error-reception-closed = Het stadskantoor is nu gesloten: er worden geen tickets gegeven.
error-check-in-not-today = Deze afspraak is niet vandaag.
