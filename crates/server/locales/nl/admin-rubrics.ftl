# Administration of the kiosk's rubrics.
admin-rubrics = Rubrieken op de ticketzuil
admin-rubrics-text = De grote knoppen op de ticketzuil aan de ingang: hun namen en hun volgorde.
admin-rubrics-intro = De ticketzuil toont de rubrieken in deze volgorde. Een rubriek zonder producten staat niet op de ticketzuil.
admin-rubric-new = Nieuwe rubriek
admin-rubric-edit-title = Rubriek { $name } wijzigen
admin-rubric-place = Plaats
admin-rubric-products = Producten
admin-rubric-order = Volgorde
admin-rubric-up = Omhoog
admin-rubric-down = Omlaag
admin-rubric-removed = De rubriek is verwijderd.
admin-rubric-remove-title = Rubriek verwijderen
admin-rubric-remove = Rubriek verwijderen
admin-rubric-holds = { $count ->
    [0] Er staat geen enkel product in deze rubriek.
    [one] Er staat 1 product in deze rubriek.
   *[other] Er staan { $count } producten in deze rubriek.
}
hint-rubric-code = Kleine letters, cijfers en streepjes, bijvoorbeeld sport-vrije-tijd. De code staat in webadressen.
error-rubric-in-use = { $count ->
    [one] Deze rubriek kan niet weg: er staat nog 1 product in. Zet het eerst in een andere rubriek.
   *[other] Deze rubriek kan niet weg: er staan nog { $count } producten in. Zet ze eerst in een andere rubriek.
}
