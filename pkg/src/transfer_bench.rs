//! Only in the builds of `make bench-transfer` (features `transfer-serde`, `transfer-json`; never
//! in the package): `validate(source)` with its result handed to JavaScript in another form than
//! the [`crate::compact`] one, so that `pkg/bench/transfer.mjs` can time the three on the same
//! report. Each gives the same object as `validate` (the bench checks that before timing).

use js_sys::JsString;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{utf8_of, OptionsError, Source};
use runtask_core::{Diagnostic, Options, Report};

/// The result object, serialized straight from core's diagnostics.
#[derive(Serialize)]
struct Plain<'r> {
    ok: bool,
    diagnostics: &'r [Diagnostic],
}

/// The report of `validate(source)` (no options) for a request.
fn report(source: &JsString) -> Result<Report, JsError> {
    let bytes = utf8_of(source);
    // The bench's inputs are requests, which the validator's .wasm checks itself.
    let report = Source::default().check_request(&bytes, &Options::default()).ok_or_else(|| JsError::new("transfer bench: not a request"))?;
    report.map_err(|e| JsError::new(&OptionsError::Core(e).to_string()))
}

/// `validate(source).diagnostics` through serde-wasm-bindgen (`None` as `null`, as in the CLI's
/// JSON): one JavaScript call per object, member and value.
#[cfg(feature = "transfer-serde")]
#[wasm_bindgen(js_name = validateSerde)]
pub fn validate_serde(source: &JsString) -> Result<JsValue, JsError> {
    let r = report(source)?;
    Plain { ok: !r.has_errors(), diagnostics: &r.diagnostics }
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// `validate(source)` as one JSON text written by serde_json and parsed by `JSON.parse`.
#[cfg(feature = "transfer-json")]
#[wasm_bindgen(js_name = validateJson)]
pub fn validate_json(source: &JsString) -> Result<JsValue, JsError> {
    let r = report(source)?;
    let text = serde_json::to_string(&Plain { ok: !r.has_errors(), diagnostics: &r.diagnostics }).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(crate::json_parse(&text))
}

/// The number of findings of `validate(source)`, handing nothing else over: the check's own time,
/// which the three forms add their transfer to. Only in the build with both features (the one
/// timed), so that the single-feature builds measure each form's size alone.
#[cfg(all(feature = "transfer-serde", feature = "transfer-json"))]
#[wasm_bindgen(js_name = checkOnly)]
pub fn check_only(source: &JsString) -> Result<u32, JsError> {
    Ok(report(source)?.diagnostics.len() as u32)
}
