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
