counter-title = Loket
counter-task-text = Neem plaats aan een loket, roep de volgende burger op en registreer wat u deed.
counter-choose = Kies het loket waaraan u werkt in { $site }.
counter-at = Loket { $counter }
counter-sign-in-at = Werk aan loket { $counter }
counter-taken-by = Bezet door { $name }
counter-state-open = Open
counter-state-paused = Gepauzeerd
counter-pause = Pauzeren
counter-resume = Verder werken
counter-sign-out = Loket verlaten
counter-paused-hint = Uw loket is gepauzeerd: er wordt niemand naar u geroepen. Kies "Verder werken" om weer op te roepen.
counter-current = Aan uw loket
counter-no-current = Er staat niemand aan uw loket.
counter-call-next = Volgende oproepen
counter-called-at = Opgeroepen om { $time }
counter-serving = In behandeling
counter-start = Behandeling starten
counter-recall = Opnieuw oproepen
counter-recalls-left = { $count ->
    [0] U kunt niet meer opnieuw oproepen. Is de burger niet gekomen, kies dan "Niet gekomen".
    [one] U kunt nog 1 keer opnieuw oproepen.
   *[other] U kunt nog { $count } keer opnieuw oproepen.
}
counter-no-show = Niet gekomen
counter-transactions = Verrichtingen die u deed
counter-finish = Afronden
counter-transfer-to = Doorverwijzen naar
counter-transfer = Doorverwijzen
counter-waiting = { $count ->
    [0] Niemand wacht
    [one] 1 wachtende voor dit loket
   *[other] { $count } wachtenden voor dit loket
}
counter-nobody-waiting = Er wacht niemand voor wat dit loket doet.
counter-number = Nummer
counter-product = Voor
counter-waited = Wacht al
counter-minutes = { $count ->
    [one] 1 minuut
   *[other] { $count } minuten
}
counter-appointment-at = Afspraak om { $time }
counter-open-screen = Het wachtzaalscherm openen
counter-done-signed-in = U werkt nu aan dit loket.
counter-done-paused = Uw loket is gepauzeerd.
counter-done-resumed = Uw loket is weer open.
counter-done-signed-out = U hebt het loket verlaten.
counter-done-called = { $number } is opgeroepen.
counter-done-recalled = { $number } is opnieuw opgeroepen.
counter-done-started = De behandeling van { $number } is gestart.
counter-done-no-show = { $number } is als niet gekomen genoteerd.
counter-done-finished = { $number } is afgerond met { $count ->
    [one] 1 verrichting
   *[other] { $count } verrichtingen
}.
counter-done-transferred = Doorverwezen: het nieuwe nummer is { $number }.
counter-error-taken = Aan loket { $counter } werkt al een collega. Kies een ander loket.
counter-error-state = Dat kan nu niet: het ticket is intussen verder behandeld, u kunt het niet meer opnieuw oproepen, of uw loket is niet open.
counter-error-not-found = Dat loket, ticket of product bestaat niet.
counter-error-no-transactions = Vink minstens één verrichting aan die u deed.
counter-transfer-choose = Kies een product
