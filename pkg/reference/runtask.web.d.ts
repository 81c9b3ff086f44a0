/* tslint:disable */
/* eslint-disable */
/**
 * A Fargate task cpu size and the memory sizes allowed with it.
 */
export interface FargateSize {
    /**
     * Task cpu in CPU units (1024 = 1 vCPU).
     */
    cpu: number;
    /**
     * Allowed task memory sizes in MiB, ascending.
     */
    memory: number[];
    /**
     * Whether Windows tasks may use this cpu size.
     */
    windows: boolean;
    /**
     * The Linux platform version this size needs, when it needs one.
     */
    minLinuxPlatformVersion: string | null;
    /**
     * False for sizes that AWS has been reported to accept but does not yet document; `validate`
     * accepts them with a warning.
     */
    confirmed: boolean;
}

/**
 * A JSON Schema (draft 2020-12) document.
 */
export type JsonSchema = { [keyword: string]: unknown };

/**
 * A fix: edits to the source that resolve the finding.
 */
export interface Fix {
    applicability: Applicability;
    /**
     * What applying it does, e.g. "Replace `fargate` with `FARGATE`".
     */
    description: string;
    edits: Edit[];
}

/**
 * A rule's metadata and documentation.
 */
export interface RuleInfo {
    /**
     * Stable code, e.g. `RT201`.
     */
    code: string;
    /**
     * What it flags, e.g. `launch-type-with-capacity-provider`.
     */
    name: string;
    /**
     * Its default severity.
     */
    severity: Severity;
    status: RuleStatus;
    /**
     * Runs only when `validate` is given a task definition.
     */
    needsTaskDefinition: boolean;
    /**
     * The first paragraph of "What it checks", as one line.
     */
    summary: string;
    /**
     * Markdown: What it checks, Why it matters, Invalid example, Valid example, How to fix,
     * Reference.
     */
    docs: string;
    /**
     * The AWS document the rule enforces (the first link under "Reference").
     */
    reference: string | null;
    /**
     * The rows of runtask's rule catalogue it implements.
     */
    catalogue: string[];
}

/**
 * A secondary location.
 */
export interface Label {
    pointer: string;
    message: string;
    line: number;
    column: number;
    utf16Column: number;
    start: number;
    end: number;
    utf16Start: number;
    utf16End: number;
}

/**
 * How bad a finding is: `error`, AWS (or the AWS CLI/SDK before sending) rejects the request;
 * `warning`, accepted or of unconfirmed outcome but almost certainly a mistake; `info`, legal but
 * surprising.
 */
export type Severity = "error" | "warning" | "info";

/**
 * One finding, with the fields of `runtask-lint --format json`. Lines and columns are 1-based;
 * `column` counts Unicode scalar values and `utf16Column` UTF-16 code units (what JavaScript
 * strings and editors count); `start`/`end` are UTF-8 byte offsets and `utf16Start`/`utf16End`
 * offsets into the JavaScript string, half open.
 */
export interface Diagnostic {
    severity: Severity;
    /**
     * Stable code, e.g. `RT201`.
     */
    code: string;
    /**
     * JSON pointer (RFC 6901) of the value concerned; `""` is the whole request.
     */
    pointer: string;
    line: number;
    column: number;
    /**
     * What is wrong, with the actual values.
     */
    message: string;
    /**
     * What to do about it.
     */
    help: string | null;
    /**
     * The rule's name, e.g. `launch-type-with-capacity-provider`.
     */
    name: string;
    /**
     * Why, or what the documents say.
     */
    note: string | null;
    /**
     * When the finding is about a member that is absent: its name (`pointer` is then the object
     * that lacks it).
     */
    member: string | null;
    endLine: number;
    endColumn: number;
    utf16Column: number;
    utf16EndColumn: number;
    start: number;
    end: number;
    /**
     * `source.slice(utf16Start, utf16End)` is the text concerned.
     */
    utf16Start: number;
    utf16End: number;
    /**
     * Secondary locations that explain the finding, e.g. the `launchType` that conflicts.
     */
    labels: Label[];
    /**
     * An edit that resolves the finding.
     */
    fix: Fix | null;
    /**
     * The rows of runtask's rule catalogue this finding comes from.
     */
    catalogue: string[];
    /**
     * For a request found in a state machine, template or script: the pointer in the
     * API-shaped request, e.g. `/overrides/cpu` (`pointer` then points into the file as parsed,
     * `""` where the file has none).
     */
    request?: string;
    /**
     * For a request found in a state machine, template or script: where it is, e.g.
     * `state "Run report"`, `resource Nightly` or `line 12: aws ecs run-task`.
     */
    location?: string;
}

/**
 * Replace `source.slice(utf16Start, utf16End)` with `content` (or bytes `start..end` of the
 * UTF-8 text).
 */
export interface Edit {
    start: number;
    end: number;
    utf16Start: number;
    utf16End: number;
    content: string;
}

/**
 * The outcome of `validate`: a request with problems is a normal result.
 */
export interface ValidateResult {
    /**
     * True when no diagnostic has severity `error` (warnings and infos do not make a request
     * fail).
     */
    ok: boolean;
    /**
     * Every finding, sorted by position.
     */
    diagnostics: Diagnostic[];
}

/**
 * What to check besides the request.
 */
export interface ValidateOptions {
    /**
     * The task definition the request runs: DescribeTaskDefinition output, RegisterTaskDefinition
     * input or a bare task definition, as JSON text or as an object. Turns on the rules that
     * compare the request with it (container names, sizes, network mode, …), which come with the
     * dialect readers: in the browser builds, `await loadDialects()` once first.
     */
    taskDefinition?: string | Record<string, unknown> | null;
    /**
     * Run only the rules whose code starts with one of these (`"RT3"`, `"RT301"`) or whose name
     * is one of these.
     */
    select?: string[];
    /**
     * Skip the rules whose code starts with one of these or whose name is one of these.
     */
    ignore?: string[];
    /**
     * What `source` is written in. `"auto"` (the default) detects a Step Functions state
     * machine, a CloudFormation/SAM/CDK template, EventBridge Scheduler input or a script from
     * the content (and `filename`), and reads anything else as a request; the others force one.
     */
    dialect?: "auto" | "request" | "state-machine" | "cloudformation" | "scheduler" | "shell" | "makefile" | "dockerfile" | "github-actions" | null;
    /**
     * The name of the file `source` comes from (`deploy/run.sh`, `Makefile`,
     * `.github/workflows/nightly.yml`, `run-task.yaml`): detection reads it, and a request file
     * named `.yaml`/`.yml` is read as YAML. `file://` references on command lines are not read
     * (the package reads no files): each is reported as unread.
     */
    filename?: string;
}

/**
 * Whether a fix keeps the meaning the author evidently wanted (`safe`, e.g. `"fargate"` →
 * `"FARGATE"`) or changes what is requested (`unsafe`: review it before applying).
 */
export type Applicability = "safe" | "unsafe";

/**
 * Whether a rule is settled (`stable`) or new or of uncertain AWS behaviour (`preview`; still on
 * by default).
 */
export type RuleStatus = "stable" | "preview";


/**
 * The valid Fargate task cpu/memory sizes.
 */
export function fargateSizes(): FargateSize[];

/**
 * Loads the dialect readers (state machines, templates, EventBridge Scheduler input, scripts,
 * requests in YAML) and the task-definition rules: a second `.wasm` that `validate` needs only
 * for such sources and for a request given with a `taskDefinition`. In Node it is loaded by
 * itself on first need and this resolves at once; the browser builds (`bundler`, `web`) load it
 * only when asked: await this once before validating such a source, or with a task definition,
 * there.
 */
export function loadDialects(): Promise<void>;

/**
 * Every rule's metadata and documentation, in code order.
 */
export function rules(): RuleInfo[];

/**
 * The JSON Schema (draft 2020-12) of a RunTask request; the package also ships it as
 * `runtask.schema.json`.
 */
export function schema(): JsonSchema;

/**
 * The JSON Schema (draft 2020-12) of a Step Functions state machine that checks the `Parameters`
 * of its `ecs:runTask` Task states (in any nesting) and leaves the rest to Step Functions; the
 * package also ships it as `runtask.asl.schema.json`, for editors.
 */
export function stateMachineSchema(): JsonSchema;

/**
 * Checks a RunTask request given as JSON text, or the requests of a state machine, template or
 * script (`options.dialect`, detected by default). A request with problems gives `ok: false` and
 * its diagnostics; only bad options throw.
 */
export function validate(source: string, options?: ValidateOptions | null): ValidateResult;

/**
 * Checks a RunTask request given as the bytes of a file (UTF-8 expected: invalid UTF-8, UTF-16
 * and byte-order marks become diagnostics, as in the CLI).
 */
export function validateBytes(source: Uint8Array | number[], options?: ValidateOptions | null): ValidateResult;

/**
 * The version of runtask-core the package was built from.
 */
export function version(): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly fargateSizes: () => [number, number];
    readonly loadDialects: () => any;
    readonly rules: () => [number, number];
    readonly schema: () => any;
    readonly stateMachineSchema: () => any;
    readonly validate: (a: any, b: number) => [number, number, number];
    readonly validateBytes: (a: number, b: number, c: number) => [number, number, number];
    readonly version: () => [number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_drop_slice: (a: number, b: number) => void;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
