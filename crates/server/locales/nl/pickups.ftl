## Snelloket: documenten klaar om af te halen
fast-counter-title = Snelloket
fast-counter-task-text = Zoek een document dat klaar is, geef het af, registreer nieuwe documenten en stuur terug wat niemand afhaalde.
fast-counter-lead = Documenten die wachten op hun houder in { $site }, zone A.
fast-counter-sales = Verkoop
pickup-new-task-text = Registreer een document dat binnenkwam voor zijn houder, of de lijst van de dag.

pickup-document = Document
pickup-holder = Naam van de houder
pickup-national-number = Rijksregisternummer
pickup-code = Afhaalcode
pickup-registered = Geregistreerd
pickup-status = Status
pickup-action = Actie
pickup-status-ready = Klaar
pickup-status-picked-up = Afgehaald
pickup-status-returned = Teruggestuurd

pickup-search-label = Naam, afhaalcode of rijksregisternummer
pickup-search-hint = Een deel van de naam volstaat. Een rijksregisternummer mag punten en streepjes hebben.
pickup-search-button = Zoeken
pickup-search-none = Geen document gevonden voor “{ $query }”.
pickup-search-count = { $count ->
    [one] 1 document gevonden
   *[other] { $count } documenten gevonden
}
pickup-proxy = Afgehaald door een volmachthouder (volmacht gezien)
pickup-hand-over = Afgeven
pickup-handed-over = Afgegeven: { $document } aan { $holder }.
pickup-handed-over-proxy = Afgegeven: { $document } van { $holder }, aan een volmachthouder met volmacht.
pickup-refused-picked-up = Dit document is al afgehaald. Het kan geen tweede keer afgegeven worden.
pickup-refused-returned = Dit document is teruggestuurd omdat niemand het op tijd afhaalde. Het kan niet meer afgegeven worden.

pickup-new-title = Document registreren
pickup-new-lead = Er kwam een document binnen voor zijn houder. Loket geeft het een afhaalcode en laat de houder per e-mail of sms weten dat het klaar is.
pickup-choose-document = Kies het document
pickup-national-number-optional = Rijksregisternummer van de houder (niet verplicht)
pickup-national-number-hint = Om het document terug te vinden; nooit volledig getoond en nooit in het bericht aan de houder.
pickup-email = E-mailadres (niet verplicht)
pickup-email-hint = De houder krijgt op dit adres het bericht dat het document klaar is.
pickup-phone = Telefoonnummer van de houder (niet verplicht)
pickup-phone-hint = Zonder e-mailadres krijgt een gsm-nummer een sms; een vast nummer bewaren we zodat u de houder kunt bellen.
pickup-language = Taal van het bericht
pickup-register = Registreren
pickup-registered-title = Document geregistreerd
pickup-contact-mailed = De houder krijgt een e-mail op { $email } met de afhaalcode.
pickup-contact-phone = Geen e-mailadres en geen gsm-nummer: de houder krijgt geen bericht van Loket. Bel de houder op { $phone }.
pickup-contact-texted = De houder krijgt een sms op { $phone } met de afhaalcode.
pickup-contact-none = Geen e-mailadres of telefoonnummer: de houder krijgt geen bericht. Laat het de houder per brief weten.
pickup-error-product = Kies een document uit de lijst.
pickup-error-holder-name = Vul de naam van de houder in.
pickup-error-phone = Vul een telefoonnummer in, bijvoorbeeld 0470 12 34 56.
pickup-error-language = Kies Nederlands (nl), Frans (fr) of Engels (en).

pickup-import-title = Lijst van de dag importeren
pickup-import-lead = Laad de lijst van de documenten die vandaag binnenkwamen op als CSV-bestand. Elke regel wordt eerst gecontroleerd: is één regel fout, dan wordt niets geregistreerd en ziet u wat u moet verbeteren.
pickup-import-format = De eerste regel bevat de namen van de kolommen; scheid de kolommen met komma's of puntkomma's (zoals rekenbladen in België ze bewaren). Rijksregisternummer, e-mail en telefoon mogen leeg zijn; de taal is nl, fr of en.
pickup-import-file = CSV-bestand
pickup-import-file-hint = Bijvoorbeeld documenten-2026-12-03.csv
pickup-import-button = Importeren
pickup-import-errors-title = Er werd niets geregistreerd. Verbeter deze regels en laad het bestand opnieuw op:
pickup-import-line = Regel { $line }
pickup-import-error-header = De eerste regel moet zijn: product,holder_name,national_number,email,phone,language
pickup-import-error-line = Deze regel kan niet gelezen worden.
pickup-import-error-columns = Deze regel heeft geen 6 kolommen.
pickup-import-error-empty = Het bestand bevat geen documenten.
pickup-import-error-no-file = Kies een CSV-bestand om op te laden.
pickup-import-done = { $count ->
    [one] 1 document geregistreerd.
   *[other] { $count } documenten geregistreerd.
}
pickup-import-told = { $count ->
    [one] 1 houder krijgt een e-mail of sms.
   *[other] { $count } houders krijgen een e-mail of sms.
}
pickup-import-not-told = De houders zonder e-mailadres of gsm-nummer krijgen geen bericht van Loket: bel of schrijf hen zelf.
pickup-text-message = { $organisation }: uw document ligt klaar ({ $document }). Afhalen aan het snelloket van { $site }, { $address }, met code { $code } en uw identiteitskaart. Wie voor u afhaalt, brengt een volmacht mee. Na drie maanden wordt het teruggestuurd.

pickup-return-title = Terug te sturen documenten
pickup-return-lead = Documenten die niet binnen drie maanden werden afgehaald. Stuur ze terug (of vernietig de PIN- en PUK-codes) en duid ze hier aan.
pickup-return-none = Geen enkel document wacht al langer dan drie maanden.
pickup-return-count = { $count ->
    [one] 1 document terug te sturen
   *[other] { $count } documenten terug te sturen
}
pickup-return-button = Teruggestuurd
pickup-returned = Aangeduid als teruggestuurd: { $document } van { $holder }.

pickup-problem-picked-up = Dit document is al afgehaald.
pickup-problem-returned = Dit document is teruggestuurd; het kan niet meer afgegeven worden.

pickup-mail-subject = Klaar om af te halen: { $document } (afhaalcode { $code })
pickup-mail-intro = Dit document is klaar voor u: { $document }. U kunt het afhalen aan het snelloket van { $site }.
pickup-mail-where = Waar
pickup-mail-zone = snelloket, zone A, zonder afspraak
pickup-mail-hours = Openingsuren
pickup-mail-proxy = Kunt u niet zelf komen? Iemand anders kan het voor u afhalen met de volmacht die u ondertekende en de eigen identiteitskaart.
pickup-mail-return = Een document of PIN- en PUK-codes die niet binnen drie maanden worden afgehaald, worden teruggestuurd of vernietigd.
pickup-bring-identity = Uw identiteitskaart of een ander identiteitsdocument
pickup-bring-old-document = Het oude document dat door dit document vervangen wordt, als u het nog hebt
pickup-bring-pin-puk = De brief met uw PIN- en PUK-code, als u die kreeg

document-eid-aanvraag = Identiteitskaart (eID)
document-eid-afhalen = Identiteitskaart (eID)
document-kids-id-aanvraag = Kids-ID
document-reispas-aanvraag = Reispas
document-rijbewijs = Rijbewijs
document-rijbewijs-afhalen = Rijbewijs
document-voorlopig-rijbewijs = Voorlopig rijbewijs
document-buitenlands-rijbewijs = Belgisch rijbewijs (omgewisseld)
document-vreemdelingenkaart = Verblijfskaart
document-vreemdelingenkaart-afhalen = Verblijfskaart
document-pin-puk = PIN- en PUK-code
