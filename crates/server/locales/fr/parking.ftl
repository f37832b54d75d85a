## Cartes de riverain
error-plate-empty = Indiquez la plaque d'immatriculation, par exemple 1-ABC-123.
error-plate-format = Ce n'est pas une plaque belge. Écrivez-la comme sur la voiture, par exemple 1-ABC-123.
