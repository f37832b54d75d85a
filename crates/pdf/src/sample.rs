//! A household composition with made-up data: to look at the layout and to test with.

use crate::{Certificate, DataLine, Heading, Table, Verification};

/// A sample certificate; its verification code is `K7M2-P9QX-4HTR`.
pub fn sample() -> Certificate {
    let line = |label: &str, value: &str| DataLine {
        label: label.into(),
        value: value.into(),
    };
    Certificate {
        language: "nl-BE".into(),
        heading: Heading {
            organisation: "Stad Leuven".into(),
            service: "Dienst Burgerzaken".into(),
            address_lines: vec![
                "Professor Van Overstraetenplein 1".into(),
                "3000 Leuven".into(),
            ],
        },
        title: "Gezinssamenstelling".into(),
        introduction: "Uit het bevolkingsregister blijkt dat het gezin van de hierna genoemde \
                       persoon op deze datum als volgt is samengesteld."
            .into(),
        lines: vec![
            line("Naam", "Peeters, Jan Maria"),
            line("Rijksregisternummer", "85.07.30-033.28"),
            line("Adres", "Bondgenotenlaan 12 bus 3, 3000 Leuven"),
        ],
        table: Some(Table {
            caption: "Samenstelling van het gezin".into(),
            headers: vec!["Naam".into(), "Geboortedatum".into(), "Relatie".into()],
            rows: vec![
                vec![
                    "Peeters, Jan Maria".into(),
                    "30 juli 1985".into(),
                    "Referentiepersoon".into(),
                ],
                vec![
                    "Janssens, Els".into(),
                    "2 juni 1987".into(),
                    "Partner".into(),
                ],
                vec![
                    "Peeters, Lotte".into(),
                    "14 februari 2015".into(),
                    "Kind".into(),
                ],
            ],
        }),
        closing: Some("Dit attest wordt afgeleverd om voor te leggen aan wie het vraagt.".into()),
        place_and_date: "Leuven, 3 december 2026".into(),
        issued_by: "Dienst Burgerzaken".into(),
        verification: Verification {
            code_label: "Verificatiecode".into(),
            code: "K7M2-P9QX-4HTR".into(),
            instruction: "Controleer of dit document echt is op".into(),
            url: "https://loket.leuven.be/verify?code=K7M2-P9QX-4HTR".into(),
            qr_description: "QR-code die de verificatiepagina van dit document opent".into(),
        },
    }
}
