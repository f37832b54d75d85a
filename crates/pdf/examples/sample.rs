//! Renders a sample household composition to the file given as the argument, to look at the
//! layout (e.g. `pdftoppm -png -r 80 sample.pdf sample`).

use loket_pdf::{render, sample};

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "sample.pdf".into());
    let certificate = sample();
    let pdf = render(&certificate).expect("the sample renders");
    std::fs::write(&path, pdf).expect("the file can be written");
    println!("{path}");
}
