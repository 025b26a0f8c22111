//! The request matrix: every template of `data/requests/` resolves to itself from concrete
//! URLs (`roundtrip`), an independent reading of `permissions.json` agrees with the engine on
//! thousands of sampled requests (`reference`), and resolution never panics (`props`).

mod props;
mod reference;
mod roundtrip;
mod support;
