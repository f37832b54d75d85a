# Administration of the kiosk's rubrics.
admin-rubrics = Rubriques de la borne
admin-rubrics-text = Les grands boutons de la borne à l'entrée : leurs noms et leur ordre.
admin-rubrics-intro = La borne montre les rubriques dans cet ordre. Une rubrique sans produits n'apparaît pas sur la borne.
admin-rubric-new = Nouvelle rubrique
admin-rubric-edit-title = Modifier la rubrique { $name }
admin-rubric-place = Place
admin-rubric-products = Produits
admin-rubric-order = Ordre
admin-rubric-up = Monter
admin-rubric-down = Descendre
admin-rubric-removed = La rubrique a été supprimée.
admin-rubric-remove-title = Supprimer la rubrique
admin-rubric-remove = Supprimer la rubrique
admin-rubric-holds = { $count ->
    [0] Aucun produit ne se trouve dans cette rubrique.
    [one] 1 produit se trouve dans cette rubrique.
   *[other] { $count } produits se trouvent dans cette rubrique.
}
hint-rubric-code = Lettres minuscules, chiffres et tirets, par exemple sport-loisirs. Le code figure dans les adresses web.
error-rubric-in-use = { $count ->
    [one] Cette rubrique ne peut pas être supprimée : 1 produit s'y trouve encore. Placez-le d'abord dans une autre rubrique.
   *[other] Cette rubrique ne peut pas être supprimée : { $count } produits s'y trouvent encore. Placez-les d'abord dans une autre rubrique.
}
