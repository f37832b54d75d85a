## L'e-guichet : connexion du citoyen, cartes de riverain
error-demo-resident = Cette personne ne figure pas dans le registre de la démo. Choisissez un des habitants de la démo.
error-plate-empty = Indiquez la plaque d'immatriculation, par exemple 1-ABC-123.
error-plate-format = Ce n'est pas une plaque belge. Écrivez-la comme sur la voiture, par exemple 1-ABC-123.
