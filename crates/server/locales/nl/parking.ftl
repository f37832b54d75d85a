## Residents' parking cards
error-plate-empty = Vul de nummerplaat in, bijvoorbeeld 1-ABC-123.
error-plate-format = Dit is geen Belgische nummerplaat. Schrijf ze zoals op de auto, bijvoorbeeld 1-ABC-123.
