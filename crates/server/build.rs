// The translations are embedded at compile time; rebuild when a translator edits them.
fn main() {
    println!("cargo:rerun-if-changed=locales");
}
