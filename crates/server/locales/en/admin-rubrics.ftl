# Administration of the kiosk's rubrics.
admin-rubrics = Kiosk rubrics
admin-rubrics-text = The big buttons on the kiosk at the entrance: their names and their order.
admin-rubrics-intro = The kiosk shows the rubrics in this order. A rubric without products does not appear on the kiosk.
admin-rubric-new = New rubric
admin-rubric-edit-title = Edit the rubric { $name }
admin-rubric-place = Place
admin-rubric-products = Products
admin-rubric-order = Order
admin-rubric-up = Move up
admin-rubric-down = Move down
admin-rubric-removed = The rubric has been removed.
admin-rubric-remove-title = Remove the rubric
admin-rubric-remove = Remove the rubric
admin-rubric-holds = { $count ->
    [0] There are no products in this rubric.
    [one] There is 1 product in this rubric.
   *[other] There are { $count } products in this rubric.
}
hint-rubric-code = Lowercase letters, digits and dashes, for example sport-leisure. The code appears in web addresses.
error-rubric-in-use = { $count ->
    [one] This rubric cannot be removed: 1 product is still in it. Put it in another rubric first.
   *[other] This rubric cannot be removed: { $count } products are still in it. Put them in another rubric first.
}
