//! runtask-wasm: the npm package's API, built with wasm-bindgen from runtask-core. No rule lives
//! here: every finding comes from [`runtask_core::check`].
//!
//! The boundary types ([`ValidateOptions`], [`ValidateResult`], [`RuleInfo`], [`FargateSize`])
//! derive `Tsify`, so the package's TypeScript declarations come from them; the diagnostic types
//! ([`Diagnostic`], [`Label`], [`Fix`], [`Edit`], [`Severity`], [`Applicability`]) are
//! runtask-core's, which derives `Tsify` for them with its feature `tsify`: one definition for
//! the CLI's JSON, the package's objects and their declarations.
//!
//! Speed: the request crosses into wasm with one `TextEncoder.encodeInto` straight into wasm
//! memory (`utf8_of`), and `validate`'s result crosses back in the [`compact`] form (one array of
//! numbers, two strings) from which `js/build-result.js` builds the plain objects, instead of one
//! boundary crossing per field (serde-wasm-bindgen) or a JSON text to produce and parse: those
//! take up to 3.2× as long, measured by `make bench-transfer` (pkg/README, "Handing the result to
//! JavaScript"; `src/transfer_bench.rs` builds them). `rules()`, `fargateSizes()` and `schema()` are
//! not hot and go through JSON.

use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use js_sys::JsString;
use wasm_bindgen::prelude::*;

use runtask_core::detect::{self, Dialect};
#[cfg(feature = "docs")]
use runtask_core::registry;
use runtask_core::Options;
// The diagnostic types are core's own, with their TypeScript declarations (core's feature `tsify`).
pub use runtask_core::{Applicability, Diagnostic, Edit, Fix, Label, Severity};

pub mod arena;
pub mod compact;
use compact::Compact;
#[cfg(any(feature = "transfer-serde", feature = "transfer-json"))]
mod transfer_bench;

#[wasm_bindgen(module = "/js/build-result.js")]
extern "C" {
    /// Turns the compact form (see [`compact`]) into the objects [`ValidateResult`] describes.
    /// `other` is None when there is no non-ASCII text (nearly always): nothing to decode.
    #[wasm_bindgen(js_name = buildResult)]
    fn build_result(nums: &[u32], ascii: &str, other: Option<&str>) -> JsValue;
}

// The documentation validate() does not need stays out of the .wasm: `examples/docs.rs` writes it
// natively (rule_infos(), core's schemas) into files the package ships, and these read them on
// first use (a copy each call, so a caller's changes stay its own).
#[wasm_bindgen(module = "/js/docs.js")]
extern "C" {
    /// The parsed `dist/rules.json`: [`rule_infos`] as written by `examples/docs.rs`.
    #[wasm_bindgen(js_name = shippedRules)]
    fn shipped_rules() -> Vec<JsValue>;
    /// The parsed `runtask.schema.json` (`"request"`) or `runtask.asl.schema.json`
    /// (`"state-machine"`).
    #[wasm_bindgen(js_name = shippedSchema)]
    fn shipped_schema(which: &str) -> JsValue;
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, js_name = parse)]
    fn json_parse(text: &str) -> JsValue;

    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;
    #[wasm_bindgen(constructor, js_class = TextEncoder)]
    fn new() -> Utf8Encoder;
    #[wasm_bindgen(method, js_class = TextEncoder, js_name = encodeInto)]
    fn encode_into(this: &Utf8Encoder, source: &JsString, destination: &js_sys::Uint8Array) -> EncodeIntoResult;

    type EncodeIntoResult;
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeIntoResult) -> u32;
}

thread_local! {
    static ENCODER: Utf8Encoder = Utf8Encoder::new();
    /// The rule texts `js/build-result.js` keeps ([`compact::RuleTexts`]).
    static RULE_TEXTS: std::cell::RefCell<compact::RuleTexts> = const { std::cell::RefCell::new(compact::RuleTexts::new()) };
}

/// The JavaScript string as UTF-8, written by `TextEncoder.encodeInto` straight into wasm memory
/// (wasm-bindgen's `&str` copies ASCII one character at a time in JavaScript, ~2.5 ns a byte).
/// Lone surrogates become U+FFFD, which is one UTF-16 unit too, so UTF-16 offsets still match.
fn utf8_of(source: &JsString) -> Vec<u8> {
    // A UTF-16 code unit takes at most 3 UTF-8 bytes (a surrogate pair, 2 units, takes 4).
    let capacity = source.length() as usize * 3;
    let mut buf: Vec<u8> = Vec::with_capacity(capacity);
    let written = ENCODER.with(|encoder| {
        // SAFETY: the view covers the vector's allocation and lives only for this call; nothing
        // allocates (which could grow and detach the memory) while JavaScript writes into it.
        let view = unsafe { js_sys::Uint8Array::view_mut_raw(buf.as_mut_ptr(), capacity) };
        encoder.encode_into(source, &view).written() as usize
    });
    // SAFETY: encodeInto initialized the first `written` bytes, and written <= capacity.
    unsafe { buf.set_len(written.min(capacity)) };
    buf
}

// `validate` reads this from the JavaScript object directly (`options_from_js`); the serde
// attributes give tsify the member names.
/// What to check besides the request.
#[derive(Debug, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ValidateOptions {
    /// The task definition the request runs: DescribeTaskDefinition output, RegisterTaskDefinition
    /// input or a bare task definition, as JSON text or as an object. Turns on the rules that
    /// compare the request with it (container names, sizes, network mode, …), which come with the
    /// dialect readers: in the browser builds, `await loadDialects()` once first.
    #[tsify(optional, type = "string | Record<string, unknown> | null")]
    #[serde(default)]
    pub task_definition: Option<serde_json::Value>,
    /// Run only the rules whose code starts with one of these (`"RT3"`, `"RT301"`) or whose name
    /// is one of these.
    #[tsify(optional)]
    #[serde(default)]
    pub select: Option<Vec<String>>,
    /// Skip the rules whose code starts with one of these or whose name is one of these.
    #[tsify(optional)]
    #[serde(default)]
    pub ignore: Option<Vec<String>>,
    /// What `source` is written in. `"auto"` (the default) detects a Step Functions state
    /// machine, a CloudFormation/SAM/CDK template, EventBridge Scheduler input or a script from
    /// the content (and `filename`), and reads anything else as a request; the others force one.
    #[tsify(optional, type = "\"auto\" | \"request\" | \"state-machine\" | \"cloudformation\" | \"scheduler\" | \"shell\" | \"makefile\" | \"dockerfile\" | \"github-actions\" | null")]
    #[serde(default)]
    pub dialect: Option<String>,
    /// The name of the file `source` comes from (`deploy/run.sh`, `Makefile`,
    /// `.github/workflows/nightly.yml`, `run-task.yaml`): detection reads it, and a request file
    /// named `.yaml`/`.yml` is read as YAML. `file://` references on command lines are not read
    /// (the package reads no files): each is reported as unread.
    #[tsify(optional)]
    #[serde(default)]
    pub filename: Option<String>,
}

/// How `validate` reads its source: `dialect` and `filename` of [`ValidateOptions`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Source {
    /// `None`: detected.
    pub dialect: Option<Dialect>,
    pub filename: Option<String>,
}

/// Where a source is checked: here, or by the dialect readers.
pub enum Plan<'s> {
    /// JSON text read as a request, already parsed (detection read the parsed document).
    Prepared(runtask_core::Prepared<'s>),
    /// Bytes read as a JSON request (not UTF-8, not JSON, or the dialect was forced).
    Bytes,
    /// A state machine, template or script, or a request written in YAML: the dialect readers'
    /// work. The validator's `.wasm` is built without them (feature `dialects` off) and hands such
    /// a source to the readers' `.wasm` (`js/readers.js`).
    Reader(Dialect),
}

impl Plan<'_> {
    /// Checks a request here: the report, or `Err` with the dialect for the readers' work.
    pub fn check_here(self, bytes: &[u8], options: &Options) -> Result<Result<runtask_core::Report, runtask_core::OptionsError>, Dialect> {
        match self {
            Plan::Prepared(prepared) => Ok(runtask_core::check_prepared(&prepared, options)),
            Plan::Bytes => Ok(runtask_core::check_bytes(bytes, options)),
            Plan::Reader(dialect) => Err(dialect),
        }
    }
}

impl Source {
    /// What `bytes` are, as this source says: a request checked here, or a dialect for the readers.
    #[must_use]
    pub fn plan<'s>(&self, bytes: &'s [u8]) -> Plan<'s> {
        let path = self.filename.as_deref();
        let yaml_request = path.is_some_and(|p| {
            let p = p.to_ascii_lowercase();
            p.ends_with(".yaml") || p.ends_with(".yml")
        });
        let plan = |dialect: Dialect, here: Plan<'s>| if dialect == Dialect::Request && !yaml_request { here } else { Plan::Reader(dialect) };
        // JSON text (the usual case) is parsed once: detection reads the names from the parsed
        // document, and a request is checked without parsing it again.
        if self.dialect.is_none() {
            if let Some(prepared) = runtask_core::prepare(bytes) {
                let dialect = prepared.detect(path).unwrap_or(Dialect::Request);
                return plan(dialect, Plan::Prepared(prepared));
            }
        }
        let dialect = self.dialect.unwrap_or_else(|| {
            // Valid UTF-8 (the usual case) is read in place: `from_utf8_lossy` checks byte by
            // byte, `from_utf8` a word at a time.
            let text = std::str::from_utf8(bytes).map_or_else(|_| String::from_utf8_lossy(bytes), std::borrow::Cow::Borrowed);
            detect::detect(path, text.strip_prefix('\u{feff}').unwrap_or(&text)).unwrap_or(Dialect::Request)
        });
        plan(dialect, Plan::Bytes)
    }

    /// Checks a source whose [`Plan`] is a request; `None` for the readers' work.
    pub fn check_request(&self, bytes: &[u8], options: &Options) -> Option<Result<runtask_core::Report, runtask_core::OptionsError>> {
        self.plan(bytes).check_here(bytes, options).ok()
    }

    /// Checks `bytes` as this source says: a request as before (JSON, or YAML when the file name
    /// says so), a state machine, template or script through runtask-core's dialect readers.
    #[cfg(feature = "dialects")]
    pub fn check(&self, bytes: &[u8], options: &Options) -> Result<runtask_core::Report, runtask_core::OptionsError> {
        self.plan(bytes).check_here(bytes, options).unwrap_or_else(|dialect| self.read(bytes, dialect, options))
    }

    /// The readers' work: `bytes` read as `dialect` by runtask-core's dialect readers.
    #[cfg(feature = "dialects")]
    fn read(&self, bytes: &[u8], dialect: Dialect, options: &Options) -> Result<runtask_core::Report, runtask_core::OptionsError> {
        runtask_core::dialect::check_source(self.filename.as_deref(), bytes, dialect, options, &runtask_core::dialect::NoFiles)
    }
}

/// The outcome of `validate`: a request with problems is a normal result.
#[derive(Debug, Serialize, Tsify)]
pub struct ValidateResult {
    /// True when no diagnostic has severity `error` (warnings and infos do not make a request
    /// fail).
    pub ok: bool,
    /// Every finding, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

/// Whether a rule is settled (`stable`) or new or of uncertain AWS behaviour (`preview`; still on
/// by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "lowercase")]
pub enum RuleStatus {
    Stable,
    Preview,
}

/// A rule's metadata and documentation.
#[derive(Debug, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RuleInfo {
    /// Stable code, e.g. `RT201`.
    pub code: String,
    /// What it flags, e.g. `launch-type-with-capacity-provider`.
    pub name: String,
    /// Its default severity.
    pub severity: Severity,
    pub status: RuleStatus,
    /// Runs only when `validate` is given a task definition.
    pub needs_task_definition: bool,
    /// The first paragraph of "What it checks", as one line.
    pub summary: String,
    /// Markdown: What it checks, Why it matters, Invalid example, Valid example, How to fix,
    /// Reference.
    pub docs: String,
    /// The AWS document the rule enforces (the first link under "Reference").
    pub reference: Option<String>,
    /// The rows of runtask's rule catalogue it implements.
    pub catalogue: Vec<String>,
}

/// A Fargate task cpu size and the memory sizes allowed with it.
#[derive(Debug, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct FargateSize {
    /// Task cpu in CPU units (1024 = 1 vCPU).
    pub cpu: u32,
    /// Allowed task memory sizes in MiB, ascending.
    pub memory: Vec<u32>,
    /// Whether Windows tasks may use this cpu size.
    pub windows: bool,
    /// The Linux platform version this size needs, when it needs one.
    pub min_linux_platform_version: Option<String>,
    /// False for sizes that AWS has been reported to accept but does not yet document; `validate`
    /// accepts them with a warning.
    pub confirmed: bool,
}

/// A JSON Schema (draft 2020-12) document.
#[derive(Debug, Serialize, Tsify)]
#[serde(transparent)]
pub struct JsonSchema(#[tsify(type = "{ [keyword: string]: unknown }")] pub serde_json::Value);

/// Why the options were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionsError {
    /// The options object itself is malformed (unknown member, wrong type).
    Shape(String),
    /// runtask-core refused them (unknown rule, unreadable task definition).
    Core(runtask_core::OptionsError),
}

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptionsError::Shape(m) => write!(f, "invalid options: {m}"),
            OptionsError::Core(e) => write!(f, "invalid options: {e}"),
        }
    }
}

impl std::error::Error for OptionsError {}

/// The result of `validate` for core's report. (`validate` hands the same data to JavaScript in
/// the [`compact`] form.)
#[must_use]
pub fn convert(report: runtask_core::Report) -> ValidateResult {
    ValidateResult { ok: !report.has_errors(), diagnostics: report.diagnostics }
}

/// Checks `source` (UTF-8 bytes) as a RunTask request.
pub fn validate_bytes_native(source: &[u8], options: &Options) -> Result<ValidateResult, OptionsError> {
    Ok(convert(runtask_core::check_bytes(source, options).map_err(OptionsError::Core)?))
}

/// Checks `source` (UTF-8 bytes) read as `how` says.
#[cfg(feature = "dialects")]
pub fn validate_source_native(source: &[u8], options: &Options, how: &Source) -> Result<ValidateResult, OptionsError> {
    let report = how.check(source, options).map_err(OptionsError::Core)?;
    Ok(convert(report))
}

/// Checks `source` and hands the result to JavaScript in the compact form. `js_options` is the
/// caller's options object, which a source for the dialect readers goes to them with.
fn validate_to_js(source: &[u8], options: &Options, how: &Source, js_options: &JsValue) -> Result<Ts<ValidateResult>, JsValue> {
    let plan = how.plan(source);
    // The validator's `.wasm` has no task-definition rules (core's feature `task-definition`): a
    // request given with a task definition goes to the readers' `.wasm`, which has them.
    #[cfg(not(feature = "dialects"))]
    if options.task_definition.is_some() && !matches!(plan, Plan::Reader(_)) {
        return readers::read(source, js_options, readers::Why::TaskDefinition);
    }
    let report = match plan.check_here(source, options) {
        Ok(report) => report,
        #[cfg(feature = "dialects")]
        Err(dialect) => how.read(source, dialect, options),
        #[cfg(not(feature = "dialects"))]
        Err(dialect) => return readers::read(source, js_options, readers::Why::Dialect(dialect)),
    };
    #[cfg(feature = "dialects")]
    let _ = js_options;
    let report = report.map_err(|e| JsError::new(&OptionsError::Core(e).to_string()))?;
    let c = RULE_TEXTS.with_borrow(|texts| Compact::encode(&report, texts));
    let result = build_result(&c.nums, &c.ascii, (!c.other.is_empty()).then_some(c.other.as_str()));
    // Read: JavaScript keeps the rule texts it was sent (a throw would not get here).
    RULE_TEXTS.with_borrow_mut(|texts| texts.keep(&c));
    Ok(Ts::new_unchecked(result))
}

/// Every rule with its documentation, in code order: what `rules()` returns (written to
/// `dist/rules.json` by `examples/docs.rs`).
#[cfg(feature = "docs")]
#[must_use]
pub fn rule_infos() -> Vec<RuleInfo> {
    registry::rules()
        .iter()
        .map(|r| {
            let docs = r.documentation();
            let reference = docs
                .split("## Reference")
                .nth(1)
                .and_then(|s| s.split_whitespace().find(|w| w.starts_with("https://")))
                .map(|w| w.trim_end_matches(['.', ',', ')', '>']).trim_start_matches('<').to_owned());
            RuleInfo {
                code: r.code.to_owned(),
                name: r.name.to_owned(),
                severity: r.severity,
                status: match r.status {
                    registry::Status::Stable => RuleStatus::Stable,
                    registry::Status::Preview => RuleStatus::Preview,
                },
                needs_task_definition: r.needs_task_definition,
                summary: r.summary(),
                reference,
                docs,
                catalogue: r.catalogue.iter().map(|&c| c.to_owned()).collect(),
            }
        })
        .collect()
}

/// The Fargate cpu/memory table, confirmed sizes first.
#[must_use]
pub fn fargate_sizes_native() -> Vec<FargateSize> {
    use runtask_core::data::fargate::{FargateTier, FARGATE_TIERS, FARGATE_UNCONFIRMED_32_VCPU};
    let row = |t: &FargateTier, confirmed: bool| FargateSize {
        cpu: t.cpu,
        memory: t.memory.to_vec(),
        windows: t.windows,
        min_linux_platform_version: t.min_linux_platform_version.map(runtask_core::data::platform::show),
        confirmed,
    };
    FARGATE_TIERS.iter().map(|t| row(t, true)).chain(std::iter::once(row(&FARGATE_UNCONFIRMED_32_VCPU, false))).collect()
}

/// A value as plain JavaScript objects: serialized once in Rust, parsed once by `JSON.parse`.
fn to_js<T: Serialize + Tsify>(value: &T) -> Ts<T> {
    // Serializing these plain structs cannot fail (no maps with non-string keys, no floats).
    let text = serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned());
    Ts::new_unchecked(json_parse(&text))
}

/// Reads the options object. Read by hand rather than through serde, which would bring
/// serde_json's deserializer into the .wasm for three members.
fn options_from_js(options: Option<Ts<ValidateOptions>>) -> Result<(Options, Source), JsError> {
    let Some(options) = options else { return Ok((Options::default(), Source::default())) };
    let options = options.js_value();
    let shape = |m: String| JsError::new(&OptionsError::Shape(m).to_string());
    if !options.is_object() || js_sys::Array::is_array(&options) {
        return Err(shape("expected an object with `taskDefinition`, `select`, `ignore`, `dialect` and/or `filename`".to_owned()));
    }
    let object: &js_sys::Object = options.unchecked_ref();
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !matches!(key.as_str(), "taskDefinition" | "select" | "ignore" | "dialect" | "filename") {
            return Err(shape(format!("unknown member `{key}`, expected `taskDefinition`, `select`, `ignore`, `dialect` or `filename`")));
        }
    }
    let get = |name: &str| js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    let list = |name: &str| -> Result<Vec<String>, JsError> {
        let v = get(name);
        if v.is_undefined() || v.is_null() {
            return Ok(Vec::new());
        }
        if !js_sys::Array::is_array(&v) {
            return Err(shape(format!("`{name}` must be an array of rule codes or names")));
        }
        let array: &js_sys::Array = v.unchecked_ref();
        array.iter().map(|e| e.as_string().ok_or_else(|| shape(format!("`{name}` must hold strings")))).collect()
    };
    let td = get("taskDefinition");
    let task_definition = if td.is_undefined() || td.is_null() {
        None
    } else if let Some(text) = td.as_string() {
        Some(text)
    } else if td.is_object() && !js_sys::Array::is_array(&td) {
        let text = js_sys::JSON::stringify(&td).map_err(|_| shape("`taskDefinition` could not be turned into JSON".to_owned()))?;
        Some(String::from(text))
    } else {
        return Err(shape("`taskDefinition` must be JSON text or an object".to_owned()));
    };
    let text = |name: &str| -> Result<Option<String>, JsError> {
        let v = get(name);
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        v.as_string().map(Some).ok_or_else(|| shape(format!("`{name}` must be a string")))
    };
    let dialect = match text("dialect")?.as_deref() {
        None | Some("auto") => None,
        Some(name) => Some(Dialect::from_name(name).ok_or_else(|| {
            let names: Vec<String> = std::iter::once("auto").chain(Dialect::ALL.iter().map(|d| d.name())).map(|n| format!("`{n}`")).collect();
            shape(format!("unknown `dialect` {}, expected one of {}", runtask_core::json::json_string(name), names.join(", ")))
        })?),
    };
    let source = Source { dialect, filename: text("filename")? };
    Ok((Options { task_definition, select: list("select")?, ignore: list("ignore")?, ..Options::default() }, source))
}

/// Checks a RunTask request given as JSON text, or the requests of a state machine, template or
/// script (`options.dialect`, detected by default). A request with problems gives `ok: false` and
/// its diagnostics; only bad options throw.
#[wasm_bindgen]
pub fn validate(source: &JsString, options: Option<Ts<ValidateOptions>>) -> Result<Ts<ValidateResult>, JsValue> {
    hook();
    if !source.is_string() {
        return Err(JsError::new("validate: `source` must be a string (the request as JSON text); use validateBytes for bytes").into());
    }
    let js_options = options.as_ref().map_or(JsValue::UNDEFINED, Ts::js_value);
    let (options, how) = options_from_js(options)?;
    in_region(|| validate_to_js(&utf8_of(source), &options, &how, &js_options))
}

/// Checks a RunTask request given as the bytes of a file (UTF-8 expected: invalid UTF-8, UTF-16
/// and byte-order marks become diagnostics, as in the CLI).
#[wasm_bindgen(js_name = validateBytes)]
pub fn validate_bytes(source: &[u8], options: Option<Ts<ValidateOptions>>) -> Result<Ts<ValidateResult>, JsValue> {
    hook();
    let js_options = options.as_ref().map_or(JsValue::UNDEFINED, Ts::js_value);
    let (options, how) = options_from_js(options)?;
    in_region(|| validate_to_js(source, &options, &how, &js_options))
}

/// Loads the dialect readers (state machines, templates, EventBridge Scheduler input, scripts,
/// requests in YAML) and the task-definition rules: a second `.wasm` that `validate` needs only
/// for such sources and for a request given with a `taskDefinition`. In Node it is loaded by
/// itself on first need and this resolves at once; the browser builds (`bundler`, `web`) load it
/// only when asked: await this once before validating such a source, or with a task definition,
/// there.
#[wasm_bindgen(js_name = loadDialects, unchecked_return_type = "Promise<void>")]
pub fn load_dialects() -> js_sys::Promise {
    #[cfg(not(feature = "dialects"))]
    return readers::load();
    #[cfg(feature = "dialects")]
    js_sys::Promise::resolve(&JsValue::UNDEFINED)
}

/// The validator's `.wasm` leaves the dialect readers out (about 140 KB gzip), and the rules that
/// need the task definition (about 33 KB): a state machine, template, script or YAML request, and
/// a request given with a task definition, go to the readers' `.wasm` (this crate built with the
/// feature `dialects`), through `js/readers.js` (`js/readers.cjs` in `dist/node`).
#[cfg(not(feature = "dialects"))]
mod readers {
    use super::{Dialect, ValidateResult};
    use tsify::Ts;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/js/readers.js")]
    extern "C" {
        /// The readers' `validateBytes(bytes, { ...options, dialect })`, or `null` when they are
        /// not loaded (browser builds before `loadDialects()`).
        #[wasm_bindgen(js_name = readSource, catch)]
        fn read_source(bytes: &[u8], options: &JsValue, dialect: &str) -> Result<JsValue, JsValue>;
        /// Loads the readers' module (at once in Node).
        #[wasm_bindgen(js_name = loadReaders)]
        pub fn load() -> js_sys::Promise;
    }

    /// Why a source goes to the readers' module, and so how they read it.
    #[derive(Clone, Copy)]
    pub enum Why {
        /// It is written in this dialect (or is a request in YAML: [`Dialect::Request`]).
        Dialect(Dialect),
        /// It is a request given with a task definition, whose rules the validator leaves to the
        /// readers.
        TaskDefinition,
    }

    /// `bytes` read by the readers' module, as `why` says.
    pub fn read(bytes: &[u8], options: &JsValue, why: Why) -> Result<Ts<ValidateResult>, JsValue> {
        let dialect = match why {
            Why::Dialect(dialect) => dialect,
            Why::TaskDefinition => Dialect::Request,
        };
        let result = read_source(bytes, options, dialect.name())?;
        if result.is_null() {
            return Err(JsError::new(&not_loaded(why)).into());
        }
        Ok(Ts::new_unchecked(result))
    }

    /// Why `validate` throws for such a source before the readers are loaded.
    pub fn not_loaded(why: Why) -> String {
        let Why::Dialect(dialect) = why else {
            return "validate: a request with a `taskDefinition` is checked by the task-definition rules, which come with the dialect readers: a second .wasm that this build loads only when asked. Call `await loadDialects()` once before validating with a task definition".to_owned();
        };
        let what = if dialect == Dialect::Request { "a request in YAML".to_owned() } else { format!("a {} (dialect `{}`)", dialect.noun(), dialect.name()) };
        format!(
            "validate: this source is {what}, which the dialect readers read: a second .wasm that this build loads only when asked. Call `await loadDialects()` once before validating state machines, templates, schedules, scripts or YAML"
        )
    }
}

/// Every rule's metadata and documentation, in code order.
#[wasm_bindgen]
pub fn rules() -> Vec<Ts<RuleInfo>> {
    hook();
    shipped_rules().into_iter().map(Ts::new_unchecked).collect()
}

/// The valid Fargate task cpu/memory sizes.
#[wasm_bindgen(js_name = fargateSizes)]
pub fn fargate_sizes() -> Vec<Ts<FargateSize>> {
    hook();
    fargate_sizes_native().iter().map(to_js).collect()
}

/// The JSON Schema (draft 2020-12) of a RunTask request; the package also ships it as
/// `runtask.schema.json`.
#[wasm_bindgen]
pub fn schema() -> Ts<JsonSchema> {
    hook();
    Ts::new_unchecked(shipped_schema("request"))
}

/// The JSON Schema (draft 2020-12) of a Step Functions state machine that checks the `Parameters`
/// of its `ecs:runTask` Task states (in any nesting) and leaves the rest to Step Functions; the
/// package also ships it as `runtask.asl.schema.json`, for editors.
#[wasm_bindgen(js_name = stateMachineSchema)]
pub fn state_machine_schema() -> Ts<JsonSchema> {
    hook();
    Ts::new_unchecked(shipped_schema("state-machine"))
}

/// The version of runtask-core the package was built from.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Makes a panic (a bug) print its message to the console; checked on each call, set once.
#[inline]
fn hook() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

#[cfg(test)]
mod tests;

/// The allocator of the .wasm: each `validate` call's blocks bumped in one region ([`arena`]),
/// over talc instead of Rust's default dlmalloc. talc, measured 2026-12-03 with validate() in
/// Node on the three shared inputs, A/B in one process, five runs: the invalid input (42
/// findings, allocation-heavy) 0.84–1.0× the time (median 0.92×), the typical and large within
/// ±5 % (noise); the .wasm 2.5 KB smaller gzip (pkg/README, "What moved the figures").
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: arena::Scoped<talc::wasm::WasmDynamicTalc> = arena::Scoped::new(talc::wasm::new_wasm_dynamic_allocator());

/// Runs `f`, one `validate` call, with its allocations in the region ([`arena`]).
fn in_region<T>(f: impl FnOnce() -> T) -> T {
    #[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
    ALLOCATOR.begin();
    let r = f();
    #[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
    ALLOCATOR.end();
    r
}
