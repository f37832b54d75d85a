kiosk-restart = Start again
kiosk-start-title = Welcome. What do you need?
kiosk-start-lead = Tap what you need. You get a ticket with your number.
kiosk-have-appointment = I have an appointment
kiosk-no-appointment = No appointment? Choose what you need:
kiosk-choose-product = Tap what you need.
kiosk-other-choice = Choose something else
kiosk-product-ticket = You get a ticket
kiosk-product-appointment = By appointment only
kiosk-product-online = Through the e-counter
kiosk-product-reception = At reception
kiosk-you-chose = You chose: { $product }
kiosk-reception-title = Please go to reception
kiosk-reception-text = They help you at once or call a colleague for you. You do not need a ticket.
kiosk-appointment-title = This needs an appointment
kiosk-appointment-text = This is by appointment only, so that you do not have to wait.
kiosk-appointment-website = Book an appointment on the website:
kiosk-appointment-phone = Or call us:
kiosk-appointment-reception = Reception can also book an appointment for you.
kiosk-online-title = You apply for this online
kiosk-online-text = Apply through the e-counter on the website:
kiosk-online-reception = Need help? Reception will help you.
kiosk-closed-title = The office is closed now
kiosk-closed-text = We are not giving out tickets at the moment.
kiosk-closed-opens = We open again on { $day } at { $time }.
kiosk-check-in-title = Check in for your appointment
kiosk-check-in-label = Your booking code
kiosk-check-in-hint = The code is in your confirmation, for example K7M2XQ9. Type the code or hold the QR code under the scanner.
kiosk-check-in-submit = Check in
kiosk-check-in-refused = We cannot check you in here
kiosk-check-in-reception = Please go to reception, they will help you.
kiosk-check-in-empty = Enter your booking code.
kiosk-check-in-unknown = We cannot find an appointment with this code for today. Please check the code.
kiosk-check-in-already = This appointment has already been checked in.
kiosk-check-in-too-early = You are early for your appointment. You can check in from half an hour before.
kiosk-check-in-too-late = Check-in for this appointment has closed.
kiosk-ticket-title = Ticket { $number }
kiosk-ticket-heading = Take your ticket
kiosk-ticket-lead = Please take a seat. Your number appears on the screen when it is your turn.
kiosk-done = Done
kiosk-your-number = Your number
kiosk-zone = Zone { $zone }
kiosk-counter = Counter
kiosk-queue = Ahead of you
kiosk-wait = Waiting time
kiosk-wait-minutes = { $count ->
    [0] your turn is coming up
    [one] about 1 minute
   *[other] about { $count } minutes
}
kiosk-wait-unknown = no estimate yet
kiosk-ahead = { $count ->
    [0] you are next
    [one] 1 more person
   *[other] { $count } more people
}
kiosk-qr-label = QR code to your ticket on your phone
kiosk-qr-text = Scan the code and follow your turn on your phone.
kiosk-follow-screens = Follow your number on the screens.
kiosk-phone-wait = Please wait
kiosk-phone-wait-text = Take a seat. We call your number on the screens.
kiosk-phone-go = Go to counter { $counter }
kiosk-phone-go-text = It is your turn.
kiosk-phone-serving = You are being served at counter { $counter }
kiosk-phone-done = Done. Thank you for your visit.
kiosk-phone-no-show = You were not there when we called you
kiosk-phone-transferred = You have been referred
kiosk-phone-cancelled = This ticket has been cancelled
kiosk-phone-to-reception = Please go to reception, they will help you.
kiosk-phone-refresh = Refresh
kiosk-phone-live = This page updates by itself.
kiosk-phone-unknown-title = Ticket not found
kiosk-phone-unknown = We cannot find this ticket. A ticket is only valid on the day itself. Scan the code on your ticket again or ask at reception.
kiosk-phone-website = To the website
