//! The command line an operator uses to set up a city: migrate, create staff, import a catalogue.

use loket_domain::national_number::NationalNumber;
use loket_domain::staff::Role;
use loket_store::Store;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn loket(database: &str, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_loket"))
        .args(args)
        .args(["--database", database])
        .env("LOKET_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[tokio::test]
async fn an_operator_sets_up_a_city_from_the_command_line() {
    let folder = std::env::temp_dir().join(format!("loket-cli-{}", std::process::id()));
    let database = folder.join("city.db").display().to_string();

    let migrated = loket(&database, &["migrate"], None);
    assert!(migrated.status.success(), "{}", text(&migrated.stderr));
    assert!(text(&migrated.stdout).contains("up to date"));

    let short = loket(
        &database,
        &[
            "user",
            "create",
            "--username",
            "an.admin",
            "--role",
            "admin",
            "--password-stdin",
        ],
        Some("short\n"),
    );
    assert!(!short.status.success());
    assert!(text(&short.stderr).contains("at least 10 characters"));

    let unknown_role = loket(
        &database,
        &["user", "create", "--username", "an.admin", "--role", "boss"],
        None,
    );
    assert!(!unknown_role.status.success());
    assert!(text(&unknown_role.stderr).contains("unknown role"));

    let created = loket(
        &database,
        &[
            "user",
            "create",
            "--username",
            "an.admin",
            "--role",
            "admin",
            "--role",
            "manager",
            "--name",
            "An Admin",
            "--password-stdin",
        ],
        Some("a long enough password\n"),
    );
    assert!(created.status.success(), "{}", text(&created.stderr));
    assert!(text(&created.stdout).contains("Created an.admin (admin, manager)"));

    let generated = loket(
        &database,
        &[
            "user",
            "create",
            "--username",
            "balie9",
            "--role",
            "counter",
        ],
        None,
    );
    let password = text(&generated.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Password: ").map(str::to_owned))
        .unwrap();
    assert!(password.len() >= 20);

    let catalogue = folder.join("catalogue.csv");
    std::fs::write(
        &catalogue,
        "code,name_nl,name_fr,name_en,department,zone,channel,minutes,fee_eur,online,pickup_later\n\
         stadsplan,Stadsplan,Plan de la ville,City map,onthaal,A,fast_counter,1,0.00,no,no\n",
    )
    .unwrap();
    let without_department = loket(&database, &["import", catalogue.to_str().unwrap()], None);
    assert!(
        !without_department.status.success(),
        "the department must exist first"
    );
    assert!(text(&without_department.stderr).contains("stadsplan"));

    let store = Store::connect(&database).await.unwrap();
    let department = loket_domain::catalogue::DepartmentInput {
        code: "onthaal".into(),
        names: loket_domain::catalogue::Texts::new("Onthaal", "Accueil", "Reception"),
        staffing: loket_domain::catalogue::Staffing::Fixed,
    };
    store.save_department(&department).await.unwrap();
    let imported = loket(&database, &["import", catalogue.to_str().unwrap()], None);
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    assert!(text(&imported.stdout).contains("Imported 1 products"));

    assert_eq!(
        store.product("stadsplan").await.unwrap().name_en,
        "City map"
    );
    let admin = store
        .authenticate("an.admin", "a long enough password")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(admin.roles, vec![Role::Admin, Role::Manager]);
    assert!(
        store
            .authenticate("balie9", &password)
            .await
            .unwrap()
            .is_some()
    );
    store.close().await;
    std::fs::remove_dir_all(folder).unwrap();
}

const REGISTER_HEADER: &str = "national_number,first_names,last_name,birth_date,birth_place,sex,nationality,civil_status,street,number,box,postal_code,city,household,household_role,email\n";

#[tokio::test]
async fn an_operator_imports_the_population_register_all_or_nothing() {
    let folder = std::env::temp_dir().join(format!("loket-cli-register-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let database = folder.join("city.db").display().to_string();
    let file = folder.join("residents.csv");
    let path = file.to_str().unwrap();

    // One wrong line among good ones: every problem is named by its line, and nothing is stored.
    std::fs::write(
        &file,
        format!(
            "{REGISTER_HEADER}85.07.30-033.28,Jan Frans,Peeters,1985-07-30,Leuven,M,BE,married,Naamsestraat,10,,3000,Leuven,a,reference,jan@example.org\n\
             17073003384,Lars,Peeters,2017-07-30,Leuven,F,BE,single,Naamsestraat,10,,3000,Leuven,a,child,\n\
             93051822361,Arjun,Sharma,1993-05-18,Chennai,F,IN,single,Nieuwe Straat,4,2,3000,Leuven,b,reference,\n"
        ),
    )
    .unwrap();
    let refused = loket(&database, &["import", "residents", path], None);
    assert!(!refused.status.success());
    let errors = text(&refused.stderr);
    assert!(errors.contains("line 3: sex: does not match"), "{errors}");
    assert!(errors.contains("line 4: sex: does not match"), "{errors}");
    let store = Store::connect(&database).await.unwrap();
    assert_eq!(store.resident_count().await.unwrap(), 0);

    std::fs::write(
        &file,
        format!(
            "{REGISTER_HEADER}85.07.30-033.28,Jan Frans,Peeters,1985-07-30,Leuven,M,BE,married,Naamsestraat,10,,3000,Leuven,a,reference,jan@example.org\n\
             17073003384,Lars,Peeters,2017-07-30,Leuven,M,BE,single,Naamsestraat,10,,3000,Leuven,a,child,\n\
             93051822361,Arjun,Sharma,1993-05-18,Chennai,M,IN,single,Nieuwe Straat,4,2,3000,Leuven,b,reference,\n"
        ),
    )
    .unwrap();
    let imported = loket(&database, &["import", "residents", path], None);
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    assert!(text(&imported.stdout).contains("Imported 3 residents in 2 households"));
    let jan = NationalNumber::parse("85073003328").unwrap();
    let entry = store.register_entry(&jan).await.unwrap();
    assert_eq!(entry.household.len(), 2);
    assert_eq!(
        entry.home.address.to_string(),
        "Naamsestraat 10, 3000 Leuven"
    );
    let new_street = store.streets().await.unwrap();
    assert!(
        new_street
            .iter()
            .any(|s| s.name == "Nieuwe Straat" && s.parking_zone.is_none())
    );

    // Importing again replaces a resident by national number rather than adding them twice.
    std::fs::write(
        &file,
        format!(
            "{REGISTER_HEADER}85.07.30-033.28,Jan,Peeters-Claes,1985-07-30,Leuven,M,BE,divorced,Naamsestraat,10,,3000,Leuven,x,reference,\n"
        ),
    )
    .unwrap();
    let again = loket(&database, &["import", "residents", path], None);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert_eq!(store.resident_count().await.unwrap(), 3);
    let entry = store.register_entry(&jan).await.unwrap();
    assert_eq!(entry.resident.last_name, "Peeters-Claes");
    assert_eq!(entry.household.len(), 1);
    store.close().await;
    std::fs::remove_dir_all(folder).unwrap();
}
