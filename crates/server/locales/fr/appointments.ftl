## Rendez-vous
error-site = Choisissez un site dans la liste.
error-products-none = Choisissez au moins un produit.
error-products-too-many = Vous pouvez réserver au maximum 6 produits ou personnes en un seul rendez-vous. Prenez un second rendez-vous pour le reste.
error-product-not-by-appointment = L'un de ces produits ne se fait pas sur rendez-vous. Consultez la page du produit pour savoir comment procéder.
error-products-zones = Ces produits sont traités dans des zones différentes. Prenez un rendez-vous séparé pour chacun.
error-person-name = Indiquez votre nom.
error-email = Indiquez une adresse e-mail valable, par exemple nom@exemple.be.
error-start = Choisissez une heure dans la liste.
error-start-too-soon = Cette heure est trop proche. Choisissez une heure au moins deux heures à partir de maintenant.
error-start-too-late = Vous ne pouvez pas encore prendre rendez-vous aussi loin à l'avance.
error-start-not-offered = Aucun rendez-vous n'est possible à cette heure. Choisissez une heure dans la liste.
problem-slot-taken = Cette heure n'est plus libre. Choisissez une autre heure.
problem-not-booked = Ce rendez-vous ne peut plus être modifié : il a été annulé ou est passé.
