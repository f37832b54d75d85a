staff-book-title = Book an appointment for a citizen
staff-book-intro = Book a free time for whoever calls or stands at the desk, with the same rules as on the website.
staff-book-note = You are booking for a citizen on the phone or at the desk. The citizen gets a confirmation when you enter an e-mail address.
staff-book-soon = Also show times within the next two hours
staff-book-soon-hint = On the website a citizen can only book from two hours ahead. You may skip that, for instance for someone already on their way.
staff-field-name = Citizen's name
staff-field-email = Citizen's e-mail address (optional)
staff-hint-email = With an e-mail address the citizen gets the confirmation, a reminder and a link to move or cancel themselves.
staff-field-phone = Citizen's phone number (optional)
staff-field-locale = Citizen's language
staff-find-title = Look up an appointment
staff-find-intro = Find an appointment by code, e-mail address, phone number or name, and move or cancel it for the citizen.
staff-find-label = Code, e-mail address, phone number or name
staff-find-hint = You find the appointments of today and later. Part of a name is enough, for instance the surname.
staff-find-button = Search
staff-find-none = No appointments found for “{ $query }”.
staff-find-count = { $count ->
    [one] 1 appointment found
   *[other] { $count } appointments found
}
staff-appointment-title = Appointment { $code }
staff-booked-title = The appointment is booked
staff-booked-text = Tell the citizen the booking code and the time. With the code they get a ticket at the kiosk.
staff-code-hint = The citizen types this code at the ticket kiosk.
staff-change-title = Change
staff-move = Move the appointment
staff-cancel = Cancel the appointment
staff-cancel-title = Cancel this appointment?
staff-cancel-text = The time is free for someone else at once. If the citizen gave an e-mail address, they get a message about the cancellation.
staff-cancel-confirm = Yes, cancel this appointment
staff-field-national-number = Citizen's national register number (optional)
staff-phone = Phone number
staff-national-number = National register number
staff-bring = What the citizen brings
error-limit-email-staff = This e-mail address already holds as many appointments as allowed. Look up the citizen's appointments and cancel or move one.
error-limit-national-number-staff = This service is already booked for this national register number. Look that appointment up and move it if the citizen wants another time.
staff-move-soon = Move the appointment, also to a time within the next two hours
