## Management: the floor, live
manage-title = Management
manage-task = The floor live: who waits, counter pressure, appointments and no-shows per zone, and how fast the counters on call pick up.
manage-heading = The floor now: { $site }
manage-sites = Sites
manage-lead = Figures only, no names. The page follows the floor live.
manage-updated = Updated at { $time }
manage-zones = Per zone
manage-zone = Zone
manage-waiting = Waiting
manage-longest = Longest wait
manage-open = Counters open
manage-paused = Paused
manage-pressure = Counter pressure
manage-served-hour = Served this hour
manage-to-come = Appointments to come
manage-no-shows = No-shows today
manage-no-counter-open = no counter open
manage-pressure-hint = Counter pressure: citizens waiting per open counter. No-shows: today's appointments not checked in within their time.
manage-on-call = Counters on call today
manage-on-call-requested = Requested
manage-on-call-waiting = Waiting for an employee now
manage-on-call-picked-up = Picked up
manage-on-call-median = Median until picked up
manage-on-call-longest = Longest until picked up

## Statistics
error-stats-date = Enter a date as YYYY-MM-DD, for example 2026-12-01.
error-stats-span = Choose an end date on or after the start date, at most 366 days later.

## Management: history
manage-history-title = History
manage-history-heading = History: { $site }
manage-history-lead = Per day: visitors, tickets, appointments, waiting times, service times and counter pressure. No names.
manage-history-from = From
manage-history-to = To (included)
manage-history-date-hint = For example 2026-12-01.
manage-history-show = Show
manage-history-visitors = Visitors per day
manage-history-chart-desc = Bar chart of the number of visitors per day; the table below gives the same figures.
manage-history-chart-caption = One bar per day, from left to right. The figures are in the table.
manage-history-days = Per day
manage-history-csv = Download as CSV
manage-history-wait = Waiting (min)
manage-history-service = Service (min)
manage-history-median = Median
manage-history-p90 = 90th percentile
manage-history-max = Longest
manage-history-peak = Peak
manage-history-mean = Mean
manage-history-minutes-hint = Waiting: from the ticket to the call. Service: from start to finish at the counter. Counter pressure: citizens waiting per open counter, measured every five minutes of the opening hours.
manage-csv-date = Date
manage-csv-visitors = Visitors
manage-csv-tickets = Tickets
manage-csv-appointments = Appointments
manage-csv-no-shows = No-shows
manage-csv-wait-p50 = Waiting median (min)
manage-csv-wait-p90 = Waiting 90th percentile (min)
manage-csv-wait-max = Waiting longest (min)
manage-csv-service-p50 = Service median (min)
manage-csv-service-p90 = Service 90th percentile (min)
manage-csv-pressure-peak = Counter pressure peak
manage-csv-pressure-mean = Counter pressure mean
manage-history-link = The history per day, with a chart and CSV

manage-history-heat = Visitors per weekday and hour
manage-history-heat-hint = How many visitors came in on each weekday in each hour of the chosen span; the darker, the busier.
manage-history-hour-suffix = :00
