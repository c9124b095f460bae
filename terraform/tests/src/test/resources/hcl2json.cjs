// Converts Terraform files to JSON with @cdktf/hcl2json (HashiCorp's HCL parser compiled to wasm).
// Usage: node hcl2json.cjs <file.tf>...   (NODE_PATH must contain the package)
// Prints one JSON object {path: parsed-or-{"__error": message}}; exits 1 if any file failed.
const fs = require('fs');
const { parse } = require('@cdktf/hcl2json');

(async () => {
  const parsed = {};
  let failed = false;
  for (const file of process.argv.slice(2)) {
    try {
      parsed[file] = await parse(file, fs.readFileSync(file, 'utf8'));
    } catch (error) {
      failed = true;
      parsed[file] = { __error: String((error && error.message) || error) };
    }
  }
  process.stdout.write(JSON.stringify(parsed));
  process.exitCode = failed ? 1 : 0;
})();
