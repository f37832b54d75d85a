# Administration of the organisation: departments, sites, zones and meeting rooms.

## Departments
admin-department-new = New department
admin-department-edit-title = Edit the department { $name }
hint-department-code = Lowercase letters, digits and dashes, for example burgerzaken. The code appears in web addresses.
admin-department-staffing = Way of working
field-staffing = How does the department meet citizens?
hint-staffing = On call: reception calls an employee of the department from the back office.
error-staffing = Choose whether the department has fixed counters or comes on call.

## Common
admin-code-fixed = The code can no longer be changed, because it appears in web addresses and links.
error-name-nl = Enter the name in Dutch, in at most 120 characters.
error-name-fr = Enter the name in French, in at most 120 characters.
error-name-en = Enter the name in English, in at most 120 characters.
error-code-reserved = This code is reserved. Choose another code.

## Sites
admin-site-new = New site
admin-site-edit = Edit details
admin-site-edit-title = Edit the details of { $name }
admin-site-holidays = Legal holidays
admin-site-holidays-closed = Closed
admin-site-holidays-open = Open
admin-site-hours-link = Opening hours
admin-site-hours-text = The hours of the counters and of the phone line, for each weekday.
admin-site-closing-link = Closing days and exceptions
admin-site-closing-text = The legal holidays, the city's own closing days and exceptional openings.
admin-site-zones = Zones
admin-site-zone-new = New zone
admin-site-zone-edit = Edit zone { $letter }
admin-site-edit-short = Edit
admin-site-no-zones = This site has no zones yet.
admin-site-actions = Actions
admin-site-counters = Counters
admin-site-counter-new = New counter
admin-site-counter = Counter
admin-site-counter-number = Counter { $number }
admin-site-counter-products = Number of products
admin-site-no-counters = This site has no counters yet.
admin-site-rooms = Meeting rooms
admin-site-room-new = New meeting room
admin-site-no-rooms = This site has no meeting rooms yet.
hint-site-code = Lowercase letters, digits and dashes, for example stadskantoor. The code appears in web addresses.
hint-site-name = The name citizens see, for example Stadskantoor Leuven.
field-address = Address
hint-address = Street, number, postcode and town, for example Professor Van Overstraetenplein 1, 3000 Leuven.
field-phone = Phone number
hint-phone = The number for appointments and questions, for example 016 27 28 29.
field-time-zone = Time zone
hint-time-zone = The name of the time zone, for example Europe/Brussels. All the site's hours are in this time zone.
field-legal-holidays = Closed on the Belgian legal holidays
error-address = Enter an address of at most 200 characters.
error-phone = Enter a phone number, for example 016 27 28 29.
error-time-zone = We do not know this time zone. Enter a time zone such as Europe/Brussels.

## Zones
admin-zone-new-title = New zone at { $site }
admin-zone-edit-title = Edit zone { $letter }
admin-zone-letter-fixed = The letter can no longer be changed, because it is printed on tickets, screens and signs.
admin-zone-preview = How the letter looks
admin-zone-contrast = Contrast with the white letter: { $ratio } to 1
field-zone-letter = Letter
hint-zone-letter = One capital letter, for example F. Citizens follow this letter through the building.
field-colour = Colour
hint-colour = A colour code with # and six characters, for example #047857. The letter is written in white on this colour, so choose a dark colour.
error-zone-letter-format = Enter one capital letter, for example F.
error-zone-letter-taken = This site already has a zone with this letter. Choose another letter.
error-colour = Enter a colour code with # and six characters, for example #047857.
error-colour-contrast = This colour is too light: a white letter is hard to read on it. Choose a darker colour, with a contrast of at least 4.5 to 1.

## Meeting rooms
admin-room-new-title = New meeting room at { $site }
admin-room-edit-title = Edit { $name }
hint-room-code = Lowercase letters, digits and dashes, for example spreekruimte-2. The code appears in web addresses.
field-note = Note
hint-note = Optional. For example: large table for building plans. At most 200 characters.
error-note = Make the note shorter: at most 200 characters.
