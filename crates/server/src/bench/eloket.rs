//! The e-loket under load: citizens asking for certificates at once, each rendered, signed, kept
//! and delivered into the e-box while they wait for the answer.

use super::{BenchOptions, Measured, print_line, timed_requests};
use anyhow::{Context, ensure};
use loket_store::Store;
use serde_json::{Value, json};

pub async fn run(
    client: &reqwest::Client,
    base: &str,
    store: &Store,
    backend: &str,
    options: &BenchOptions,
) -> anyhow::Result<()> {
    let tokens = sign_residents_in(client, base, options.clients).await?;
    let measured = certificate_rush(client, base, &tokens, options).await?;
    let issued = measured.latencies.len();
    let checked = check_documents(store, &tokens, issued).await?;
    print_line(
        "certificates",
        backend,
        options,
        measured,
        json!({"issued": issued, "checked": checked}),
    );
    Ok(())
}

/// One citizen session per client, each for another demo resident.
async fn sign_residents_in(
    client: &reqwest::Client,
    base: &str,
    count: usize,
) -> anyhow::Result<Vec<(String, String)>> {
    let residents: Vec<Value> = client
        .get(format!("{base}/api/v1/demo/residents"))
        .send()
        .await?
        .json()
        .await?;
    let mut tokens = Vec::new();
    for resident in residents.iter().take(count) {
        let number = resident["national_number"]
            .as_str()
            .context("a resident without a number")?;
        let session: Value = client
            .post(format!("{base}/api/v1/citizen/session"))
            .json(&json!({"demo_national_number": number}))
            .send()
            .await?
            .json()
            .await?;
        let token = session["token"].as_str().context("no citizen token")?;
        tokens.push((number.to_owned(), token.to_owned()));
    }
    Ok(tokens)
}

/// Every client asks for residence certificates one after the other until the time is up.
async fn certificate_rush(
    client: &reqwest::Client,
    base: &str,
    tokens: &[(String, String)],
    options: &BenchOptions,
) -> anyhow::Result<Measured> {
    let (client, url) = (client.clone(), format!("{base}/api/v1/eloket/requests"));
    let tokens: Vec<String> = tokens.iter().map(|(_, token)| token.clone()).collect();
    timed_requests(tokens.len(), options, 201, move |worker| {
        client
            .post(&url)
            .bearer_auth(&tokens[worker])
            .json(&json!({"type": "attest-woonst"}))
    })
    .await
}

/// Every answer is one document in its owner's e-box, each with a code of its own.
async fn check_documents(
    store: &Store,
    tokens: &[(String, String)],
    issued: usize,
) -> anyhow::Result<&'static str> {
    let mut documents = 0;
    let mut codes = std::collections::HashSet::new();
    for (number, _) in tokens {
        for document in store.documents_of(number).await? {
            codes.insert(document.verification_code);
            documents += 1;
        }
        let messages = store.ebox(number).await?.len();
        ensure!(
            messages == store.documents_of(number).await?.len(),
            "a document without its message"
        );
    }
    ensure!(
        documents == issued,
        "{issued} answers but {documents} documents"
    );
    ensure!(codes.len() == documents, "a verification code twice");
    Ok("every certificate kept once, in its owner's e-box, with a code of its own")
}
