# Loket — Nederlands (de standaardtaal). Spreek de burger aan met "u", in korte zinnen.

## Algemeen
skip-to-content = Naar de inhoud
demo-label = Demo.
demo-banner = Dit is een demonstratie van Loket met verzonnen gegevens. Alle demo-accounts hebben het wachtwoord "demo".
brand-subtitle = Stadskantoor
language-switcher = Taal kiezen
main-navigation = Hoofdmenu
nav-home = Start
nav-opening-hours = Openingsuren
nav-staff = Mijn werk
nav-admin = Beheer
nav-staff-login = Aanmelden voor medewerkers
nav-accessibility = Toegankelijkheid
signed-in-as = Aangemeld als { $name }
logout = Afmelden
footer-phone = Bel
breadcrumbs = Kruimelpad
error-back-home = Naar de startpagina
choose = Maak een keuze
none = Geen
save = Opslaan
cancel = Annuleren
yes = Ja
no = Nee
today = vandaag
closed = Gesloten

## Datums, uren en bedragen
date-long = { $weekday } { $day } { $month } { $year }
time = { $hour }.{ $minute } uur
hours-range = { $opens } tot { $closes }
minutes = { $count ->
    [one] { $count } minuut
   *[other] { $count } minuten
}
fee-free = Gratis
fee-unknown = Prijs aan het loket
weekday-1 = maandag
weekday-2 = dinsdag
weekday-3 = woensdag
weekday-4 = donderdag
weekday-5 = vrijdag
weekday-6 = zaterdag
weekday-7 = zondag
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

## Startpagina
home-title = Welkom
home-heading = Welkom bij { $site }
home-lead = Regel uw zaken met de stad: op afspraak, zonder afspraak aan het snelloket of meteen online.
home-all-hours = Alle openingsuren
today-open-until = Vandaag open tot { $time }.
closed-now-opens = Nu gesloten. Wij zijn weer open op { $day } om { $time }.
closed-now = Nu gesloten.
home-appointment-title = Op afspraak
home-appointment-text = Voor deze zaken maakt u een afspraak. Zo wacht u niet. Maak ze hier online of bel { $phone }.
home-fast-title = Zonder afspraak aan het snelloket (A)
home-fast-text = Een klaar document afhalen of iets kopen? Neem een ticket aan de ticketzuil en kom naar zone A.
home-online-title = Online via het e-loket
home-online-text = Vraag het aan van thuis uit. Attesten krijgt u meestal nog dezelfde dag in uw e-box.
home-reception-title = Via het onthaal
home-reception-text = Voor deze vragen helpt het onthaal u verder. Zo nodig komt een medewerker van de dienst naar beneden.

## Productpagina
product-fee = Prijs
product-duration = Duur aan het loket
product-zone = Zone
product-how = Hoe regelt u het?
product-how-appointment = Maak een afspraak, hier online of via { $phone }. Kom op het afgesproken uur en meld u aan bij de ticketzuil met uw afspraakcode.
product-how-fast-counter = U hebt geen afspraak nodig. Neem een ticket aan de ticketzuil en volg de letter A op de schermen.
product-how-on-call = Meld u aan bij het onthaal. Een medewerker van de dienst komt naar beneden en helpt u aan een loket of in een spreekruimte.
product-how-reception = Stel uw vraag aan het onthaal, vlak bij de ingang.
product-how-online = Vraag het online aan via het e-loket. U meldt zich aan met uw eID of itsme.
product-pickup-later = U haalt het document later af aan het snelloket (zone A). U krijgt een bericht zodra het klaar is.
product-bring = Wat brengt u mee?

## Openingsuren
hours-title = Openingsuren
hours-lead = Wanneer { $site } open is, ook 's avonds, en op welke dagen het gesloten is.
hours-counters = Loketten
hours-evening = avondopening
hours-appointment-note = Voor de meeste zaken maakt u vooraf een afspraak.
hours-phone = Telefoon
hours-phone-text = Bel { $phone } voor een afspraak of een vraag.
hours-closures = Sluitingsdagen
hours-no-closures = Er zijn geen sluitingsdagen gepland.
hours-date = Datum
hours-reason = Reden

## Feestdagen
holiday-new-year = Nieuwjaar
holiday-easter-monday = Paasmaandag
holiday-labour-day = Dag van de Arbeid
holiday-ascension = Onze-Lieve-Heer-Hemelvaart
holiday-whit-monday = Pinkstermaandag
holiday-national-day = Nationale feestdag
holiday-assumption = Onze-Lieve-Vrouw-Hemelvaart
holiday-all-saints = Allerheiligen
holiday-armistice = Wapenstilstand
holiday-christmas = Kerstmis

## Toegankelijkheid
accessibility-title = Toegankelijkheid
accessibility-lead = { $organisation } wil dat iedereen deze website kan gebruiken.
accessibility-status-title = Hoe toegankelijk is deze website?
accessibility-status = Deze website volgt de richtlijnen WCAG 2.1 op niveau AA. Elke pagina wordt bij elke nieuwe versie automatisch getest.
accessibility-how-title = Wat kunt u verwachten?
accessibility-how-keyboard = U kunt alles bedienen met het toetsenbord.
accessibility-how-zoom = U kunt inzoomen tot 200 % zonder dat er iets verloren gaat.
accessibility-how-colour = Kleur is nooit de enige aanwijzing: de zoneletter staat er altijd bij.
accessibility-how-test = Formulieren werken ook zonder JavaScript.
accessibility-contact-title = Loopt u toch vast?
accessibility-contact = Bel ons op { $phone }. Wij helpen u graag verder en passen de website aan.

## Foutpagina's
error-not-found-title = Pagina niet gevonden
error-not-found = Deze pagina bestaat niet (meer). Controleer het adres of ga naar de startpagina.
error-forbidden-title = Geen toegang
error-forbidden = U bent aangemeld, maar u hebt geen toegang tot deze pagina. Vraag het aan uw beheerder als u denkt dat dit niet klopt.
error-internal-title = Er ging iets mis
error-internal = Er ging iets mis bij ons. Probeer het over enkele minuten opnieuw.

## Aanmelden
login-title = Aanmelden voor medewerkers
login-lead = Meld u aan met uw gebruikersnaam en wachtwoord.
login-needed = Meld u eerst aan om deze pagina te zien.
login-submit = Aanmelden
login-demo-hint = Demo: meld u aan als admin, manager, onthaal, balie1 … balie6, backoffice1, telefoon of winkel1, met het wachtwoord demo.
field-username = Gebruikersnaam
field-password = Wachtwoord
error-login = De gebruikersnaam of het wachtwoord is niet juist.
error-too-many-attempts = U hebt het te vaak geprobeerd. Wacht { $seconds } seconden en probeer het opnieuw.

## Medewerkers
staff-title = Mijn werk
staff-welcome = Welkom, { $name }
staff-roles = Uw rollen: { $roles }.
staff-no-tasks = Voor uw rol zijn er hier nog geen taken.
role-admin = Beheerder
role-manager = Manager
role-reception = Onthaal
role-counter = Loketmedewerker
role-backoffice = Backoffice
role-telephonist = Telefonist
role-shop = Verkooppunt
channel-appointment = Op afspraak
channel-fast-counter = Snelloket zonder afspraak
channel-on-call = Loket op afroep via het onthaal
channel-reception = Aan het onthaal
channel-online = Online via het e-loket
staffing-fixed = Vaste loketten
staffing-on-call = Op afroep

## Beheer
admin-title = Beheer
admin-intro = Beheer de producten, de loketten en de medewerkers van het stadskantoor.
admin-products = Producten
admin-products-text = Namen, kanaal, duur, prijs, zone en rubriek op de ticketzuil.
admin-users = Medewerkers
admin-users-text = Accounts, rollen en diensten.
admin-audit = Laatste wijzigingen
admin-audit-when = Wanneer
admin-audit-who = Wie
admin-audit-what = Wat
admin-audit-subject = Waarop
admin-saved = De wijzigingen zijn opgeslagen.
admin-product-new = Nieuw product
admin-product-new-title = Nieuw product
admin-product-edit-title = { $name } wijzigen
admin-product-identity = Code en naam
admin-product-service = Dienstverlening
admin-product-texts = Uitleg voor de burger
admin-user-new = Nieuwe medewerker
admin-user-edit-title = Account { $name } wijzigen

## Formuliervelden
field-code = Code
hint-code = Kleine letters, cijfers en streepjes, bijvoorbeeld eid-aanvraag. De code staat in webadressen.
field-name = Naam
field-name-nl = Naam in het Nederlands
field-name-fr = Naam in het Frans
field-name-en = Naam in het Engels
field-department = Dienst
field-channel = Kanaal
hint-channel = Hoe de burger dit product krijgt.
field-zone = Zone
field-rubric = Rubriek op de ticketzuil
hint-rubric = De knop waaronder de burger dit product vindt.
field-minutes = Duur in minuten
hint-minutes = De gewone tijd aan het loket, tussen 1 en 480 minuten.
field-fee = Prijs in euro
hint-fee = Bijvoorbeeld 20,00. Laat leeg als de prijs niet vastligt.
field-online = Ook online aan te vragen
field-pickup-later = Het document wordt later afgehaald
field-description-nl = Uitleg in het Nederlands
field-description-fr = Uitleg in het Frans
field-description-en = Uitleg in het Engels
field-bring-nl = Mee te brengen, in het Nederlands
field-bring-fr = Mee te brengen, in het Frans
field-bring-en = Mee te brengen, in het Engels
hint-bring = Eén ding per regel.
field-display-name = Naam
field-roles = Rollen
field-departments = Diensten
hint-departments = Voor medewerkers van de backoffice: de diensten waarvoor zij op afroep komen.
field-active = Actief
field-active-long = Dit account mag zich aanmelden
hint-username = Kleine letters, cijfers, punten of streepjes, bijvoorbeeld jan.peeters.
field-new-password = Nieuw wachtwoord
hint-new-password = Laat leeg om het wachtwoord te houden. Een nieuw wachtwoord heeft minstens { $count } tekens.
hint-password = Minstens { $count } tekens.

## Foutmeldingen bij formulieren
error-summary-title = Er is een probleem
error-prefix = Fout:
error-required = Vul dit veld in.
error-code = Vul een code in met kleine letters, cijfers en streepjes, bijvoorbeeld eid-aanvraag.
error-code-taken = Deze code is al in gebruik. Kies een andere code.
error-name = Vul een naam in van hoogstens 120 tekens.
error-department = Kies een dienst uit de lijst.
error-zone-letter = Kies een zone uit de lijst.
error-zone-needed = Kies een zone: dit product wordt aan een loket geholpen.
error-channel = Kies een kanaal uit de lijst.
error-minutes = Vul een duur in van 1 tot 480 minuten, bijvoorbeeld 10.
error-fee = Vul een bedrag in euro in, bijvoorbeeld 20,00, of laat het veld leeg.
error-rubric = Kies een rubriek uit de lijst.
error-username = Vul een gebruikersnaam in van 2 tot 40 kleine letters, cijfers, punten of streepjes.
error-username-taken = Deze gebruikersnaam is al in gebruik. Kies een andere.
error-display-name = Vul een naam in van hoogstens 80 tekens.
error-roles = Kies minstens één rol.
error-password = Kies een wachtwoord van minstens 10 tekens.
error-json = Stuur een geldig JSON-object.
national-number-empty = Vul uw rijksregisternummer in.
national-number-length = Een rijksregisternummer heeft 11 cijfers, bijvoorbeeld 85.07.30-033.28.
national-number-digits = Een rijksregisternummer bestaat alleen uit cijfers, eventueel met punten en een streepje.
national-number-check = Dit rijksregisternummer klopt niet. Controleer de cijfers op uw identiteitskaart.
hours-invalid-range = Het einduur moet na het beginuur liggen.
hours-overlap = De uren overlappen elkaar.
hours-invalid-time = Vul een uur in zoals 09:00 of 16:30.
closing-rule-invalid = Deze regel voor een sluitingsdag begrijpen wij niet.

## API-fouten
problem-invalid = Ongeldige invoer
problem-invalid-detail = Een of meer velden zijn niet juist ingevuld.
problem-unauthorized = Niet aangemeld
problem-unauthorized-detail = Meld u aan met een geldig token.
problem-forbidden = Geen toegang
problem-forbidden-detail = Uw rol geeft geen toegang tot deze handeling.
problem-not-found = Niet gevonden
problem-not-found-detail = Dit bestaat niet.
problem-conflict = Conflict
problem-conflict-detail = Dit botst met wat er al is.
problem-rate-limited = Te veel verzoeken
problem-internal = Interne fout
problem-internal-detail = Er ging iets mis. Probeer het later opnieuw.
admin-departments = Diensten
admin-departments-text = De diensten van de stad en of ze vaste loketten hebben of op afroep komen.
admin-sites = Vestigingen
admin-sites-text = Zones, loketten, spreekruimtes, openingsuren en sluitingsdagen.
