//! The demo's residents over the API: listed for the demo's sign-in picker, clearly marked as
//! demo data, and not there at all when Loket does not run as the demo.

mod support;

use loket_domain::national_number::NationalNumber;
use loket_server::AppOptions;
use reqwest::Method;
use support::{api, spawn_app, spawn_app_with};

#[tokio::test]
async fn the_demo_lists_its_made_up_residents_to_sign_in_as() {
    let app = spawn_app().await;
    let (status, residents) = api(&app, Method::GET, "/api/v1/demo/residents", None, None).await;
    assert_eq!(status, 200);
    let residents = residents.as_array().unwrap();
    assert!(residents.len() >= 300, "{} residents", residents.len());
    for resident in residents {
        let number = resident["national_number"].as_str().unwrap();
        assert!(NationalNumber::parse(number).is_ok(), "{number}");
        assert!(!resident["first_name"].as_str().unwrap().is_empty());
        assert!(!resident["last_name"].as_str().unwrap().is_empty());
        let address = resident["address"].as_str().unwrap();
        assert!(
            [
                "3000 Leuven",
                "3001 Heverlee",
                "3010 Kessel-Lo",
                "3012 Wilsele",
                "3018 Wijgmaal"
            ]
            .iter()
            .any(|city| address.ends_with(city)),
            "{address}"
        );
    }

    let (_, openapi) = api(&app, Method::GET, "/api/v1/openapi.json", None, None).await;
    let described = &openapi["paths"]["/api/v1/demo/residents"]["get"];
    let text = format!("{} {}", described["summary"], described["description"]);
    assert!(text.contains("DEMO DATA ONLY"), "{text}");
}

#[tokio::test]
async fn without_the_demo_there_is_no_resident_list() {
    let app = spawn_app_with(AppOptions {
        demo: false,
        public_url: "http://loket.test".into(),
        ..AppOptions::default()
    })
    .await;
    let (status, problem) = api(&app, Method::GET, "/api/v1/demo/residents", None, None).await;
    assert_eq!(status, 404);
    assert_eq!(problem["status"], 404);
}
