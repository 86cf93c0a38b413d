/**
 * Usage text of every command, kept apart from the commands so `--help`
 * and the dispatcher load none of their dependencies.
 */

export const GENERATE_HELP = `switchboard generate [SPEC...] [--out DIR] [--force] [--package-name NAME] [--check] [--watch] [--version auto|X.Y.Z] [--quiet | --verbose]

  With no SPEC, every specs/<name>.yaml is generated into generated/<name>/.
  With one SPEC and --out DIR, the package is written to DIR.
  The package is named @switchboard/<name> (<name>: the spec's file name,
  lower case) unless --package-name says otherwise.

  DIR must be new, empty or an earlier Switchboard output (it has a
  .switchboard-manifest.json); regenerating replaces only the files listed
  there and keeps everything else. Never written: the project root, the
  current folder or one above it, the spec's folder, your home folder.

  --out DIR   output folder (one SPEC), or parent folder (several SPECs)
  --force     write into a folder Switchboard did not write (same-named files are replaced)
  --package-name NAME
              the package's npm name, scoped or not (one SPEC): @acme/pets-sdk
  --check     write nothing; list files that differ, are missing or extra; exit 1 on drift
  --watch     regenerate when a spec, a file it $refs, or a template changes (Ctrl-C stops)
  --version auto  version the package by a diff against the previous output's openapi.json
              (major, minor or patch; npm's 0.x rules) and prepend to its CHANGELOG.md;
              --version X.Y.Z fixes it (default: info.version). With a fixed version,
              --check also fails when the spec breaks consumers and the major did not change
  --quiet     print errors only (no warnings)
  --verbose   print phase timings (load, model, emit per emitter, format, write)`;

export const LINT_HELP = `switchboard lint [SPEC...] [--format text|json] [--max-warnings N] [--quiet]

  Checks each spec (default: every specs/<name>.yaml) against the OpenAPI
  3.0/3.1 schema and Switchboard's rules; prints file:line:col problems.
  Exit 1 on errors, or on more than N warnings with --max-warnings N.

  --format json       machine-readable output
  --max-warnings N    fail when there are more than N warnings
  --quiet             report errors only`;

export const INIT_HELP = `switchboard init [--spec FILE] [--out DIR] [--force]

  Run in a repository with a package.json. Writes a starter spec to
  specs/api.yaml (or uses --spec FILE when it exists; writes the starter
  there when it does not), adds "generate": "switchboard generate SPEC --out DIR"
  to package.json, and prints the next steps. Safe to run again.

  --spec FILE  the spec to use (default specs/api.yaml)
  --out DIR    where the generated package goes (default generated/<spec name>)
  --force      replace the starter spec and an existing different generate script`;

export const MOCK_HELP = `switchboard mock SPEC [--port N] [--host H] [options]

  Serves SPEC's mock under its first server URL's path (e.g. /v1 for Plivo):
  validating requests, stateful, answering in the API's own error format.

  --port N               port (default 4010; 0 picks a free one)
  --host H               interface (default 127.0.0.1)
  --stateless            answer from examples only; nothing is stored
  --seed N               seed of samples and generated ids (default 1)
  --credentials U:P      accept only these Basic-auth credentials
  --latency MS           delay every response
  --rate-limit-every N   answer every Nth request with 429 and Retry-After
  --fail-next N          answer the first N requests with 500
  --max-body BYTES       largest request body (default 1048576)
  --no-cors              no CORS headers (by default any origin may call the mock)
  --quiet                no line per request`;

export const DIFF_HELP = `switchboard diff OLD NEW [--format text|json] [--rules-only]

  Lists every change to the generated package's public surface between two
  versions of a spec, each classified breaking, feature or fix, with both
  file:line:col locations, and the semver bump they need. Each side is a
  spec file, a git revision of one (main:specs/plivo.yaml) or a generated
  package folder (its openapi.json). The type checker proves the classes:
  old params must still be assignable to new, new results to old.
  Exit 0 whatever the bump; 1 when a side does not load.

  --format json   { "bump", "changes": [{ "kind", "code", "message", … }] }
  --rules-only    skip the type checker (faster; the rules alone decide)`;
