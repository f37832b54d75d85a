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

## Making an appointment on the website
continue = Continue
back = Back
booking-products-title = What do you want to make an appointment for?
booking-products-hint = You can choose more than one thing, for example an identity card and a driving licence. That way you arrange everything in one visit.
booking-persons-title = For how many persons?
booking-persons-hint = Are you coming with your family to apply for identity cards, for example? Then choose the number of persons. Every person comes to the counter.
booking-persons = { $count ->
    [one] { $count } person
   *[other] { $count } persons
}
booking-persons-of = { $count } × { $product }
booking-day-title = Choose a day
booking-move-day-title = Choose a new day
booking-your-visit = Your appointment:
booking-zone-and-minutes = About { $minutes } minutes at the counter.
booking-months = Months
booking-previous-month = Previous month
booking-next-month = Next month
booking-free-times = { $count ->
    [one] 1 time free
   *[other] { $count } times free
}
booking-no-times = no free times
booking-month-full = There is no free time left this month. Look at the next month.
booking-phone-help = Not working online? Call { $phone }. We are glad to make the appointment with you.
booking-time-title = Choose a time
booking-other-day = Choose another day
booking-day-full = There is no free time left on this day. Choose another day.
booking-details-title = Who is coming?
booking-when = { $day } at { $time }
field-person-name = Your name
field-email = Your e-mail address
hint-email = You receive the confirmation there, a reminder the day before, and a link to move or cancel your appointment.
field-phone-optional = Your phone number (optional)
hint-phone-booking = So we can call you if something changes.
field-national-number-optional = Your national register number (optional)
hint-national-number = Then we can prepare your file in advance. You find it on the back of your identity card, for example 85.07.30-033.28.
booking-check-title = Check your appointment
booking-check-what = What for
booking-check-when = When
booking-change-details = Change your details
booking-check-promise = Is everything right? Then confirm your appointment. You can still move or cancel it later.
booking-confirm = Confirm the appointment
booking-manage-title = Your appointment
booking-confirmed-title = Your appointment is made
booking-confirmed-text = You receive a confirmation by e-mail. Also keep this page or note your appointment code. At the kiosk in the city office, scan the code or type it in.
booking-cancelled = This appointment has been cancelled.
booking-new = Make a new appointment
booking-code = Your appointment code
booking-code-hint = Scan or type this code at the kiosk when you arrive.
booking-qr-label = QR code of appointment code { $code }
booking-where = Where
booking-follow-zone = Follow the letter { $zone } on the screens.
booking-change-title = Manage your appointment
booking-add-to-calendar = Add to your calendar (.ics)
booking-move = Move your appointment
booking-cancel = Cancel your appointment
booking-cancel-title = Do you want to cancel your appointment?
booking-cancel-text = Your time then becomes free for someone else at once. You can always make a new appointment afterwards.
booking-cancel-confirm = Yes, cancel my appointment
booking-calendar-summary = Appointment { $site }: { $products }
booking-calendar-description = Your appointment code is { $code }. Scan or type it at the kiosk when you arrive.
home-book-button = Make an appointment

## Mails about an appointment
mail-greeting = Dear { $name },
mail-zone = zone { $zone }
mail-manage = See, move or cancel your appointment
mail-book-again = Make a new appointment
mail-regards = Kind regards,
mail-booked-subject = Your appointment at { $site }: { $when }
mail-moved-subject = Your appointment at { $site } has been moved: { $when }
mail-cancelled-subject = Your appointment at { $site } has been cancelled
mail-booked-intro = Your appointment is made. At the kiosk, type or scan your appointment code. To add the appointment to your calendar, open the attached file.
mail-moved-intro = Your appointment has been moved. This is your new time.
mail-cancelled-intro = Your appointment has been cancelled. The time is free again for someone else.
mail-reminder-subject = Reminder: your appointment at { $site } is tomorrow, { $when }
mail-reminder-intro = This is a reminder of your appointment tomorrow.
mail-reminder-change = Can you not come? Cancel with the link in your confirmation mail or call us, so someone else can have your time.

## Day agenda for staff
agenda-title = Appointments of the day
agenda-intro = Who comes when in each zone, who came and who did not.
agenda-show = Show
agenda-days = Days
agenda-previous-day = Previous day
agenda-next-day = Next day
agenda-empty = No appointments in this zone on this day.
agenda-time = Time
agenda-status = Status
agenda-mark-no-show = { $name } did not come
status-booked = Booked
status-cancelled = Cancelled
status-checked-in = Checked in
status-served = Served
status-no-show = Did not come
error-limit-email = This e-mail address already holds as many appointments as allowed. No longer need one? Cancel it first through the link in your confirmation e-mail.
error-limit-national-number = This service is already booked for this national register number. Want another time? Move the appointment you already have, through the link in your confirmation e-mail.
