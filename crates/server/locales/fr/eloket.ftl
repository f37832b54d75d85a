## L'e-guichet : connexion du citoyen, cartes de riverain
error-demo-resident = Cette personne ne figure pas dans le registre de la démo. Choisissez un des habitants de la démo.
error-plate-empty = Indiquez la plaque d'immatriculation, par exemple 1-ABC-123.
error-plate-format = Ce n'est pas une plaque belge. Écrivez-la comme sur la voiture, par exemple 1-ABC-123.

## Ce que l'on peut demander à l'e-guichet
request-type-attest-woonst = Certificat de résidence
request-type-attest-gezinssamenstelling = Certificat de composition de ménage
request-type-attest-leven = Certificat de vie
request-type-attest-nationaliteit = Certificat de nationalité
request-type-uittreksel-bevolkingsregister = Extrait du registre de la population
request-type-adreswijziging = Changement d'adresse
request-type-bewonerskaart = Carte de riverain

## Messages de l'e-guichet
ebox-document-delivered-subject = Votre document « { $type } » est prêt
ebox-document-delivered-body = Vous avez demandé le document « { $type } ». Le document est ci-dessous, prêt à être téléchargé. Il porte un code de vérification : la personne à qui vous le remettez peut vérifier qu'il est authentique. Le document est rédigé en néerlandais, la langue administrative de la ville.
ebox-mail-subject = Nouveau message dans votre e-guichet de { $organisation }
ebox-mail-greeting = Bonjour,
ebox-mail-text = Un nouveau message vous attend dans votre e-guichet de { $organisation }.
ebox-mail-how = Connectez-vous pour le lire :
ebox-mail-why = Pour protéger votre vie privée, cet e-mail ne dit rien du contenu du message.

## Connexion et page d'accueil de l'e-guichet
nav-eloket = E-guichet
eloket-title = Mon e-guichet
eloket-sign-in-title = Se connecter à l'e-guichet
eloket-sign-in-needed = Connectez-vous pour ouvrir votre e-guichet.
eloket-sign-in-lead = Demandez des certificats, déclarez un changement d'adresse ou demandez une carte de riverain depuis chez vous. Les certificats arrivent aussitôt dans votre e-guichet.
eloket-sign-in-unavailable = La connexion à l'e-guichet n'est pas encore configurée ici. Appelez-nous ou passez au guichet.
eloket-demo-title = Se connecter comme habitant de démo
eloket-demo-lead = Ceci est une démo. Choisissez un des habitants inventés de Louvain et voyez l'e-guichet comme il le voit. Aucun d'eux n'existe vraiment.
eloket-demo-resident = Habitant de démo
eloket-demo-pick = Choisissez un habitant
eloket-demo-choose = Choisissez un des habitants de démo dans la liste.
eloket-demo-submit = Se connecter comme cet habitant
eloket-sign-out = Se déconnecter de l'e-guichet
eloket-welcome = Bonjour { $name }
eloket-registered-at = Selon le registre de la population, vous habitez { $address }.
eloket-what-title = Que voulez-vous faire ?
eloket-certificates-title = Demander un certificat
eloket-certificates-text = Certificat de résidence, de composition de ménage, de vie, de nationalité ou un extrait : aussitôt dans votre e-guichet.
eloket-requests-title = Vos demandes
eloket-requests-none = Vous n'avez encore rien demandé.
eloket-request-what = Demande
eloket-request-date = Date
eloket-request-status = État
eloket-back = Retour à mon e-guichet
request-status-delivered = Dans votre e-guichet
request-status-submitted = Introduite, en cours d'examen
request-status-approved = Approuvée
request-status-refused = Refusée
request-status-awaiting-payment = En attente de paiement
request-status-issued = Délivrée
request-status-cancelled = Retirée

## Demander un certificat
eloket-certificates-lead = Choisissez le certificat dont vous avez besoin. Il est établi aussitôt et arrive en quelques secondes dans votre e-guichet.
eloket-certificate-which = De quel certificat avez-vous besoin ?
eloket-certificate-choose = Choisissez le certificat dont vous avez besoin.
eloket-certificates-dutch = Les certificats sont rédigés en néerlandais, la langue administrative de la ville.
eloket-certificates-submit = Demander le certificat

## L'e-guichet : messages
ebox-title = Messages et documents
ebox-empty = Il n'y a pas encore de message dans votre e-guichet.
ebox-unread = { $count ->
    [one] { $count } nouveau
   *[other] { $count } nouveaux
}
ebox-unread-lead = { $count ->
    [0] Vous avez lu tous vos messages.
    [one] Vous avez { $count } nouveau message.
   *[other] Vous avez { $count } nouveaux messages.
}
ebox-new = Nouveau
ebox-has-document = Avec document
ebox-back = Retour à vos messages
ebox-received = Reçu le { $when }
ebox-document = Document
ebox-download = Télécharger le document
error-request-type = Choisissez ce que vous demandez : un des types de /api/v1/eloket/request-types.

## Un certificat pour un visiteur au guichet
eloket-counter-title = Certificat pour un visiteur
eloket-counter-task = Établissez un certificat du registre de la population pour la personne à votre guichet.
eloket-counter-lead = Lisez le numéro de registre national sur la carte d'identité du visiteur et choisissez le certificat. Il est établi aussitôt et arrive aussi dans l'e-guichet du visiteur.
eloket-counter-number = Numéro de registre national du visiteur
eloket-counter-number-hint = Au dos de la carte d'identité, par exemple 85.07.30-033.28.
eloket-counter-not-registered = Cette personne n'est pas inscrite au registre de la population de la ville. Vérifiez le numéro sur la carte d'identité.
eloket-counter-submit = Établir le certificat
eloket-counter-issued-title = Le certificat est établi
eloket-counter-holder = Concerne
eloket-counter-also-ebox = Le certificat est aussi dans l'e-guichet du visiteur.
eloket-counter-open = Ouvrir le certificat pour l'imprimer
eloket-counter-another = Établir un autre certificat
