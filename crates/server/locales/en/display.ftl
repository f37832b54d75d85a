display-title = Calls
display-calls = Latest calls
display-no-calls = No calls yet. You will be called by the number on your ticket.
display-waiting = Waiting
display-counter = Counter { $counter }
display-say = Number { $letter } { $number }, counter { $counter }
