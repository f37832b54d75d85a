use crate::api::auth::Staff;
use crate::api::problem::ApiResult;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Query, State};
use loket_domain::staff::Role;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
pub struct MeView {
    username: String,
    display_name: String,
    #[schema(value_type = Vec<String>)]
    roles: Vec<Role>,
    departments: Vec<String>,
}

/// Who the bearer token belongs to.
#[utoipa::path(get, path = "/api/v1/staff/me", tag = "staff", security(("bearer" = [])),
    responses((status = 200, body = MeView), (status = 401, body = crate::api::problem::Problem)))]
pub async fn me(staff: Staff) -> ApiResult<Json<MeView>> {
    let user = staff.0;
    Ok(Json(MeView {
        username: user.username,
        display_name: user.display_name,
        roles: user.roles,
        departments: user.departments,
    }))
}

#[derive(Deserialize, IntoParams)]
pub struct AuditQuery {
    /// At most this many entries, newest first (default 100, at most 1000).
    limit: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditView {
    at: String,
    actor: Option<String>,
    action: String,
    subject: String,
    detail: String,
}

/// The audit log, newest first (administrators only).
#[utoipa::path(get, path = "/api/v1/admin/audit", tag = "staff", security(("bearer" = [])), params(AuditQuery),
    responses((status = 200, body = [AuditView]), (status = 401, body = crate::api::problem::Problem),
              (status = 403, body = crate::api::problem::Problem)))]
pub async fn audit_log(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<AuditQuery>,
) -> ApiResult<Json<Vec<AuditView>>> {
    staff.require(Role::Admin)?;
    let limit = query.limit.unwrap_or(100).clamp(1, 1000);
    let entries = state.store.audit_entries(limit).await?;
    Ok(Json(
        entries
            .into_iter()
            .map(|e| AuditView {
                at: state.local_instant(e.at),
                actor: e.actor,
                action: e.action,
                subject: e.subject,
                detail: e.detail,
            })
            .collect(),
    ))
}
