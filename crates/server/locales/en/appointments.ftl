## Appointments
error-site = Choose a site from the list.
error-products-none = Choose at least one product.
error-products-too-many = You can book at most 6 products or persons in one appointment. Make a second appointment for the rest.
error-product-not-by-appointment = One of these products is not done by appointment. See the product's page for how to arrange it.
error-products-zones = These products are served in different zones. Make a separate appointment for each.
error-person-name = Enter your name.
error-email = Enter a valid e-mail address, for example name@example.be.
error-start = Choose a time from the list.
error-start-too-soon = This time is too soon. Choose a time at least two hours from now.
error-start-too-late = You cannot book that far ahead yet.
error-start-not-offered = No appointment can be made at this time. Choose a time from the list.
problem-slot-taken = This time is no longer free. Choose another time.
problem-not-booked = This appointment can no longer be changed: it was cancelled or has passed.
