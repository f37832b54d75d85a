//! The city's copy of the population register: streets with their residents' parking zone,
//! housing units, households and residents. Filled by `loket import residents` (or the demo),
//! read by certificates, and changed by an approved address change.

use crate::backend::BeginWrite;
use crate::{Store, StoreError, StoreResult};
use jiff::civil::Date;
use loket_domain::national_number::NationalNumber;
use loket_domain::register::{Address, CivilStatus, HouseholdRole, Resident, Sex};

/// A street of the city's street list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Street {
    pub id: i64,
    pub name: String,
    pub postal_code: String,
    pub city: String,
    /// The residents' parking zone (`LEU1`…`LEU4`); None where there is none.
    pub parking_zone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreetInput {
    pub name: String,
    pub postal_code: String,
    pub city: String,
    pub parking_zone: Option<String>,
}

/// A household to store at an address, its reference person first.
#[derive(Debug, Clone, Copy)]
pub struct NewHousehold<'a> {
    pub address: &'a Address,
    /// Since when the household lives there.
    pub since: Date,
    pub members: &'a [Resident],
}

/// A housing unit, as the parking card counts them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HousingUnit {
    pub address_id: i64,
    pub address: Address,
    pub parking_zone: Option<String>,
}

/// A resident as the register knows them: where they live, since when, and with whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterEntry {
    pub resident: Resident,
    pub household_id: i64,
    pub since: Date,
    pub home: HousingUnit,
    /// Everyone in the household, the resident too: the reference person first, then by birth.
    pub household: Vec<Resident>,
}

/// A line of the demo's resident picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResidentSummary {
    /// Eleven digits.
    pub national_number: String,
    pub first_name: String,
    pub last_name: String,
    pub address: String,
}

#[derive(sqlx::FromRow)]
struct ResidentRow {
    national_number: String,
    first_names: String,
    last_name: String,
    birth_date: String,
    birth_place: String,
    sex: String,
    nationality: String,
    civil_status: String,
    household_role: String,
    email: Option<String>,
    household_id: i64,
    since: String,
    address_id: i64,
    street: String,
    number: String,
    box_number: String,
    postal_code: String,
    city: String,
    parking_zone: Option<String>,
}

const RESIDENT_COLUMNS: &str = "SELECT r.national_number, r.first_names, r.last_name, r.birth_date, r.birth_place, \
     r.sex, r.nationality, r.civil_status, r.household_role, r.email, r.household_id, h.since, \
     a.id AS address_id, s.name AS street, a.number, a.box AS box_number, s.postal_code, s.city, s.parking_zone \
     FROM residents r JOIN households h ON h.id = r.household_id JOIN addresses a ON a.id = h.address_id \
     JOIN streets s ON s.id = a.street_id";

/// The reference person first, then the eldest.
const HOUSEHOLD_ORDER: &str =
    "CASE WHEN r.household_role = 'reference' THEN 0 ELSE 1 END, r.birth_date, r.national_number";

fn invalid(what: &str, value: &str) -> StoreError {
    StoreError::Invalid(format!("register {what} {value}"))
}

fn date(text: &str) -> StoreResult<Date> {
    text.parse().map_err(|_| invalid("date", text))
}

impl ResidentRow {
    fn resident(&self) -> StoreResult<Resident> {
        Ok(Resident {
            national_number: NationalNumber::parse(&self.national_number)
                .map_err(|_| invalid("national number of", &self.last_name))?,
            first_names: self.first_names.clone(),
            last_name: self.last_name.clone(),
            birth_date: date(&self.birth_date)?,
            birth_place: self.birth_place.clone(),
            sex: Sex::parse(&self.sex).ok_or_else(|| invalid("sex", &self.sex))?,
            nationality: self.nationality.clone(),
            civil_status: CivilStatus::parse(&self.civil_status)
                .ok_or_else(|| invalid("civil status", &self.civil_status))?,
            household_role: HouseholdRole::parse(&self.household_role)
                .ok_or_else(|| invalid("household role", &self.household_role))?,
            email: self.email.clone(),
        })
    }

    fn home(&self) -> HousingUnit {
        HousingUnit {
            address_id: self.address_id,
            address: Address {
                street: self.street.clone(),
                number: self.number.clone(),
                box_number: self.box_number.clone(),
                postal_code: self.postal_code.clone(),
                city: self.city.clone(),
            },
            parking_zone: self.parking_zone.clone(),
        }
    }
}

/// The id of the street of `$address`, created without a parking zone when the city's list does
/// not have it yet.
macro_rules! street_id_in {
    ($tx:ident, $address:expr) => {{
        sqlx::query(
            "INSERT INTO streets (name, postal_code, city) VALUES ($1, $2, $3) \
             ON CONFLICT (name, postal_code) DO NOTHING",
        )
        .bind(&$address.street)
        .bind(&$address.postal_code)
        .bind(&$address.city)
        .execute(&mut *$tx)
        .await?;
        let id: i64 =
            sqlx::query_scalar("SELECT id FROM streets WHERE name = $1 AND postal_code = $2")
                .bind(&$address.street)
                .bind(&$address.postal_code)
                .fetch_one(&mut *$tx)
                .await?;
        id
    }};
}

/// The id of the housing unit at number and box of a street, created when new.
macro_rules! address_id_in {
    ($tx:ident, $street_id:expr, $address:expr) => {{
        sqlx::query(
            "INSERT INTO addresses (street_id, number, box) VALUES ($1, $2, $3) \
             ON CONFLICT (street_id, number, box) DO NOTHING",
        )
        .bind($street_id)
        .bind(&$address.number)
        .bind(&$address.box_number)
        .execute(&mut *$tx)
        .await?;
        let id: i64 = sqlx::query_scalar(
            "SELECT id FROM addresses WHERE street_id = $1 AND number = $2 AND box = $3",
        )
        .bind($street_id)
        .bind(&$address.number)
        .bind(&$address.box_number)
        .fetch_one(&mut *$tx)
        .await?;
        id
    }};
}

impl Store {
    /// Adds streets to the city's list, or updates the city and parking zone of those it has.
    pub async fn save_streets(&self, streets: &[StreetInput]) -> StoreResult<()> {
        let sql = "INSERT INTO streets (name, postal_code, city, parking_zone) VALUES ($1, $2, $3, $4) \
                   ON CONFLICT (name, postal_code) DO UPDATE SET city = excluded.city, parking_zone = excluded.parking_zone";
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            for street in streets {
                sqlx::query(sql)
                    .bind(&street.name)
                    .bind(&street.postal_code)
                    .bind(&street.city)
                    .bind(&street.parking_zone)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// The city's street list, by name.
    pub async fn streets(&self) -> StoreResult<Vec<Street>> {
        let sql = "SELECT id, name, postal_code, city, parking_zone FROM streets ORDER BY name, postal_code";
        let rows: Vec<(i64, String, String, String, Option<String>)> =
            on_backend!(self, pool => sqlx::query_as(sql).fetch_all(pool).await?);
        Ok(rows
            .into_iter()
            .map(|(id, name, postal_code, city, parking_zone)| Street {
                id,
                name,
                postal_code,
                city,
                parking_zone,
            })
            .collect())
    }

    /// The residents' parking zone of the street of `address`; None when it has none or the
    /// street is not on the city's list.
    pub async fn parking_zone_of(&self, address: &Address) -> StoreResult<Option<String>> {
        let sql = "SELECT parking_zone FROM streets WHERE name = $1 AND postal_code = $2";
        let zone: Option<Option<String>> = on_backend!(self, pool => sqlx::query_scalar(sql)
            .bind(&address.street).bind(&address.postal_code).fetch_optional(pool).await?);
        Ok(zone.flatten())
    }

    /// Stores households in one transaction: all of them or none. A resident already in the
    /// register (by national number) is replaced and leaves their former household; a household
    /// left without members is removed. A household whose reference person lived at the same
    /// address already keeps the date since when it lives there.
    pub async fn save_households(&self, households: &[NewHousehold<'_>]) -> StoreResult<()> {
        let upsert = "INSERT INTO residents (national_number, first_names, last_name, birth_date, birth_place, sex, \
             nationality, civil_status, household_id, household_role, email) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
             ON CONFLICT (national_number) DO UPDATE SET first_names = excluded.first_names, \
             last_name = excluded.last_name, birth_date = excluded.birth_date, birth_place = excluded.birth_place, \
             sex = excluded.sex, nationality = excluded.nationality, civil_status = excluded.civil_status, \
             household_id = excluded.household_id, household_role = excluded.household_role, email = excluded.email";
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            for household in households {
                let street_id = street_id_in!(tx, household.address);
                let address_id = address_id_in!(tx, street_id, household.address);
                let reference = household.members.first().map(|m| m.national_number.digits());
                let lived_here: Option<String> = sqlx::query_scalar(
                    "SELECT h.since FROM residents r JOIN households h ON h.id = r.household_id \
                     WHERE r.national_number = $1 AND h.address_id = $2")
                    .bind(reference)
                    .bind(address_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                let household_id: i64 = sqlx::query_scalar(
                    "INSERT INTO households (address_id, since) VALUES ($1, $2) RETURNING id")
                    .bind(address_id)
                    .bind(lived_here.unwrap_or_else(|| household.since.to_string()))
                    .fetch_one(&mut *tx)
                    .await?;
                for member in household.members {
                    sqlx::query(upsert)
                        .bind(member.national_number.digits())
                        .bind(&member.first_names)
                        .bind(&member.last_name)
                        .bind(member.birth_date.to_string())
                        .bind(&member.birth_place)
                        .bind(member.sex.code())
                        .bind(&member.nationality)
                        .bind(member.civil_status.code())
                        .bind(household_id)
                        .bind(member.household_role.code())
                        .bind(&member.email)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            sqlx::query("DELETE FROM households WHERE NOT EXISTS \
                         (SELECT 1 FROM residents r WHERE r.household_id = households.id)")
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// How many residents the register holds.
    pub async fn resident_count(&self) -> StoreResult<i64> {
        Ok(
            on_backend!(self, pool => sqlx::query_scalar("SELECT COUNT(*) FROM residents")
            .fetch_one(pool).await?),
        )
    }

    /// A resident with their home and household; [`StoreError::NotFound`] when the register
    /// does not know the number. The caller audits the lookup.
    pub async fn register_entry(&self, number: &NationalNumber) -> StoreResult<RegisterEntry> {
        let sql = format!(
            "{RESIDENT_COLUMNS} WHERE r.household_id = \
             (SELECT household_id FROM residents WHERE national_number = $1) ORDER BY {HOUSEHOLD_ORDER}"
        );
        let rows: Vec<ResidentRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(number.digits()).fetch_all(pool).await?);
        let Some(row) = rows.iter().find(|r| r.national_number == number.digits()) else {
            return Err(StoreError::NotFound);
        };
        Ok(RegisterEntry {
            resident: row.resident()?,
            household_id: row.household_id,
            since: date(&row.since)?,
            home: row.home(),
            household: rows
                .iter()
                .map(ResidentRow::resident)
                .collect::<StoreResult<_>>()?,
        })
    }

    /// The housing unit a resident lives in; [`StoreError::NotFound`] for an unknown number.
    pub async fn housing_unit_of(&self, number: &NationalNumber) -> StoreResult<HousingUnit> {
        let sql = format!("{RESIDENT_COLUMNS} WHERE r.national_number = $1");
        let row: ResidentRow = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(number.digits()).fetch_one(pool).await?);
        Ok(row.home())
    }

    /// Every resident with their address, by name: the demo's resident picker. Only for the demo,
    /// whose residents are made up.
    pub async fn resident_summaries(&self) -> StoreResult<Vec<ResidentSummary>> {
        let sql =
            format!("{RESIDENT_COLUMNS} ORDER BY r.last_name, r.first_names, r.national_number");
        let rows: Vec<ResidentRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(pool).await?);
        Ok(rows
            .into_iter()
            .map(|row| ResidentSummary {
                address: row.home().address.to_string(),
                first_name: loket_domain::register::first_name(&row.first_names).to_owned(),
                national_number: row.national_number,
                last_name: row.last_name,
            })
            .collect())
    }

    /// Moves residents of one household to an address of the city (its street must be on the
    /// city's list) from `since`, in one transaction. When the whole household moves, it keeps
    /// its composition; when some move, they form a new household there, led by the reference
    /// person if they move along and otherwise by the eldest mover, and the eldest who stays
    /// leads the household left behind.
    ///
    /// [`StoreError::NotFound`] for an unknown national number, [`StoreError::Reference`] for a
    /// street not on the list, [`StoreError::WrongState`] when the movers are not of one
    /// household, or no longer because another move changed their household meanwhile.
    /// Returns the household the movers belong to afterwards.
    pub async fn move_to_address(
        &self,
        movers: &[NationalNumber],
        to: &Address,
        since: Date,
    ) -> StoreResult<i64> {
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let household_id = move_to_address_in!(tx, movers, to, since);
            tx.commit().await?;
            Ok(household_id)
        })
    }
}

/// [`Store::move_to_address`] inside the write transaction `$tx`, for a change that must happen
/// together with the move (an address change approved); evaluates to the movers' household and
/// returns the error from the enclosing function, so the transaction is rolled back.
macro_rules! move_to_address_in {
    ($tx:ident, $movers:expr, $to:expr, $since:expr) => {{
        let movers: &[loket_domain::national_number::NationalNumber] = $movers;
        let to: &loket_domain::register::Address = $to;
        let since: jiff::civil::Date = $since;
        let Some(first) = movers.first() else {
            return Err($crate::StoreError::WrongState("nobody moves".into()));
        };
        let street_id: Option<i64> =
            sqlx::query_scalar("SELECT id FROM streets WHERE name = $1 AND postal_code = $2")
                .bind(&to.street)
                .bind(&to.postal_code)
                .fetch_optional(&mut *$tx)
                .await?;
        let Some(street_id) = street_id else {
            return Err($crate::StoreError::Reference(format!(
                "street {} {}",
                to.postal_code, to.street
            )));
        };
        let members: Vec<(String, String, String, i64)> = sqlx::query_as(
            "SELECT r.national_number, r.household_role, r.birth_date, r.household_id \
             FROM residents r WHERE r.household_id = (SELECT household_id FROM residents WHERE national_number = $1) \
             ORDER BY r.birth_date, r.national_number",
        )
        .bind(first.digits())
        .fetch_all(&mut *$tx)
        .await?;
        let Some(&(_, _, _, old_household)) = members.first() else {
            return Err($crate::StoreError::NotFound);
        };
        let plan = $crate::register::MovePlan::new(&members, movers)?;
        let address_id = $crate::register::address_id_in!($tx, street_id, to);
        if plan.everyone_moves() {
            sqlx::query("UPDATE households SET address_id = $1, since = $2 WHERE id = $3")
                .bind(address_id)
                .bind(since.to_string())
                .bind(old_household)
                .execute(&mut *$tx)
                .await?;
            old_household
        } else {
            let new_household: i64 = sqlx::query_scalar(
                "INSERT INTO households (address_id, since) VALUES ($1, $2) RETURNING id",
            )
            .bind(address_id)
            .bind(since.to_string())
            .fetch_one(&mut *$tx)
            .await?;
            for (number, role, household) in plan.changes(old_household, new_household) {
                let changed = sqlx::query(
                    "UPDATE residents SET household_id = $1, household_role = $2 \
                     WHERE national_number = $3 AND household_id = $4",
                )
                .bind(household)
                .bind(role.code())
                .bind(number)
                .bind(old_household)
                .execute(&mut *$tx)
                .await?
                .rows_affected();
                if changed != 1 {
                    return Err($crate::StoreError::WrongState("moved already".into()));
                }
            }
            new_household
        }
    }};
}
pub(crate) use {address_id_in, move_to_address_in};

/// Who of a household moves and who stays, with the roles they have afterwards.
pub(crate) struct MovePlan<'a> {
    /// National number and new role, the eldest first.
    movers: Vec<(&'a str, HouseholdRole)>,
    stayers: Vec<(&'a str, HouseholdRole)>,
}

impl<'a> MovePlan<'a> {
    /// `members` as (national number, role, birth date, household), the eldest first.
    pub(crate) fn new(
        members: &'a [(String, String, String, i64)],
        movers: &[NationalNumber],
    ) -> StoreResult<MovePlan<'a>> {
        let mut plan = MovePlan {
            movers: Vec::new(),
            stayers: Vec::new(),
        };
        for (number, role, _, _) in members {
            let role = HouseholdRole::parse(role).ok_or_else(|| invalid("household role", role))?;
            if movers.iter().any(|m| m.digits() == number) {
                plan.movers.push((number, role));
            } else {
                plan.stayers.push((number, role));
            }
        }
        if plan.movers.len() != movers.len() {
            return Err(StoreError::WrongState("not one household".into()));
        }
        lead(&mut plan.movers);
        lead(&mut plan.stayers);
        Ok(plan)
    }

    pub(crate) fn everyone_moves(&self) -> bool {
        self.stayers.is_empty()
    }

    /// Each member's household and role after the move.
    pub(crate) fn changes(&self, old: i64, new: i64) -> Vec<(&'a str, HouseholdRole, i64)> {
        let moved = self.movers.iter().map(|&(n, r)| (n, r, new));
        let stayed = self.stayers.iter().map(|&(n, r)| (n, r, old));
        moved.chain(stayed).collect()
    }
}

/// A group without its reference person is led by its eldest.
fn lead(group: &mut [(&str, HouseholdRole)]) {
    if !group.iter().any(|(_, r)| *r == HouseholdRole::Reference)
        && let Some(eldest) = group.first_mut()
    {
        eldest.1 = HouseholdRole::Reference;
    }
}
