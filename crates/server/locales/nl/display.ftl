display-title = Oproepen
display-calls = Laatste oproepen
display-no-calls = Nog geen oproepen. U wordt afgeroepen met het nummer op uw ticket.
display-waiting = Wachtenden
display-counter = Loket { $counter }
display-say = Nummer { $letter } { $number }, loket { $counter }
