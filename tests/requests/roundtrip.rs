//! Every (template, method, scheme) of `data/requests/` resolves to itself from concrete URLs,
//! with the data's permissions in the data's order.

use super::support::{concrete, data_cells};
use msgraph_scopes::{resolve_request, AuthMode, Method};

#[test]
fn every_template_resolves_to_itself_from_concrete_urls() {
    let cells = data_cells();
    assert!(
        cells.len() > 9000,
        "{} (template, method) pairs",
        cells.len()
    );
    let mut failures = Vec::new();
    let mut checked = 0;
    for (i, cell) in cells.iter().enumerate() {
        let method: Method = cell.method.parse().unwrap();
        for seed in [i, i + 1, i + 2, i + 3] {
            let url = concrete(&cell.template, seed);
            match resolve_request(method, &url) {
                Ok(found) if found.template() == cell.template => {
                    for (m, mode) in AuthMode::ALL.into_iter().enumerate() {
                        let got: Option<Vec<&str>> = found
                            .permissions(mode)
                            .map(|p| p.iter().map(|p| p.name()).collect());
                        let want: Option<Vec<&str>> = cell.cells[m]
                            .as_ref()
                            .map(|c| c.iter().map(String::as_str).collect());
                        if got != want {
                            failures.push(format!(
                                "{method} {url} {mode}: {got:?}, data says {want:?}"
                            ));
                        }
                        checked += 1;
                    }
                }
                Ok(found) => failures.push(format!(
                    "{method} {url}: resolved to {}, not {}",
                    found.template(),
                    cell.template
                )),
                Err(e) => failures.push(format!("{method} {url}: {e}")),
            }
        }
    }
    println!("{checked} (template, method, mode, URL form) cells checked");
    assert!(
        failures.is_empty(),
        "{} of {checked} failed, e.g.:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}
