## Guichet rapide : documents prêts à être retirés
fast-counter-title = Guichet rapide
fast-counter-task-text = Trouvez un document prêt, remettez-le, enregistrez les nouveaux documents et renvoyez ceux que personne n'a retirés.
fast-counter-lead = Documents qui attendent leur titulaire à { $site }, zone A.
fast-counter-sales = Ventes
pickup-new-task-text = Enregistrez un document arrivé pour son titulaire, ou la liste du jour.

pickup-document = Document
pickup-holder = Nom du titulaire
pickup-national-number = Numéro de registre national
pickup-code = Code de retrait
pickup-registered = Enregistré
pickup-status = Statut
pickup-action = Action
pickup-status-ready = Prêt
pickup-status-picked-up = Retiré
pickup-status-returned = Renvoyé

pickup-search-label = Nom, code de retrait ou numéro de registre national
pickup-search-hint = Une partie du nom suffit. Un numéro de registre national peut contenir des points et des tirets.
pickup-search-button = Rechercher
pickup-search-none = Aucun document trouvé pour « { $query } ».
pickup-search-count = { $count ->
    [one] 1 document trouvé
   *[other] { $count } documents trouvés
}
pickup-proxy = Retiré par un mandataire (procuration vue)
pickup-hand-over = Remettre
pickup-handed-over = Remis : { $document } à { $holder }.
pickup-handed-over-proxy = Remis : { $document } de { $holder }, à un mandataire avec procuration.
pickup-refused-picked-up = Ce document a déjà été retiré. Il ne peut pas être remis une deuxième fois.
pickup-refused-returned = Ce document a été renvoyé parce que personne ne l'a retiré à temps. Il ne peut plus être remis.

pickup-new-title = Enregistrer un document
pickup-new-lead = Un document est arrivé pour son titulaire. Loket lui donne un code de retrait et prévient le titulaire par e-mail ou SMS qu'il est prêt.
pickup-choose-document = Choisissez le document
pickup-national-number-optional = Numéro de registre national du titulaire (facultatif)
pickup-national-number-hint = Pour retrouver le document ; jamais affiché en entier ni repris dans le message au titulaire.
pickup-email = Adresse e-mail (facultatif)
pickup-email-hint = Le titulaire reçoit à cette adresse le message que le document est prêt.
pickup-phone = Numéro de téléphone du titulaire (facultatif)
pickup-phone-hint = Sans adresse e-mail, un numéro de GSM reçoit un SMS ; un numéro fixe est conservé pour que vous puissiez appeler le titulaire.
pickup-language = Langue du message
pickup-register = Enregistrer
pickup-registered-title = Document enregistré
pickup-contact-mailed = Le titulaire reçoit un e-mail à { $email } avec le code de retrait.
pickup-contact-phone = Pas d'adresse e-mail ni de numéro de GSM : le titulaire ne reçoit aucun message de Loket. Appelez le titulaire au { $phone }.
pickup-contact-texted = Le titulaire reçoit un SMS au { $phone } avec le code de retrait.
pickup-contact-none = Pas d'adresse e-mail ni de numéro de téléphone : le titulaire ne reçoit aucun message. Prévenez-le par courrier.
pickup-error-product = Choisissez un document dans la liste.
pickup-error-holder-name = Indiquez le nom du titulaire.
pickup-error-phone = Indiquez un numéro de téléphone, par exemple 0470 12 34 56.
pickup-error-language = Choisissez néerlandais (nl), français (fr) ou anglais (en).

pickup-import-title = Importer la liste du jour
pickup-import-lead = Chargez la liste des documents arrivés aujourd'hui sous forme de fichier CSV. Chaque ligne est d'abord vérifiée : si une ligne est incorrecte, rien n'est enregistré et vous voyez ce qu'il faut corriger.
pickup-import-format = La première ligne contient les noms des colonnes ; séparez les colonnes par des virgules ou des points-virgules (comme les tableurs belges les enregistrent). Numéro de registre national, e-mail et téléphone peuvent être vides ; la langue est nl, fr ou en.
pickup-import-file = Fichier CSV
pickup-import-file-hint = Par exemple documents-2026-12-03.csv
pickup-import-button = Importer
pickup-import-errors-title = Rien n'a été enregistré. Corrigez ces lignes et chargez à nouveau le fichier :
pickup-import-line = Ligne { $line }
pickup-import-error-header = La première ligne doit être : product,holder_name,national_number,email,phone,language
pickup-import-error-line = Cette ligne ne peut pas être lue.
pickup-import-error-columns = Cette ligne n'a pas 6 colonnes.
pickup-import-error-empty = Le fichier ne contient aucun document.
pickup-import-error-no-file = Choisissez un fichier CSV à charger.
pickup-import-done = { $count ->
    [one] 1 document enregistré.
   *[other] { $count } documents enregistrés.
}
pickup-import-told = { $count ->
    [one] 1 titulaire reçoit un e-mail ou un SMS.
   *[other] { $count } titulaires reçoivent un e-mail ou un SMS.
}
pickup-import-not-told = Les titulaires sans adresse e-mail ni numéro de GSM ne reçoivent aucun message de Loket : appelez-les ou écrivez-leur vous-même.
pickup-text-message = { $organisation } : votre document est prêt ({ $document }). À retirer au guichet rapide de { $site }, { $address }, avec le code { $code } et votre carte d'identité. Qui le retire pour vous apporte une procuration. Après trois mois, il est renvoyé.

pickup-return-title = Documents à renvoyer
pickup-return-lead = Documents non retirés dans les trois mois. Renvoyez-les (ou détruisez les codes PIN et PUK) et indiquez-le ici.
pickup-return-none = Aucun document n'attend depuis plus de trois mois.
pickup-return-count = { $count ->
    [one] 1 document à renvoyer
   *[other] { $count } documents à renvoyer
}
pickup-return-button = Renvoyé
pickup-returned = Indiqué comme renvoyé : { $document } de { $holder }.

pickup-problem-picked-up = Ce document a déjà été retiré.
pickup-problem-returned = Ce document a été renvoyé ; il ne peut plus être remis.

pickup-mail-subject = Prêt à être retiré : { $document } (code de retrait { $code })
pickup-mail-intro = Ce document est prêt pour vous : { $document }. Vous pouvez le retirer au guichet rapide de { $site }.
pickup-mail-where = Où
pickup-mail-zone = guichet rapide, zone A, sans rendez-vous
pickup-mail-hours = Heures d'ouverture
pickup-mail-proxy = Vous ne pouvez pas venir vous-même ? Une autre personne peut le retirer pour vous avec la procuration que vous avez signée et sa propre carte d'identité.
pickup-mail-return = Un document ou des codes PIN et PUK non retirés dans les trois mois sont renvoyés ou détruits.
pickup-bring-identity = Votre carte d'identité ou un autre document d'identité
pickup-bring-old-document = L'ancien document que celui-ci remplace, si vous l'avez encore
pickup-bring-pin-puk = La lettre avec vos codes PIN et PUK, si vous l'avez reçue

document-eid-aanvraag = Carte d'identité (eID)
document-eid-afhalen = Carte d'identité (eID)
document-kids-id-aanvraag = Kids-ID
document-reispas-aanvraag = Passeport
document-rijbewijs = Permis de conduire
document-rijbewijs-afhalen = Permis de conduire
document-voorlopig-rijbewijs = Permis de conduire provisoire
document-buitenlands-rijbewijs = Permis de conduire belge (échangé)
document-vreemdelingenkaart = Carte de séjour
document-vreemdelingenkaart-afhalen = Carte de séjour
document-pin-puk = Codes PIN et PUK
