counter-title = Counter
counter-task-text = Take a seat at a counter, call the next citizen and record what you did.
counter-choose = Choose the counter you work at in { $site }.
counter-at = Counter { $counter }
counter-sign-in-at = Work at counter { $counter }
counter-taken-by = Taken by { $name }
counter-state-open = Open
counter-state-paused = Paused
counter-pause = Pause
counter-resume = Resume
counter-sign-out = Leave the counter
counter-paused-hint = Your counter is paused: nobody is called to it. Choose "Resume" to call again.
counter-current = At your counter
counter-no-current = Nobody is at your counter.
counter-call-next = Call next
counter-called-at = Called at { $time }
counter-serving = Being served
counter-start = Start
counter-recall = Call again
counter-recalls-left = { $count ->
    [0] You cannot call again any more. If the citizen did not come, choose "Did not come".
    [one] You can call again 1 more time.
   *[other] You can call again { $count } more times.
}
counter-no-show = Did not come
counter-transactions = Transactions done
counter-finish = Finish
counter-transfer-to = Send on to
counter-transfer = Send on
counter-waiting = { $count ->
    [0] Nobody waiting
    [one] 1 waiting for this counter
   *[other] { $count } waiting for this counter
}
counter-nobody-waiting = Nobody is waiting for what this counter does.
counter-number = Number
counter-product = For
counter-waited = Waiting for
counter-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}
counter-appointment-at = Appointment at { $time }
counter-open-screen = Open the waiting-room screen
counter-done-signed-in = You now work at this counter.
counter-done-paused = Your counter is paused.
counter-done-resumed = Your counter is open again.
counter-done-signed-out = You have left the counter.
counter-done-called = { $number } has been called.
counter-done-recalled = { $number } has been called again.
counter-done-started = Serving { $number } has started.
counter-done-no-show = { $number } is recorded as not come.
counter-done-finished = { $number } is finished with { $count ->
    [one] 1 transaction
   *[other] { $count } transactions
}.
counter-done-transferred = Sent on: the new number is { $number }.
counter-error-taken = A colleague already works at counter { $counter }. Choose another counter.
counter-error-state = That cannot be done now: the ticket has been dealt with meanwhile, it cannot be called again, or your counter is not open.
counter-error-not-found = That counter, ticket or product does not exist.
counter-error-no-transactions = Tick at least one transaction you did.
counter-transfer-choose = Choose a product
