## Fast counter: documents ready for pickup
fast-counter-title = Fast counter
fast-counter-task-text = Find a document that is ready, hand it over, register new documents and send back what nobody collected.
fast-counter-lead = Documents waiting for their holder at { $site }, zone A.
fast-counter-sales = Sales
pickup-new-task-text = Register a document that arrived for its holder, or the day's list.

pickup-document = Document
pickup-holder = Holder's name
pickup-national-number = National number
pickup-code = Pickup code
pickup-registered = Registered
pickup-status = Status
pickup-action = Action
pickup-status-ready = Ready
pickup-status-picked-up = Picked up
pickup-status-returned = Sent back

pickup-search-label = Name, pickup code or national number
pickup-search-hint = Part of the name is enough. A national number may have dots and dashes.
pickup-search-button = Search
pickup-search-none = No document found for “{ $query }”.
pickup-search-count = { $count ->
    [one] 1 document found
   *[other] { $count } documents found
}
pickup-proxy = Collected by a proxy (proxy form seen)
pickup-hand-over = Hand over
pickup-handed-over = Handed over: { $document } to { $holder }.
pickup-handed-over-proxy = Handed over: { $document } of { $holder }, to a proxy with a proxy form.
pickup-refused-picked-up = This document was picked up already. It cannot be handed over a second time.
pickup-refused-returned = This document was sent back because nobody collected it in time. It cannot be handed over.

pickup-new-title = Register a document
pickup-new-lead = A document arrived for its holder. Loket gives it a pickup code and tells the holder by e-mail or text message that it is ready.
pickup-choose-document = Choose the document
pickup-national-number-optional = Holder's national number (optional)
pickup-national-number-hint = Used to find the document; never shown in full and never in the message to the holder.
pickup-email = E-mail address (optional)
pickup-email-hint = The holder gets the message that the document is ready at this address.
pickup-phone = Holder's phone number (optional)
pickup-phone-hint = Without an e-mail address, a mobile number gets a text message; a landline is kept so you can call the holder.
pickup-language = Language of the message
pickup-register = Register
pickup-registered-title = Document registered
pickup-contact-mailed = The holder gets an e-mail at { $email } with the pickup code.
pickup-contact-phone = No e-mail address and no mobile number: the holder gets no message from Loket. Call the holder at { $phone }.
pickup-contact-texted = The holder gets a text message at { $phone } with the pickup code.
pickup-contact-none = No e-mail address or phone number: the holder gets no message. Let the holder know by letter.
pickup-error-product = Choose a document from the list.
pickup-error-holder-name = Enter the holder's name.
pickup-error-phone = Enter a phone number, for example 0470 12 34 56.
pickup-error-language = Choose Dutch (nl), French (fr) or English (en).

pickup-import-title = Import the day's list
pickup-import-lead = Upload the list of documents that arrived today as a CSV file. Every line is checked first: if one line is wrong, nothing is registered and you see what to fix.
pickup-import-format = The first line holds the column names; separate the columns with commas or semicolons (as spreadsheets in Belgium save them). National number, e-mail and phone may be empty; the language is nl, fr or en.
pickup-import-file = CSV file
pickup-import-file-hint = For example documents-2026-12-03.csv
pickup-import-button = Import
pickup-import-errors-title = Nothing was registered. Fix these lines and upload the file again:
pickup-import-line = Line { $line }
pickup-import-error-header = The first line must be: product,holder_name,national_number,email,phone,language
pickup-import-error-line = This line cannot be read.
pickup-import-error-columns = This line does not have 6 columns.
pickup-import-error-empty = The file holds no documents.
pickup-import-error-no-file = Choose a CSV file to upload.
pickup-import-done = { $count ->
    [one] 1 document registered.
   *[other] { $count } documents registered.
}
pickup-import-told = { $count ->
    [one] 1 holder gets an e-mail or text message.
   *[other] { $count } holders get an e-mail or text message.
}
pickup-import-not-told = Holders without an e-mail address or mobile number get no message from Loket: call or write to them yourself.
pickup-text-message = { $organisation }: your document is ready ({ $document }). Pick it up at the fast counter of { $site }, { $address }, with code { $code } and your identity card. Someone collecting it for you brings a proxy form. After three months it is sent back.

pickup-return-title = Documents to send back
pickup-return-lead = Documents not collected within three months. Send them back (or destroy the PIN and PUK codes) and mark them here.
pickup-return-none = No document has been waiting for more than three months.
pickup-return-count = { $count ->
    [one] 1 document to send back
   *[other] { $count } documents to send back
}
pickup-return-button = Sent back
pickup-returned = Marked as sent back: { $document } of { $holder }.

pickup-problem-picked-up = This document was picked up already.
pickup-problem-returned = This document was sent back; it can no longer be handed over.

pickup-mail-subject = Ready for pickup: { $document } (pickup code { $code })
pickup-mail-intro = This document is ready for you: { $document }. You can pick it up at the fast counter of { $site }.
pickup-mail-where = Where
pickup-mail-zone = fast counter, zone A, no appointment needed
pickup-mail-hours = Opening hours
pickup-mail-proxy = Can you not come yourself? Someone else can collect it for you with the proxy form signed by you and their own identity card.
pickup-mail-return = A document or PIN/PUK codes not collected within three months are sent back or destroyed.
pickup-bring-identity = Your identity card or other identity document
pickup-bring-old-document = The old document this one replaces, if you still have it
pickup-bring-pin-puk = The letter with your PIN and PUK codes, if you received one

document-eid-aanvraag = Identity card (eID)
document-eid-afhalen = Identity card (eID)
document-kids-id-aanvraag = Kids-ID
document-reispas-aanvraag = Passport
document-rijbewijs = Driving licence
document-rijbewijs-afhalen = Driving licence
document-voorlopig-rijbewijs = Provisional driving licence
document-buitenlands-rijbewijs = Belgian driving licence (exchanged)
document-vreemdelingenkaart = Residence card
document-vreemdelingenkaart-afhalen = Residence card
document-pin-puk = PIN and PUK codes
