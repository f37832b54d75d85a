## The e-loket: citizens signing in, residents' parking cards
error-demo-resident = This person is not in the demo's register. Choose one of the demo residents.
error-plate-empty = Enter the licence plate, for example 1-ABC-123.
error-plate-format = This is not a Belgian licence plate. Write it as it is on the car, for example 1-ABC-123.
