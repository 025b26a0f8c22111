//! The command line, as clap parses it.

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};
use msgraph_scopes::plan::Prefer;
use msgraph_scopes::{ApiVersion, AuthMode, ChangeType, Operation, ParseError};
use std::path::PathBuf;

const EXAMPLES: &str = "Examples:
  msgraph-scopes lookup '/teams/{id}/channels/{id}/messages' --op reauthorize
  msgraph-scopes lookup /beta/me/messages --format json
  msgraph-scopes lookup /me/drive/root --mode delegated-personal
  msgraph-scopes lookup --type chatMessage --op update
  msgraph-scopes lookup '/chats/{id}/messages' --lifecycle --mode delegated-work
  msgraph-scopes lookup /users/{id} --change-type created
  msgraph-scopes audit --format markdown
  msgraph-scopes lint msgraph-scopes.yaml --format sarif
  msgraph-scopes plan msgraph-scopes.yaml --format entra
  msgraph-scopes matrix --op reauthorize --format csv
  msgraph-scopes permission Mail.Read
  msgraph-scopes permission 570282fd-fa5c-430d-a7fd-fc8dc98a9dca";

/// Least-privileged Microsoft Graph permissions for change-notification subscriptions.
///
/// Answers offline from the Graph docs' Permissions tables for the subscription operations
/// (create, get, update, delete, reauthorize, list, getVapidPublicKey) in v1.0 and beta, and
/// from Microsoft's permission catalog.
#[derive(Debug, Parser)]
#[command(name = "msgraph-scopes", max_term_width = 80, after_help = EXAMPLES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The least privileged permissions a subscription on RESOURCE needs.
    ///
    /// RESOURCE is what the subscription's `resource` property holds, in any of the usual
    /// forms: `/teams/{id}/channels/{id}/messages`, concrete ids, `me/mailFolders('Inbox')/messages`,
    /// a full `https://graph.microsoft.com/beta/...` URL, with or without a query string.
    ///
    /// Each answer also gives the maximum subscription lifetime and the docs' rules that apply
    /// (notes, warnings, errors).
    ///
    /// Exit status: 0 when the resource is known (even where a mode is not supported),
    /// 1 when it is unknown or not a resource string, or when an error rule applies to a mode
    /// given with --mode or to a --change-type; 2 for a usage error.
    #[command(after_help = LOOKUP_EXAMPLES)]
    Lookup(LookupArgs),
    /// The least privileged permissions for any Microsoft Graph request: METHOD URL.
    ///
    /// URL is a path or full URL (`https://graph.microsoft.com/v1.0/me/messages?$top=5`), with
    /// ids, keys, function parameters, casts, `$value`/`$ref`/`$count` and drive item paths as
    /// requests hold them. `request -` reads `METHOD URL` lines from stdin and prints one JSON
    /// object per line.
    ///
    /// Exit status: 0 when a template matches (even where a mode is not supported), 1 when
    /// the request is unknown or not a URL, 2 for a usage error (or an unusable stdin line).
    #[command(after_help = REQUEST_EXAMPLES)]
    Request(RequestArgs),
    /// A permission's GUIDs, admin consent and privilege level, by name or by GUID.
    ///
    /// Exit status: 0 when found (a GUID of another API such as the retired Azure AD Graph is
    /// found, and said to be no Microsoft Graph permission), 1 when unknown.
    #[command(after_help = PERMISSION_EXAMPLES)]
    Permission(PermissionArgs),
    /// Lint the scopes an app requests against the subscriptions it makes.
    ///
    /// CONFIG (default msgraph-scopes.yaml; `-` reads stdin) gives `api`, `mode`, `scopes`
    /// (names, GUIDs or https://graph.microsoft.com/NAME) and `subscriptions` (each a
    /// `resource`, optional `operations`, default the whole lifecycle, and `change_type`).
    /// Scopes can also come from declarations (--manifest: Entra and Teams Toolkit manifests,
    /// Teams app manifests, Terraform, Bicep), an access token or the command line.
    ///
    /// Exit status: 0 without errors, 1 with errors (or warnings, with --deny warnings),
    /// 2 when the input cannot be used.
    #[command(after_help = LINT_EXAMPLES)]
    Lint(LintArgs),
    /// The least set of scopes that covers everything an app does, found exactly, explained,
    /// and ready to paste into an app registration.
    ///
    /// CONFIG is the lint's config (default msgraph-scopes.yaml; `-` reads stdin): `api`,
    /// `mode`, `subscriptions` (each its whole lifecycle unless it lists `operations`),
    /// `requests` (`METHOD URL`), optionally `prefer` and `rsc: true` (allow resource-specific
    /// consent). Recorded traffic (--har) adds the Graph requests it holds.
    ///
    /// least-privilege (the default) minimises the highest privilege level, then the sum of
    /// the levels, then the number of scopes; fewest-scopes the number first. Ties go to the
    /// scopes the docs list first, then to names.
    ///
    /// Exit status: 0 when everything is covered, 1 when an item cannot be covered (not
    /// supported under the mode, `/me` under application, unknown, ...) or a chosen scope
    /// cannot be written in the format, 2 when the input cannot be used.
    #[command(after_help = PLAN_EXAMPLES)]
    Plan(PlanArgs),
    /// The JSON Schema of the lint config, for editors that validate and complete
    /// msgraph-scopes.yaml.
    #[command(after_help = SCHEMA_EXAMPLES)]
    Schema,
    /// The whole permission matrix as data: Markdown like the docs' tables, CSV, JSON or YAML.
    #[command(after_help = MATRIX_EXAMPLES)]
    Matrix(MatrixArgs),
    /// Every place where the docs' tables disagree with themselves or with the catalog.
    ///
    /// Each finding cites the cells it rests on as data/tables/API/OPERATION.yaml:LINE.
    #[command(after_help = AUDIT_EXAMPLES)]
    Audit(AuditArgs),
    /// Maintainer: import Graph docs pages' Permissions tables into data/tables.
    ///
    /// Prints each file written. Nothing is written unless every page imports; every problem
    /// is printed as FILE:LINE: message.
    #[command(after_help = IMPORT_DOCS_EXAMPLES)]
    ImportDocs(ImportDocsArgs),
    /// Maintainer: import the permission tables of the Teams change-notification pages and the
    /// Outlook overview (second sources) into data/second-sources.
    ///
    /// Prints each file written. Nothing is written unless every page imports; every problem
    /// is printed as FILE:LINE: message.
    #[command(after_help = IMPORT_CONCEPTS_EXAMPLES)]
    ImportConcepts(ImportConceptsArgs),
    /// Maintainer: import Microsoft's devx permission catalog into data/catalog.yaml.
    ///
    /// DIR holds SOURCE.md, permissions.json, provisioningInfo.json and
    /// permissions-descriptions.json. The file is written only if its bytes change.
    #[command(after_help = IMPORT_CATALOG_EXAMPLES)]
    ImportCatalog(ImportCatalogArgs),
    /// Maintainer: import the permissions of every Graph request (permissions.json's path
    /// sets) into data/requests, one file per first path segment.
    ///
    /// DIR holds SOURCE.md and permissions.json. Files are written only if their bytes change;
    /// files of areas the import no longer has are removed. The report (totals, repaired and
    /// merged upstream spellings, templates not compiled) goes to stdout.
    ImportRequests(ImportRequestsArgs),
    /// Print a shell completion script.
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
}

/// `lookup`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("target").required(true).args(["resource", "resource_type"])))]
pub struct LookupArgs {
    /// The subscription resource (path, template or full URL).
    #[arg(value_name = "RESOURCE")]
    pub resource: Option<String>,
    /// List every row of this resource type instead (`chatMessage`, `virtualEventWebinar`),
    /// including rows with no known path.
    #[arg(long = "type", value_name = "TYPE")]
    pub resource_type: Option<String>,
    /// API version: v1.0 or beta [default: the version RESOURCE names, else v1.0].
    #[arg(long, value_name = "API", value_parser = parse_api)]
    pub api: Option<ApiVersion>,
    /// Subscription operation: create, get, update (renew), delete, reauthorize, list or
    /// get-vapid-public-key.
    #[arg(long, value_name = "OPERATION", value_parser = parse_operation, default_value = "create")]
    pub op: Operation,
    /// Auth mode(s): delegated-work, delegated-personal, application (repeat or separate with
    /// commas) [default: all three].
    #[arg(long, value_name = "MODE", value_parser = parse_mode, value_delimiter = ',')]
    pub mode: Vec<AuthMode>,
    /// The subscription's changeType(s) (created, updated, deleted; comma-separated): an
    /// error when the docs say the resource does not support one.
    #[arg(long, value_name = "TYPES", value_parser = parse_change_type, value_delimiter = ',')]
    pub change_type: Vec<ChangeType>,
    /// Answer the whole lifecycle (create, update, reauthorize, delete) at once: per mode the
    /// least privileged single permission for all four, and the operations that disagree.
    #[arg(long, conflicts_with_all = ["op", "resource_type"])]
    pub lifecycle: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

const LOOKUP_EXAMPLES: &str = "Examples:
  msgraph-scopes lookup '/teams/{id}/channels/{id}/messages' --op reauthorize
  msgraph-scopes lookup \"me/mailFolders('Inbox')/messages\" --op update
  msgraph-scopes lookup '/beta/chats/getAllMessages?model=B' --format json
  msgraph-scopes lookup '/chats/{id}/messages' --lifecycle --mode delegated-work
  msgraph-scopes lookup /users --change-type created
  msgraph-scopes lookup --type virtualEventWebinar";

const REQUEST_EXAMPLES: &str = "Examples:
  msgraph-scopes request GET 'https://graph.microsoft.com/v1.0/me/messages?$top=5'
  msgraph-scopes request GET \"/me/drive/items/{id}/workbook/worksheets/{id}/range(address='A1:B2')\"
  msgraph-scopes request PUT '/me/drive/root:/Reports/q1.xlsx:/content' --mode delegated-personal
  msgraph-scopes request DELETE '/groups/{id}/members/{id}/$ref' --format json
  printf 'GET /users\\nPOST /me/sendMail\\n' | msgraph-scopes request -";

/// `request`.
#[derive(Debug, Args)]
pub struct RequestArgs {
    /// The HTTP method (GET, POST, PUT, PATCH, DELETE, any case), or `-` to read `METHOD URL`
    /// lines from stdin.
    #[arg(value_name = "METHOD")]
    pub method: String,
    /// The request path or URL (absent with `-`).
    #[arg(value_name = "URL")]
    pub url: Option<String>,
    /// Auth mode(s): delegated-work, delegated-personal, application (repeat or separate with
    /// commas) [default: all three].
    #[arg(long, value_name = "MODE", value_parser = parse_mode, value_delimiter = ',')]
    pub mode: Vec<AuthMode>,
    /// Output format (stdin mode always prints JSON lines).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

const PERMISSION_EXAMPLES: &str = "Examples:
  msgraph-scopes permission Mail.Read
  msgraph-scopes permission 570282fd-fa5c-430d-a7fd-fc8dc98a9dca --format json
  msgraph-scopes permission Mail.Read.Shared";

const AUDIT_EXAMPLES: &str = "Examples:
  msgraph-scopes audit
  msgraph-scopes audit --format markdown > docs-issue.md
  msgraph-scopes audit --requests --format json";

const IMPORT_DOCS_EXAMPLES: &str = "Examples:
  msgraph-scopes import-docs ../shared/upstream/graph-docs/latest/*/*.md --out data/tables
  msgraph-scopes import-docs page.md --api beta --op update --out /tmp/tables";

const IMPORT_CONCEPTS_EXAMPLES: &str = "Examples:
  msgraph-scopes import-concepts ../shared/upstream/graph-docs/concepts/teams-changenotifications-*.md \\
      ../shared/upstream/graph-docs/concepts/outlook-change-notifications-overview.md";

const IMPORT_CATALOG_EXAMPLES: &str = "Examples:
  msgraph-scopes import-catalog ../shared/upstream/devx --out data/catalog.yaml";

const COMPLETIONS_EXAMPLES: &str = "Examples:
  msgraph-scopes completions bash > ~/.local/share/bash-completion/completions/msgraph-scopes
  msgraph-scopes completions zsh > ~/.zfunc/_msgraph-scopes
  msgraph-scopes completions fish > ~/.config/fish/completions/msgraph-scopes.fish";

const LINT_EXAMPLES: &str = "Examples:
  msgraph-scopes lint
  msgraph-scopes lint app/msgraph-scopes.yaml --format sarif > scopes.sarif
  msgraph-scopes lint --manifest app-manifest.json --format github
  msgraph-scopes lint --manifest infra/aad.manifest.json --manifest appPackage/manifest.json
  msgraph-scopes lint --manifest infra/app.tf --manifest infra/graph.bicep
  msgraph-scopes lint --token \"$ACCESS_TOKEN\" --deny warnings
  msgraph-scopes lint - --scopes Mail.Read,User.Read.All < config.yaml";

const PLAN_EXAMPLES: &str = "Examples:
  msgraph-scopes plan
  msgraph-scopes plan examples/plans/mail-processor.yaml --prefer fewest-scopes
  msgraph-scopes plan app.yaml --format entra > required-resource-access.json
  msgraph-scopes plan app.yaml --format az | sh
  msgraph-scopes plan app.yaml --har recording.har --format json";
const SCHEMA_EXAMPLES: &str = "Examples:
  msgraph-scopes schema > msgraph-scopes.schema.json
  (then start msgraph-scopes.yaml with: # yaml-language-server: $schema=msgraph-scopes.schema.json)";

const MATRIX_EXAMPLES: &str = "Examples:
  msgraph-scopes matrix --op reauthorize
  msgraph-scopes matrix --api beta --format csv > beta.csv
  msgraph-scopes matrix --format json";

/// `lint`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// The lint config [default: msgraph-scopes.yaml]; `-` reads it from stdin.
    #[arg(value_name = "CONFIG")]
    pub config: Option<PathBuf>,
    /// A file that declares what the app requests, read by its content (repeatable; all are
    /// linted together): an Entra ID application manifest or Microsoft Graph application JSON,
    /// a Teams Toolkit aad.manifest.json, a Teams app manifest (resource-specific consent),
    /// Terraform (azuread provider) or Bicep (Microsoft Graph extension).
    #[arg(long, value_name = "FILE")]
    pub manifest: Vec<PathBuf>,
    /// An access token (JWT; `-` reads it from stdin): its `scp` and `roles` claims add
    /// requested scopes. It is decoded, not verified.
    #[arg(long, value_name = "JWT")]
    pub token: Option<String>,
    /// Requested scopes (comma-separated), in addition to the config's.
    #[arg(long, value_name = "SCOPES", value_delimiter = ',')]
    pub scopes: Vec<String>,
    /// API version, instead of the config's `api` [default: v1.0].
    #[arg(long, value_name = "API", value_parser = parse_api)]
    pub api: Option<ApiVersion>,
    /// Auth mode, instead of the config's `mode`.
    #[arg(long, value_name = "MODE", value_parser = parse_mode)]
    pub mode: Option<AuthMode>,
    /// The trade-off `over-privileged` judges by, instead of the config's `prefer`: the
    /// requested scopes are over-privileged when `plan` under it finds a strictly better set
    /// [default: least-privilege].
    #[arg(long, value_enum, value_name = "PREFERENCE")]
    pub prefer: Option<PreferArg>,
    /// Fail (exit 1) on findings of this level too.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny: Vec<DenyLevel>,
    /// Output format: text for people, json for tools, sarif for code scanning, github for
    /// workflow annotations.
    #[arg(long, value_enum, default_value_t = LintFormat::Text)]
    pub format: LintFormat,
}

/// `plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The app config [default: msgraph-scopes.yaml]; `-` reads it from stdin.
    #[arg(value_name = "CONFIG")]
    pub config: Option<PathBuf>,
    /// The trade-off, instead of the config's `prefer` [default: least-privilege].
    #[arg(long, value_enum, value_name = "PREFERENCE")]
    pub prefer: Option<PreferArg>,
    /// Output format: text for people, json for tools, entra (requiredResourceAccess with
    /// GUIDs), teams-toolkit (aad.manifest.json), terraform (required_resource_access), az
    /// (`az ad app permission add` commands).
    #[arg(long, value_enum, default_value_t = PlanFormat::Text)]
    pub format: PlanFormat,
    /// An HTTP Archive (as browsers, Dev Proxy and Fiddler save it): every Microsoft Graph
    /// request in it, including those inside $batch bodies, becomes an item; other hosts are
    /// counted and ignored.
    #[arg(long, value_name = "FILE")]
    pub har: Option<PathBuf>,
    /// API version, instead of the config's `api` [default: v1.0].
    #[arg(long, value_name = "API", value_parser = parse_api)]
    pub api: Option<ApiVersion>,
    /// Auth mode, instead of the config's `mode`.
    #[arg(long, value_name = "MODE", value_parser = parse_mode)]
    pub mode: Option<AuthMode>,
    /// The exact search's bound: past this many search nodes the plan is the best cover
    /// found so far, and says so.
    #[arg(long, value_name = "NODES", default_value_t = msgraph_scopes::plan::DEFAULT_NODE_BUDGET)]
    pub node_budget: u64,
}

/// How to print a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    /// For a person: the scopes, what each covers, why, and what is not covered.
    Text,
    /// One JSON object.
    Json,
    /// The app manifest's `requiredResourceAccess`, with GUIDs.
    Entra,
    /// A Teams Toolkit `aad.manifest.json` fragment (names, "Microsoft Graph").
    TeamsToolkit,
    /// A Terraform `required_resource_access` block (azuread provider).
    Terraform,
    /// Azure CLI commands.
    Az,
}

/// The trade-off a plan makes (`--prefer`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PreferArg {
    /// The highest privilege level first, then the sum of levels, then the number of scopes.
    LeastPrivilege,
    /// The number of scopes first, then the highest privilege level, then the sum.
    FewestScopes,
}

impl From<PreferArg> for Prefer {
    fn from(p: PreferArg) -> Prefer {
        match p {
            PreferArg::LeastPrivilege => Prefer::LeastPrivilege,
            PreferArg::FewestScopes => Prefer::FewestScopes,
        }
    }
}

/// Levels that `--deny` can make fatal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DenyLevel {
    /// Warnings.
    Warnings,
}

/// How to print lint findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    /// For a person (colour on a terminal, unless NO_COLOR is set).
    Text,
    /// One JSON object.
    Json,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions workflow commands.
    Github,
}

/// `matrix`.
#[derive(Debug, Args)]
pub struct MatrixArgs {
    /// Only this API version [default: both].
    #[arg(long, value_name = "API", value_parser = parse_api)]
    pub api: Option<ApiVersion>,
    /// Only this operation [default: all seven].
    #[arg(long, value_name = "OPERATION", value_parser = parse_operation)]
    pub op: Option<Operation>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = MatrixFormat::Markdown)]
    pub format: MatrixFormat,
}

/// How to print the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MatrixFormat {
    /// One Markdown table per (API version, operation), like the docs'.
    Markdown,
    /// One CSV record per row.
    Csv,
    /// One JSON object.
    Json,
    /// YAML.
    Yaml,
}

/// `audit`.
#[derive(Debug, Args)]
pub struct AuditArgs {
    /// List instead the request cells where Microsoft's catalog marks several permissions
    /// least privileged, or none, and what decided the least one.
    #[arg(long)]
    pub requests: bool,
    /// Output format (markdown is ready to paste into a docs issue).
    #[arg(long, value_enum, default_value_t = AuditFormat::Text)]
    pub format: AuditFormat,
}

/// How to print the audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuditFormat {
    /// For a person.
    Text,
    /// One JSON object.
    Json,
    /// Markdown sections and tables.
    Markdown,
}

/// `permission`.
#[derive(Debug, Args)]
pub struct PermissionArgs {
    /// A permission name (`Mail.Read`, any case) or a GUID (8-4-4-4-12 hex digits).
    #[arg(value_name = "NAME_OR_GUID")]
    pub name_or_id: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `import-docs`.
#[derive(Debug, Args)]
pub struct ImportDocsArgs {
    /// Graph docs pages (`subscription-post-subscriptions.md`, ...).
    #[arg(value_name = "FILE.md", required = true)]
    pub files: Vec<PathBuf>,
    /// Where the tables go, as API/OPERATION.yaml.
    #[arg(long, value_name = "DIR", default_value = "data/tables")]
    pub out: PathBuf,
    /// The API version of every page, instead of inferring it from the file name or source
    /// comment.
    #[arg(long, value_name = "API", value_parser = parse_api)]
    pub api: Option<ApiVersion>,
    /// The operation of every page, instead of inferring it.
    #[arg(long, value_name = "OPERATION", value_parser = parse_operation)]
    pub op: Option<Operation>,
}

/// `import-concepts`.
#[derive(Debug, Args)]
pub struct ImportConceptsArgs {
    /// Concept pages (`teams-changenotifications-chat.md`, `outlook-change-notifications-overview.md`).
    #[arg(value_name = "FILE.md", required = true)]
    pub files: Vec<PathBuf>,
    /// Where the second sources go, one `<page>.yaml` each.
    #[arg(long, value_name = "DIR", default_value = "data/second-sources")]
    pub out: PathBuf,
}

/// `import-catalog`.
#[derive(Debug, Args)]
pub struct ImportCatalogArgs {
    /// The devx catalog folder (upstream/devx).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// The catalog file to write.
    #[arg(long, value_name = "FILE", default_value = "data/catalog.yaml")]
    pub out: PathBuf,
}

/// `import-requests`.
#[derive(Debug, Args)]
pub struct ImportRequestsArgs {
    /// The devx catalog folder (upstream/devx).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// The folder to write, one AREA.yaml per first path segment.
    #[arg(long, value_name = "DIR", default_value = "data/requests")]
    pub out: PathBuf,
}

/// `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// How to print results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For a person.
    Text,
    /// One JSON object.
    Json,
}

fn parse_api(s: &str) -> Result<ApiVersion, ParseError> {
    s.parse()
}

fn parse_operation(s: &str) -> Result<Operation, ParseError> {
    s.parse()
}

fn parse_change_type(s: &str) -> Result<ChangeType, ParseError> {
    s.parse()
}

fn parse_mode(s: &str) -> Result<AuthMode, ParseError> {
    s.parse()
}
