## The e-loket: citizens signing in, residents' parking cards
error-demo-resident = This person is not in the demo's register. Choose one of the demo residents.
error-plate-empty = Enter the licence plate, for example 1-ABC-123.
error-plate-format = This is not a Belgian licence plate. Write it as it is on the car, for example 1-ABC-123.

## What can be requested at the e-loket
request-type-attest-woonst = Certificate of residence
request-type-attest-gezinssamenstelling = Certificate of household composition
request-type-attest-leven = Certificate of life
request-type-attest-nationaliteit = Certificate of nationality
request-type-uittreksel-bevolkingsregister = Extract from the population register
request-type-adreswijziging = Change of address
request-type-bewonerskaart = Residents' parking card

## Messages in the e-loket
ebox-document-delivered-subject = Your { $type } is ready
ebox-document-delivered-body = You requested a { $type }. The document is below, ready to download. It carries a verification code: whoever you give it to can check that it is genuine. The document is in Dutch, the city's administrative language.
ebox-mail-subject = New message in your e-loket of { $organisation }
ebox-mail-greeting = Hello,
ebox-mail-text = A new message is waiting in your e-loket of { $organisation }.
ebox-mail-how = Sign in to read it:
ebox-mail-why = To protect your privacy, this e-mail says nothing about what the message contains.

## Signing in and the e-loket's start page
nav-eloket = E-loket
eloket-title = My e-loket
eloket-sign-in-title = Sign in to the e-loket
eloket-sign-in-needed = Sign in to open your e-loket.
eloket-sign-in-lead = Request certificates, declare a change of address or apply for a residents' parking card from home. Certificates arrive in your e-loket at once.
eloket-sign-in-unavailable = Signing in to the e-loket is not set up here yet. Call us or come to a counter.
eloket-demo-title = Sign in as a demo resident
eloket-demo-lead = This is a demo. Choose one of the made-up residents of Leuven and see the e-loket as they see it. None of them really exists.
eloket-demo-resident = Demo resident
eloket-demo-pick = Choose a resident
eloket-demo-choose = Choose one of the demo residents from the list.
eloket-demo-submit = Sign in as this resident
eloket-sign-out = Sign out of the e-loket
eloket-welcome = Hello { $name }
eloket-registered-at = According to the population register, you live at { $address }.
eloket-what-title = What would you like to do?
eloket-certificates-title = Request a certificate
eloket-certificates-text = Residence, household composition, life, nationality or an extract: in your e-loket at once.
eloket-requests-title = Your requests
eloket-requests-none = You have not requested anything yet.
eloket-request-what = Request
eloket-request-date = Date
eloket-request-status = Status
eloket-back = Back to my e-loket
request-status-delivered = In your e-loket
request-status-submitted = Submitted, being checked
request-status-approved = Approved
request-status-refused = Refused
request-status-awaiting-payment = Awaiting payment
request-status-issued = Issued
request-status-cancelled = Withdrawn

## Requesting a certificate
eloket-certificates-lead = Choose the certificate you need. It is made at once and is in your e-loket within seconds.
eloket-certificate-which = Which certificate do you need?
eloket-certificate-choose = Choose which certificate you need.
eloket-certificates-dutch = Certificates are in Dutch, the city's administrative language.
eloket-certificates-submit = Request the certificate

## The e-loket: messages
ebox-title = Messages and documents
ebox-empty = There are no messages in your e-loket yet.
ebox-unread = { $count ->
    [one] { $count } new
   *[other] { $count } new
}
ebox-unread-lead = { $count ->
    [0] You have read all your messages.
    [one] You have { $count } new message.
   *[other] You have { $count } new messages.
}
ebox-new = New
ebox-has-document = With a document
ebox-back = Back to your messages
ebox-received = Received on { $when }
ebox-document = Document
ebox-download = Download the document
error-request-type = Choose what you request: one of the types in /api/v1/eloket/request-types.

## A certificate for a visitor at a counter
eloket-counter-title = Certificate for a visitor
eloket-counter-task = Make a certificate from the population register for the person at your counter.
eloket-counter-lead = Read the national register number from the visitor's identity card and choose the certificate. It is made at once and is also in the visitor's e-loket.
eloket-counter-number = The visitor's national register number
eloket-counter-number-hint = On the back of the identity card, for example 85.07.30-033.28.
eloket-counter-not-registered = This person is not in the city's population register. Check the number on the identity card.
eloket-counter-submit = Make the certificate
eloket-counter-issued-title = The certificate is made
eloket-counter-holder = About
eloket-counter-also-ebox = The certificate is also in the visitor's e-loket.
eloket-counter-open = Open the certificate to print it
eloket-counter-another = Make another certificate
