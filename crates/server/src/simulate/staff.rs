//! The simulated day's employees: one at each counter of the zones with fixed counters, one at
//! reception, and one back-office employee for the departments on call. Their accounts are
//! named "Simulatie", switched off (nobody signs in with them) and have a random password.

use crate::state::AppState;
use loket_domain::catalogue::Channel;
use loket_domain::staff::Role;
use loket_store::StoreError;
use loket_store::organisation::{Counter, Site};
use loket_store::staff::{StaffUser, UserInput, random_token};

pub(crate) struct Staff {
    pub reception: StaffUser,
    pub back_office: StaffUser,
    /// The counters the day is worked at, each with its employee.
    pub counters: Vec<(Counter, StaffUser)>,
}

impl Staff {
    pub async fn prepare(state: &AppState, site: &Site) -> anyhow::Result<Staff> {
        let snapshot = state.books.current(&state.store).await?;
        let mut on_call: Vec<&str> = snapshot
            .catalogue
            .iter()
            .filter(|p| p.channel == Channel::OnCall)
            .map(|p| p.department_code.as_str())
            .collect();
        on_call.sort_unstable();
        on_call.dedup();
        let reception = account(
            state,
            "simulatie-onthaal",
            "Simulatie onthaal",
            Role::Reception,
            &[],
        )
        .await?;
        let back_office = account(
            state,
            "simulatie-afroep",
            "Simulatie back office",
            Role::Backoffice,
            &on_call,
        )
        .await?;
        let serves_at_fixed_counter = |counter: &Counter| {
            counter.products.iter().any(|code| {
                snapshot
                    .catalogue
                    .iter()
                    .any(|p| &p.code == code && p.channel != Channel::OnCall)
            })
        };
        let occupied = state.store.counters_on_floor(site.id).await?;
        let mut counters = Vec::new();
        for counter in snapshot.counters(&state.store, site.id).await?.iter() {
            if !serves_at_fixed_counter(counter) {
                continue;
            }
            let username = format!("simulatie-balie-{}", counter.number);
            let name = format!("Simulatie balie {}", counter.number);
            let user = account(state, &username, &name, Role::Counter, &[]).await?;
            let present = occupied.iter().find(|c| c.counter_id == counter.id);
            match present.and_then(|c| c.user_id) {
                None => {}
                // Left signed in by a simulation stopped early.
                Some(id) if id == user.id => {
                    state
                        .store
                        .sign_out_of_counter(counter.id, id, state.now())
                        .await?;
                }
                // Someone real works there: the simulation leaves that counter alone.
                Some(_) => continue,
            }
            counters.push((counter.clone(), user));
        }
        Ok(Staff {
            reception,
            back_office,
            counters,
        })
    }
}

/// The account of `username`, created when it does not exist yet.
async fn account(
    state: &AppState,
    username: &str,
    name: &str,
    role: Role,
    departments: &[&str],
) -> anyhow::Result<StaffUser> {
    match state.store.user(username).await {
        Ok(user) => return Ok(user),
        Err(StoreError::NotFound) => {}
        Err(other) => return Err(other.into()),
    }
    let input = UserInput {
        username: username.to_owned(),
        display_name: name.to_owned(),
        active: false,
        roles: vec![role],
        departments: departments.iter().map(|d| d.to_string()).collect(),
    };
    Ok(state
        .store
        .create_user(&input, &random_token(), state.now())
        .await?)
}
