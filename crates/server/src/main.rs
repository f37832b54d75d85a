use anyhow::Context;
use clap::{Parser, Subcommand};
use loket_domain::staff::{MIN_PASSWORD_LENGTH, Role, is_valid_username};
use loket_server::config::{ConfigFile, Overrides, ServeConfig};
use loket_store::Store;
use loket_store::staff::UserInput;
use std::io::Read;
use std::path::PathBuf;

/// Loket: appointments, tickets, counters, screens and the e-loket of a city office.
#[derive(Parser)]
#[command(name = "loket", version)]
struct Cli {
    /// Configuration file; used when it exists.
    #[arg(
        long,
        global = true,
        default_value = "loket.toml",
        env = "LOKET_CONFIG"
    )]
    config: PathBuf,
    /// Database: a SQLite file path, or a postgres:// URL.
    #[arg(long, global = true, env = "LOKET_DATABASE_URL")]
    database: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start the web server.
    Serve {
        /// Install the Leuven demo (kept when the database already holds it).
        #[arg(long)]
        demo: bool,
        /// Address to listen on.
        #[arg(long, env = "LOKET_LISTEN")]
        listen: Option<String>,
        /// Start the clock at this instant and let it run, e.g. 2026-12-03T10:00:00+01:00.
        #[arg(long)]
        now: Option<String>,
        /// `off` turns rate limiting off, for load tests on loopback.
        #[arg(long, value_name = "on|off")]
        rate_limit: Option<String>,
    },
    /// Bring the database schema up to date.
    Migrate,
    /// Remove now the personal data of visits older than the retention period, as the server
    /// does every hour.
    Retention,
    /// Manage staff accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Measure Loket on loopback: a fresh demo database, bounded loads, a correctness check after.
    Bench {
        /// Run on a new database on this PostgreSQL server (postgres://user@host:port) instead of SQLite.
        #[arg(long)]
        postgres: Option<String>,
        /// Seconds per timed scenario.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Concurrent clients.
        #[arg(long, default_value_t = 64)]
        clients: usize,
    },
    /// Import a CSV file: a product catalogue (`import FILE` or `import catalogue FILE`) or the
    /// population register (`import residents FILE`).
    #[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
    Import {
        #[command(subcommand)]
        kind: Option<ImportKind>,
        /// A catalogue CSV file (columns as in the Leuven catalogue).
        #[arg(required = true)]
        file: Option<PathBuf>,
    },
    /// Play a whole day of the office through the real floor on a fast clock, into the database,
    /// and print its figures and how close the waits shown on the tickets came.
    Simulate {
        /// Install the Leuven demo first (kept when the database already holds it).
        #[arg(long)]
        demo: bool,
        /// The day to play, e.g. 2026-12-03.
        #[arg(long)]
        date: jiff::civil::Date,
        /// How many citizens come; by default as many as an ordinary day of its opening hours
        /// brings (1,200 on a Thursday open from 9 to 20).
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=5000))]
        visitors: Option<u32>,
        /// The same seed plays the same day; by default each date has its own.
        #[arg(long)]
        seed: Option<u64>,
        /// Stop at this local time, e.g. 18:30, and leave the floor as it is then.
        #[arg(long)]
        until: Option<jiff::civil::Time>,
        /// The site's code; the first site when none is given.
        #[arg(long)]
        site: Option<String>,
    },
}

#[derive(Subcommand)]
enum ImportKind {
    /// Add or update products from a catalogue CSV file.
    Catalogue {
        /// The CSV file (columns as in the Leuven catalogue).
        file: PathBuf,
    },
    /// Store residents from a register CSV file, all or none: those already in the register are
    /// replaced by national number.
    Residents {
        /// Columns: national_number, first_names, last_name, birth_date, birth_place, sex,
        /// nationality, civil_status, street, number, box, postal_code, city, household,
        /// household_role, email.
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a staff account; prints a generated password unless --password-stdin is given.
    Create {
        #[arg(long)]
        username: String,
        /// admin, manager, reception, counter, backoffice, telephonist or shop; repeat for several.
        #[arg(long = "role", required = true)]
        roles: Vec<Role>,
        /// The name colleagues and citizens see.
        #[arg(long)]
        name: Option<String>,
        /// Department code, for back-office employees; repeat for several.
        #[arg(long = "department")]
        departments: Vec<String>,
        /// Read the password from standard input.
        #[arg(long)]
        password_stdin: bool,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("LOKET_LOG")
                .unwrap_or_else(|_| "info".into()),
        )
        .init();
    let cli = Cli::parse();
    let file = ConfigFile::load(
        &cli.config,
        cli.config.as_path() != std::path::Path::new("loket.toml"),
    )?;
    match cli.command {
        Command::Serve {
            demo,
            listen,
            now,
            rate_limit,
        } => {
            let overrides = Overrides {
                listen,
                database: cli.database,
                demo,
                now,
                rate_limit,
            };
            loket_server::serve(ServeConfig::resolve(overrides, file)?).await
        }
        Command::Migrate => {
            let store = open_store(cli.database, file).await?;
            println!("The database is up to date.");
            store.close().await;
            Ok(())
        }
        Command::Retention => {
            let overrides = Overrides {
                database: cli.database,
                ..Overrides::default()
            };
            remove_expired_personal_data(ServeConfig::resolve(overrides, file)?).await
        }
        Command::User {
            command:
                UserCommand::Create {
                    username,
                    roles,
                    name,
                    departments,
                    password_stdin,
                },
        } => {
            let store = open_store(cli.database, file).await?;
            create_user(&store, username, roles, name, departments, password_stdin).await
        }
        Command::Bench {
            postgres,
            seconds,
            clients,
        } => {
            let options = loket_server::bench::BenchOptions {
                postgres_server: postgres,
                duration: std::time::Duration::from_secs(seconds),
                clients,
            };
            loket_server::bench::run(options).await
        }
        Command::Simulate {
            demo,
            date,
            visitors,
            seed,
            until,
            site,
        } => {
            let store = open_store(cli.database, file).await?;
            if demo {
                store.install_demo(jiff::Timestamp::now()).await?;
            }
            let options = loket_server::simulate::SimulateOptions {
                date,
                visitors: visitors.map(|v| v as usize),
                seed,
                until,
                site,
            };
            let report = loket_server::simulate::run(store.clone(), options).await?;
            println!("{report}");
            store.close().await;
            Ok(())
        }
        Command::Import { kind, file: path } => {
            let kind = match (kind, path) {
                (Some(kind), _) => kind,
                (None, Some(file)) => ImportKind::Catalogue { file },
                (None, None) => anyhow::bail!("name the file to import"),
            };
            let store = open_store(cli.database, file).await?;
            import(&store, kind).await
        }
    }
}

async fn import(store: &Store, kind: ImportKind) -> anyhow::Result<()> {
    let read = |path: &PathBuf| {
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
    };
    match kind {
        ImportKind::Catalogue { file } => {
            let count = store.import_catalogue(&read(&file)?).await?;
            println!("Imported {count} products from {}.", file.display());
        }
        ImportKind::Residents { file } => {
            let today = jiff::Zoned::now().date();
            let imported = store.import_residents(&read(&file)?, today).await?;
            println!(
                "Imported {} residents in {} households from {}.",
                imported.residents,
                imported.households,
                file.display()
            );
        }
    }
    Ok(())
}

async fn remove_expired_personal_data(config: ServeConfig) -> anyhow::Result<()> {
    let store = Store::connect(&config.database_url).await?;
    store.migrate().await?;
    let options = loket_server::AppOptions {
        visit_retention: config.visit_retention,
        ..loket_server::AppOptions::default()
    };
    let clock = std::sync::Arc::new(loket_domain::clock::SystemClock);
    let state = loket_server::state::AppState::new(store.clone(), clock, options).await?;
    let removed = loket_server::retention::remove_expired(&state).await?;
    println!(
        "Removed the personal data of visits older than {} days: {}.",
        config.visit_retention.days(),
        loket_server::retention::describe(&removed)
    );
    store.close().await;
    Ok(())
}

async fn open_store(database: Option<String>, file: ConfigFile) -> anyhow::Result<Store> {
    let overrides = Overrides {
        database,
        ..Overrides::default()
    };
    let config = ServeConfig::resolve(overrides, file)?;
    let store = Store::connect(&config.database_url).await?;
    store.migrate().await?;
    Ok(store)
}

async fn create_user(
    store: &Store,
    username: String,
    roles: Vec<Role>,
    name: Option<String>,
    departments: Vec<String>,
    password_stdin: bool,
) -> anyhow::Result<()> {
    anyhow::ensure!(
        is_valid_username(&username),
        "the username must be 2 to 40 lowercase letters, digits, dots, dashes or underscores"
    );
    let password = if password_stdin {
        let mut password = String::new();
        std::io::stdin().read_to_string(&mut password)?;
        password.trim_end_matches(['\r', '\n']).to_owned()
    } else {
        loket_store::staff::random_token()[..20].to_owned()
    };
    anyhow::ensure!(
        password.chars().count() >= MIN_PASSWORD_LENGTH,
        "the password needs at least {MIN_PASSWORD_LENGTH} characters"
    );
    let input = UserInput {
        display_name: name.unwrap_or_else(|| username.clone()),
        username,
        active: true,
        roles,
        departments,
    };
    let user = store
        .create_user(&input, &password, jiff::Timestamp::now())
        .await?;
    println!(
        "Created {} ({}).",
        user.username,
        user.roles
            .iter()
            .map(|r| r.code())
            .collect::<Vec<_>>()
            .join(", ")
    );
    if !password_stdin {
        println!("Password: {password}");
    }
    Ok(())
}
