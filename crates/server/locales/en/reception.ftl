## Reception: the whole floor at a glance and what reception does for a visitor
reception-title = Reception
reception-task-text = The whole floor live, hand out a ticket, note a question, check in an appointment and summon a department on call.
reception-zones = Who is waiting
reception-zone = Zone
reception-waiting = Waiting
reception-longest = Longest wait
reception-open = Open
reception-paused = Paused
reception-empty = Empty
reception-counters = Counters
reception-counter-open = Open
reception-counter-paused = Paused
reception-counter-empty = Not staffed
reception-counter-ticket = Serving { $number }
reception-on-call = Counter on call
reception-on-call-none = Nobody is waiting for a department on call.
reception-on-call-ticket = Ticket
reception-on-call-for = For
reception-on-call-since = Summoned for
reception-on-call-status = Status
reception-on-call-overdue = Nobody accepted: alerted again
reception-back-office = Back office
reception-back-office-nobody = Nobody of this department has an account.
reception-ticket-title = Hand out a ticket
reception-ticket-product = What has the visitor come for?
reception-choose = Choose a service
reception-ticket-give = Hand out ticket
reception-summon-title = Counter on call
reception-summon-hint = For building, environment and welfare: summon an employee from the back office.
reception-summon = Summon an employee
reception-question-title = Question answered
reception-question-subject = What was the question about?
reception-question-note = Note the question
reception-questions-today = { $count ->
    [0] No questions noted today yet.
    [one] 1 question noted today.
   *[other] { $count } questions noted today.
}
reception-question-noted = Noted: a question about { $subject }.
reception-appointment-title = Too early or too late for an appointment
reception-appointment-find = Find an appointment
reception-appointment-hint = The appointment code, a name, e-mail address or phone number.
reception-appointment-search = Search
reception-back = Back to reception
reception-ticket-given = Ticket { $number } handed out
reception-ticket-appointment = Checked in for appointment { $code }.
reception-ticket-lead = Print the ticket, or let the visitor scan the QR code to follow the ticket on their phone.
reception-print = Print ticket
reception-check-in-title = Check in at reception
reception-check-in-hint = For visitors who are too early or too late today for the kiosk. A late visitor waits like a visitor without an appointment.
reception-check-in = Check in now and hand out a ticket
reception-check-in-already = This appointment is already checked in.
reception-check-in-not-today = This appointment is not today. Move it to another time.
reception-check-in-closed = The city office is closed now; checking in is not possible.
error-reception-product = Choose a service from the list.
error-reception-closed = The city office is closed now: no tickets are handed out.
error-check-in-not-today = This appointment is not today.
