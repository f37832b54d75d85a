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
