# Loket — English, a translation of the Dutch text.

## General
skip-to-content = Skip to content
demo-label = Demo.
demo-banner = This is a demonstration of Loket with invented data. Every demo account has the password "demo".
brand-subtitle = City office
language-switcher = Choose a language
main-navigation = Main menu
nav-home = Home
nav-opening-hours = Opening hours
nav-staff = My work
nav-admin = Administration
nav-staff-login = Staff sign-in
nav-accessibility = Accessibility
signed-in-as = Signed in as { $name }
logout = Sign out
footer-phone = Call
breadcrumbs = Breadcrumbs
error-back-home = Go to the home page
choose = Choose one
none = None
save = Save
cancel = Cancel
yes = Yes
no = No
today = today
closed = Closed

## Dates, times and amounts
date-long = { $weekday } { $day } { $month } { $year }
time = { $hour }:{ $minute }
hours-range = { $opens } to { $closes }
minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
fee-free = Free
fee-unknown = Price at the counter
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Home page
home-title = Welcome
home-heading = Welcome to { $site }
home-lead = Arrange your business with the city: by appointment, without an appointment at the fast counter, or straight away online.
home-all-hours = All opening hours
today-open-until = Open today until { $time }.
closed-now-opens = Closed now. We open again on { $day } at { $time }.
closed-now = Closed now.
home-appointment-title = By appointment
home-appointment-text = For these services you make an appointment, so you do not have to wait. Make it here online or call { $phone }.
home-fast-title = Without an appointment at the fast counter (A)
home-fast-text = Picking up a ready document or buying something? Take a ticket at the kiosk and come to zone A.
home-online-title = Online at the e-loket
home-online-text = Apply from home. You usually receive certificates in your e-box the same day.
home-reception-title = At reception
home-reception-text = Reception helps you with these questions. If needed, an employee of the department comes down to see you.

## Product page
product-fee = Price
product-duration = Time at the counter
product-zone = Zone
product-how = How to arrange it
product-how-appointment = Make an appointment, here online or by calling { $phone }. Come at the agreed time and check in at the kiosk with your appointment code.
product-how-fast-counter = You do not need an appointment. Take a ticket at the kiosk and follow the letter A on the screens.
product-how-on-call = Report to reception. An employee of the department comes down and helps you at a counter or in a meeting room.
product-how-reception = Ask your question at reception, near the entrance.
product-how-online = Apply online at the e-loket. You sign in with your eID or itsme.
product-pickup-later = You pick up the document later at the fast counter (zone A). We let you know as soon as it is ready.
product-bring = What to bring

## Opening hours
hours-title = Opening hours
hours-lead = When { $site } is open, also in the evening, and the days it is closed.
hours-counters = Counters
hours-evening = evening opening
hours-appointment-note = For most services, make an appointment first.
hours-phone = Phone
hours-phone-text = Call { $phone } for an appointment or a question.
hours-closures = Closing days
hours-no-closures = No closing days are planned.
hours-date = Date
hours-reason = Reason

## Holidays
holiday-new-year = New Year's Day
holiday-easter-monday = Easter Monday
holiday-labour-day = Labour Day
holiday-ascension = Ascension Day
holiday-whit-monday = Whit Monday
holiday-national-day = National Day
holiday-assumption = Assumption Day
holiday-all-saints = All Saints' Day
holiday-armistice = Armistice Day
holiday-christmas = Christmas Day

## Accessibility
accessibility-title = Accessibility
accessibility-lead = { $organisation } wants everyone to be able to use this website.
accessibility-status-title = How accessible is this website?
accessibility-status = This website follows the WCAG 2.1 guidelines at level AA. Every page is tested automatically with every new version.
accessibility-how-title = What you can expect
accessibility-how-keyboard = You can use everything with the keyboard.
accessibility-how-zoom = You can zoom in to 200% without losing anything.
accessibility-how-colour = Colour is never the only sign: the zone letter is always written too.
accessibility-how-test = Forms also work without JavaScript.
accessibility-contact-title = Stuck anyway?
accessibility-contact = Call us on { $phone }. We are glad to help and will improve the website.

## Error pages
error-not-found-title = Page not found
error-not-found = This page does not exist (any more). Check the address or go to the home page.
error-forbidden-title = No access
error-forbidden = You are signed in, but you do not have access to this page. Ask your administrator if you think this is wrong.
error-internal-title = Something went wrong
error-internal = Something went wrong on our side. Please try again in a few minutes.

## Sign-in
login-title = Staff sign-in
login-lead = Sign in with your username and password.
login-needed = Please sign in first to see this page.
login-submit = Sign in
login-demo-hint = Demo: sign in as admin, manager, onthaal, balie1 … balie6, backoffice1, telefoon or winkel1, with the password demo.
field-username = Username
field-password = Password
error-login = The username or password is not correct.
error-too-many-attempts = You have tried too often. Wait { $seconds } seconds and try again.

## Staff
staff-title = My work
staff-welcome = Welcome, { $name }
staff-roles = Your roles: { $roles }.
staff-no-tasks = There are no tasks here for your role yet.
role-admin = Administrator
role-manager = Manager
role-reception = Reception
role-counter = Counter employee
role-backoffice = Back office
role-telephonist = Telephonist
role-shop = Sales point
channel-appointment = By appointment
channel-fast-counter = Fast counter without appointment
channel-on-call = Counter on call via reception
channel-reception = At reception
channel-online = Online at the e-loket
staffing-fixed = Fixed counters
staffing-on-call = On call

## Administration
admin-title = Administration
admin-intro = Manage the products, counters and staff of the city office.
admin-products = Products
admin-products-text = Names, channel, duration, price, zone and kiosk rubric.
admin-users = Staff
admin-users-text = Accounts, roles and departments.
admin-audit = Latest changes
admin-audit-when = When
admin-audit-who = Who
admin-audit-what = What
admin-audit-subject = On
admin-saved = The changes have been saved.
admin-product-new = New product
admin-product-new-title = New product
admin-product-edit-title = Edit { $name }
admin-product-identity = Code and name
admin-product-service = Service
admin-product-texts = Explanation for citizens
admin-user-new = New staff member
admin-user-edit-title = Edit account { $name }

## Form fields
field-code = Code
hint-code = Lowercase letters, digits and dashes, for example eid-aanvraag. The code appears in web addresses.
field-name = Name
field-name-nl = Name in Dutch
field-name-fr = Name in French
field-name-en = Name in English
field-department = Department
field-channel = Channel
hint-channel = How citizens obtain this product.
field-zone = Zone
field-rubric = Kiosk rubric
hint-rubric = The kiosk button under which citizens find this product.
field-minutes = Duration in minutes
hint-minutes = The usual time at the counter, between 1 and 480 minutes.
field-fee = Price in euro
hint-fee = For example 20,00. Leave empty if the price is not fixed.
field-online = Can also be requested online
field-pickup-later = The document is picked up later
field-description-nl = Explanation in Dutch
field-description-fr = Explanation in French
field-description-en = Explanation in English
field-bring-nl = What to bring, in Dutch
field-bring-fr = What to bring, in French
field-bring-en = What to bring, in English
hint-bring = One item per line.
field-display-name = Name
field-roles = Roles
field-departments = Departments
hint-departments = For back-office employees: the departments they come down for when on call.
field-active = Active
field-active-long = This account may sign in
hint-username = Lowercase letters, digits, dots or dashes, for example jan.peeters.
field-new-password = New password
hint-new-password = Leave empty to keep the password. A new password has at least { $count } characters.
hint-password = At least { $count } characters.

## Form errors
error-summary-title = There is a problem
error-prefix = Error:
error-required = Fill in this field.
error-code = Enter a code with lowercase letters, digits and dashes, for example eid-aanvraag.
error-code-taken = This code is already in use. Choose another code.
error-name = Enter a name of at most 120 characters.
error-department = Choose a department from the list.
error-zone-letter = Choose a zone from the list.
error-zone-needed = Choose a zone: this product is served at a counter.
error-channel = Choose a channel from the list.
error-minutes = Enter a duration from 1 to 480 minutes, for example 10.
error-fee = Enter an amount in euro, for example 20,00, or leave the field empty.
error-rubric = Choose a rubric from the list.
error-username = Enter a username of 2 to 40 lowercase letters, digits, dots or dashes.
error-username-taken = This username is already in use. Choose another one.
error-display-name = Enter a name of at most 80 characters.
error-roles = Choose at least one role.
error-password = Choose a password of at least 10 characters.
error-json = Send a valid JSON object.
national-number-empty = Enter your national register number.
national-number-length = A national register number has 11 digits, for example 85.07.30-033.28.
national-number-digits = A national register number contains only digits, possibly with dots and a dash.
national-number-check = This national register number is not correct. Check the digits on your identity card.
hours-invalid-range = The closing time must be after the opening time.
hours-overlap = The hours overlap.
hours-invalid-time = Enter a time such as 09:00 or 16:30.
closing-rule-invalid = We do not understand this rule for a closing day.

## API errors
problem-invalid = Invalid input
problem-invalid-detail = One or more fields are not filled in correctly.
problem-unauthorized = Not signed in
problem-unauthorized-detail = Sign in with a valid token.
problem-forbidden = No access
problem-forbidden-detail = Your role does not allow this action.
problem-not-found = Not found
problem-not-found-detail = This does not exist.
problem-conflict = Conflict
problem-conflict-detail = This conflicts with what is already there.
problem-rate-limited = Too many requests
problem-internal = Internal error
problem-internal-detail = Something went wrong. Please try again later.
admin-departments = Departments
admin-departments-text = The city's departments, and whether they have fixed counters or come on call.
admin-sites = Sites
admin-sites-text = Zones, counters, meeting rooms, opening hours and closing days.
