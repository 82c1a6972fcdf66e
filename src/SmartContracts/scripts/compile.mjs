// Compiles contracts/**/*.sol with the pinned solc-js into artifacts/<Contract>.json (abi, bytecode, deployedBytecode).
//
//   node scripts/compile.mjs           write the artifacts
//   node scripts/compile.mjs --check   recompile in memory; exit 1 naming every artifact that differs from the sources
//
// The output depends only on the sources, the lockfile's solc and OpenZeppelin, and the settings below: source unit
// names are relative paths and the metadata hash is left out of the bytecode, so the same inputs give the same bytes
// on any machine.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const contractsDir = join(root, "contracts");
const artifactsDir = join(root, "artifacts");
const nodeModules = join(root, "node_modules");

/**
 * The contracts the backend deploys or calls, then those only tests deploy (contracts/testing/); abstract bases and
 * interfaces get no artifact of their own.
 */
const deployable = [
  "NftFactory",
  "Collection721",
  "Collection1155",
  "SignatureValidator6492",
  "OwnedWallet",
  "OwnedWalletFactory",
  "WrongMagicWallet",
  "RevertingWallet",
];

const settings = {
  optimizer: { enabled: true, runs: 200 },
  // Named explicitly so a newer solc default (an EVM fork the chain may not run yet) cannot change the bytecode.
  evmVersion: "cancun",
  metadata: { bytecodeHash: "none" },
  outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"] } },
};

function fail(message) {
  console.error(message);
  process.exit(1);
}

function loadSolc() {
  const solcPackage = join(nodeModules, "solc", "package.json");
  if (!existsSync(solcPackage)) fail(`solc is not installed: run \`npm ci\` in ${root}`);
  return require(join(nodeModules, "solc"));
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .filter((file) => file.endsWith(".sol"))
    .sort();
}

function unitName(file) {
  return relative(root, file).split(sep).join("/");
}

function findImports(path) {
  const file = join(nodeModules, ...path.split("/"));
  return existsSync(file) ? { contents: readFileSync(file, "utf8") } : { error: `not found: ${path}` };
}

function compile(solc) {
  const sources = Object.fromEntries(
    sourceFiles(contractsDir).map((file) => [unitName(file), { content: readFileSync(file, "utf8") }]),
  );
  const input = { language: "Solidity", sources, settings };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));

  // Warnings count as errors, as they do for the C# build.
  const problems = (output.errors ?? []).filter((e) => e.severity !== "info");
  if (problems.length > 0) fail(problems.map((e) => e.formattedMessage).join("\n"));

  const version = solc.version().replace(/\.Emscripten.*$/, "");
  return deployable.map((name) => {
    const sourceName = Object.keys(output.contracts).find((unit) => output.contracts[unit][name]);
    if (!sourceName) fail(`no contract ${name} in ${Object.keys(sources).join(", ")}`);
    const contract = output.contracts[sourceName][name];
    const artifact = {
      contractName: name,
      sourceName,
      compiler: {
        version,
        optimizer: settings.optimizer,
        evmVersion: settings.evmVersion,
        bytecodeHash: settings.metadata.bytecodeHash,
      },
      abi: contract.abi,
      bytecode: `0x${contract.evm.bytecode.object}`,
      deployedBytecode: `0x${contract.evm.deployedBytecode.object}`,
    };
    return { file: `${name}.json`, text: `${JSON.stringify(artifact, null, 2)}\n` };
  });
}

function committedArtifacts() {
  return existsSync(artifactsDir) ? readdirSync(artifactsDir).filter((f) => f.endsWith(".json")).sort() : [];
}

function check(artifacts) {
  const expected = new Set(artifacts.map((a) => a.file));
  const differing = artifacts
    .filter((a) => {
      const path = join(artifactsDir, a.file);
      return !existsSync(path) || readFileSync(path, "utf8") !== a.text;
    })
    .map((a) => `  ${a.file}: differs from the sources`);
  const stale = committedArtifacts()
    .filter((file) => !expected.has(file))
    .map((file) => `  ${file}: no such contract in the sources`);
  const problems = [...differing, ...stale];
  if (problems.length > 0) {
    fail(`artifacts/ is out of date; run \`node scripts/compile.mjs\`:\n${problems.join("\n")}`);
  }
  console.log(`artifacts/ matches the sources (${artifacts.length} contracts)`);
}

function write(artifacts) {
  mkdirSync(artifactsDir, { recursive: true });
  const expected = new Set(artifacts.map((a) => a.file));
  const stale = committedArtifacts().filter((file) => !expected.has(file));
  if (stale.length > 0) fail(`artifacts/ holds files of no contract; delete them: ${stale.join(", ")}`);
  for (const artifact of artifacts) writeFileSync(join(artifactsDir, artifact.file), artifact.text);
  console.log(`wrote ${artifacts.map((a) => `artifacts/${a.file}`).join(", ")}`);
}

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== "--check");
if (unknown.length > 0) fail(`unknown argument(s): ${unknown.join(" ")}\nusage: node scripts/compile.mjs [--check]`);

const artifacts = compile(loadSolc());
if (args.includes("--check")) check(artifacts);
else write(artifacts);
