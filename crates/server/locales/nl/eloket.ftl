## Het e-loket: aanmelden als burger, bewonerskaarten
error-demo-resident = Deze persoon staat niet in het register van de demo. Kies een van de demo-inwoners.
error-plate-empty = Vul de nummerplaat in, bijvoorbeeld 1-ABC-123.
error-plate-format = Dit is geen Belgische nummerplaat. Schrijf ze zoals op de auto, bijvoorbeeld 1-ABC-123.
